import CCMark
import Foundation
import SiteCore
import SiteTestSupport
import Testing
@testable import SiteMarkdown

/// Every example of the CommonMark spec (0.31.2) renders as libcmark's own HTML renderer renders it,
/// with the same options, apart from the documented deliberate differences.
@Suite(.cleansUp) struct CommonMarkSpecTests {
    struct Example: Decodable {
        let markdown: String
        let example: Int
        let section: String
    }

    static let examples: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/commonmark/spec-0.31.2.json")
        return (try? JSONDecoder().decode([Example].self, from: Data(contentsOf: url))) ?? []
    }()

    /// libcmark's reference HTML with iopsite's parsing options (smart punctuation), raw HTML let through.
    static func reference(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8).map { CChar(bitPattern: $0) }
        guard let html = cmark_markdown_to_html(bytes, bytes.count, CMARK_OPT_SMART | CMARK_OPT_UNSAFE) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    static func ours(_ markdown: String) -> String {
        let document = MarkdownParser.parse(markdown, source: SourceMap(path: "spec.md"), options: MarkdownOptions(allowRawHTML: true))
        return MarkdownRenderer().render(document)
    }

    /// The deliberate differences, undone: headings carry an id and a visible anchor link; void
    /// elements are written HTML5's way, without ` />`.
    static func normalised(_ html: String) -> String {
        var text = html.replacingOccurrences(of: " />", with: ">")
        text = text.replacingOccurrences(of: ##" <a class="heading-anchor" href="#[^"]*" aria-label="[^"]*">#</a>(</h[1-6]>)"##,
                                         with: "$1", options: .regularExpression)
        return text.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
    }

    @Test func theSpecExamplesAreAllThere() {
        #expect(Self.examples.count == 652)
    }

    @Test(arguments: examples.map(\.example))
    func exampleRendersAsLibcmarkRendersIt(number: Int) {
        let example = Self.examples[number - 1]
        #expect(Self.normalised(Self.ours(example.markdown)) == Self.normalised(Self.reference(example.markdown)),
                "example \(number) (\(example.section)): \(example.markdown.debugDescription)")
    }

    @Test func imagesKeepTheirTextAsAlt() {
        #expect(Self.ours("![foo *bar*](/url \"title\")\n") == "<p><img src=\"/url\" alt=\"foo bar\" title=\"title\"></p>\n")
    }

    @Test func urlsArePercentEncodedAsLibcmarkDoes() {
        #expect(Self.ours("[x](</my uri>)\n") == "<p><a href=\"/my%20uri\">x</a></p>\n")
        #expect(Self.ours("[x](foo\\bar)\n") == "<p><a href=\"foo%5Cbar\">x</a></p>\n")
        #expect(Self.ours("[x](/a?b=1&c='d')\n") == "<p><a href=\"/a?b=1&amp;c=&#x27;d&#x27;\">x</a></p>\n")
    }

    @Test func codeFenceInfoStopsAtTheFirstWhitespace() {
        #expect(Self.ours("```ruby\tstartline=3\nx\n```\n") == "<pre><code class=\"language-ruby\">x\n</code></pre>\n")
    }
}
