import SiteContent
import SiteCore
import SiteMarkdown
import Foundation

/// schema.org JSON-LD for a guide: MedicalWebPage, and FAQPage when the page has questions.
enum StructuredData {
    static func guide(_ guide: GuidePage, reviewer: SiteConfig.Reviewer?, config: SiteConfig, faq: [FAQEntry]?,
                      citations: [SourceEntry]) -> [String] {
        let page = JSONValue.object(omittingNil: [
            ("@context", .string("https://schema.org")),
            ("@type", .string("MedicalWebPage")),
            ("name", .string(guide.title)),
            ("description", .string(guide.description)),
            ("url", .string(config.absoluteURL(guide.route))),
            ("inLanguage", .string(config.language)),
            ("datePublished", .string(guide.published.description)),
            ("dateModified", .string((guide.updated ?? guide.reviewed ?? guide.published).description)),
            // A review is claimed only with a named reviewer (loading refuses `reviewed` without one).
            ("lastReviewed", reviewer == nil ? nil : guide.reviewed.map { .string($0.description) }),
            ("reviewedBy", reviewer.map { .object([("@type", .string("Person")), ("name", .string($0.name)),
                                                   ("honorificSuffix", .string($0.credentials))]) }),
            ("citation", citations.isEmpty ? nil : .array(citations.map(work))),
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

    /// A cited source: a ScholarlyArticle, or a WebPage for web pages; the DOI is its identifier.
    static func work(_ entry: SourceEntry) -> JSONValue {
        let authors = (entry.names["author"] ?? []).map { name -> JSONValue in
            name.literal.isEmpty
                ? .object([("@type", .string("Person")), ("name", .string([name.given, name.nonDroppingParticle, name.family].filter { !$0.isEmpty }.joined(separator: " ")))])
                : .object([("@type", .string("Organization")), ("name", .string(name.literal))])
        }
        let issued = entry.dates["issued"].flatMap { date -> String? in
            guard let year = date.year else { return nil }
            return ([year] + [date.month, date.day].compactMap { $0 }).enumerated()
                .map { $0.offset == 0 ? String(format: "%04d", $0.element) : String(format: "%02d", $0.element) }.joined(separator: "-")
        }
        let isWebPage = entry.type == "webpage"
        return .object(omittingNil: [
            ("@type", .string(isWebPage ? "WebPage" : "ScholarlyArticle")),
            ("name", .string(entry.title)),
            ("author", authors.isEmpty ? nil : .array(authors)),
            ("datePublished", issued.map(JSONValue.string)),
            ("isPartOf", entry.fields["container-title"].map {
                .object([("@type", .string(isWebPage ? "WebSite" : "Periodical")), ("name", .string($0))])
            }),
            ("identifier", entry.fields["DOI"].map {
                .object([("@type", .string("PropertyValue")), ("propertyID", .string("DOI")), ("value", .string($0))])
            }),
            ("url", entry.link.map(JSONValue.string)),
        ])
    }

    /// The text of a Markdown answer: blocks joined by spaces, soft breaks as spaces, citation marks dropped.
    static func plainText(_ document: MarkdownDocument) -> String {
        document.blocks.map(\.plainText).joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
