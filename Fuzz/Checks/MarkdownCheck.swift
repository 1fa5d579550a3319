import Foundation
import SiteCitations
import SiteContent
import SiteCore
import SiteMarkdown
import SiteBuild

extension FuzzTarget {
    /// A guide body: Markdown with citations and shortcodes, parsed, positioned and rendered.
    public static let markdown = FuzzTarget(
        name: "markdown",
        summary: "Markdown with [@citations] and {{< shortcodes >}} through libcmark, position re-scanning and the HTML renderer. "
            + "Every position lies inside the input; a text without errors renders only the renderer's elements and attributes, "
            + "and no link runs code; parsed in small pieces, a text renders as it does parsed whole.",
        check: MarkdownCheck.problems)
}

/// The markdown target's checks.
enum MarkdownCheck {
    static let path = "Content/guide/fuzzed.md"

    /// Sources the text may cite, with titles that need escaping.
    static let bibliography = Bibliography(entries: ["smith2020", "doe-2019", "who:2021", "a"].map { key in
        SourceEntry(id: Located(key, at: SiteCore.SourceLocation(path: "Content/sources.yaml", line: 1, column: 1)), type: "report",
                    fields: ["title": "On <b>\"\(key)\"</b> & 'more'"])
    })

    static let options = MarkdownOptions(shortcodes: Component.shortcodes, allowRawHTML: false, reservedIDs: ["main", "sources", "top"])

    static func problems(_ input: [UInt8]) -> [String] {
        let decoded = InputBounds.decode(input[...], path: path)
        guard let text = decoded.text else { return decoded.problems }
        let bounds = InputBounds([path: text])
        let whole = MarkdownParser.parse(text[...], source: SourceMap(path: path), options: options, minimumPiece: .max)
        var problems = bounds.problems(whole.diagnostics + CitationCheck.unknownKeys(in: whole.citations, bibliography: bibliography))
        whole.forEachNode { node in
            if let outside = bounds.problem(whole.location(of: node)) { problems.append("a \(String(describing: node.kind).prefix(40)) node: \(outside)") }
        }
        for item in whole.citations.flatMap(\.items) {
            if let outside = bounds.problem(item.location) { problems.append("the citation of @\(item.key): \(outside)") }
        }
        for link in whole.links {
            if let outside = bounds.problem(link.location) { problems.append("the link to '\(link.url)': \(outside)") }
        }
        let html = render(whole)
        if !whole.diagnostics.hasErrors { problems += RenderedMarkup.problems(in: html) }
        // Long texts are parsed in pieces; small pieces here put the cuts where a short text can reach them.
        let pieces = MarkdownParser.parse(text[...], source: SourceMap(path: path), options: options, minimumPiece: 16)
        if pieces.diagnostics != whole.diagnostics {
            problems.append("parsed in pieces, the text has other diagnostics than parsed whole: \(pieces.diagnostics) against \(whole.diagnostics)")
        } else if render(pieces) != html {
            problems.append("parsed in pieces, the text renders differently from parsed whole")
        }
        return problems
    }

    /// The body's HTML as a guide page has it: numbered citation marks and a placeholder per component.
    static func render(_ document: MarkdownDocument) -> String {
        let numbering = CitationNumbering(citations: document.citations, bibliography: bibliography)
        let hooks = MarkdownRenderer.Hooks(
            shortcode: { "<div class=\"component\" data-component=\"\(Escape.html($0))\"></div>\n" },
            citation: { numbering.mark($0) },
            url: { InternalURL.resolve($0, basePath: "/") })
        return MarkdownRenderer().render(document, hooks: hooks)
    }
}
