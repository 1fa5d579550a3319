import SiteContent
import SiteCore
import SiteMarkdown

/// schema.org JSON-LD for a guide: MedicalWebPage, and FAQPage when the page has questions.
enum StructuredData {
    static func guide(_ guide: GuidePage, reviewer: SiteConfig.Reviewer?, config: SiteConfig, faq: [FAQEntry]?) -> [String] {
        let page = JSONValue.object(omittingNil: [
            ("@context", .string("https://schema.org")),
            ("@type", .string("MedicalWebPage")),
            ("name", .string(guide.title)),
            ("description", .string(guide.description)),
            ("url", .string(config.absoluteURL(guide.route))),
            ("inLanguage", .string(config.language)),
            ("datePublished", .string(guide.published.description)),
            ("dateModified", .string((guide.updated ?? guide.reviewed ?? guide.published).description)),
            ("lastReviewed", guide.reviewed.map { .string($0.description) }),
            ("reviewedBy", reviewer.map { .object([("@type", .string("Person")), ("name", .string($0.name))]) }),
        ])
        var documents = [page.serialized()]
        if let faq, !faq.isEmpty, guide.body.shortcodes.contains("faq") {
            let questions = faq.map { entry in
                JSONValue.object([
                    ("@type", .string("Question")),
                    ("name", .string(entry.question)),
                    ("acceptedAnswer", .object([("@type", .string("Answer")), ("text", .string(plainText(entry.answer.document)))])),
                ])
            }
            documents.append(JSONValue.object([
                ("@context", .string("https://schema.org")), ("@type", .string("FAQPage")), ("mainEntity", .array(questions)),
            ]).serialized())
        }
        return documents
    }

    /// The text of a Markdown answer: blocks joined by spaces, soft breaks as spaces, citation marks dropped.
    static func plainText(_ document: MarkdownDocument) -> String {
        document.blocks.map(\.plainText).joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
