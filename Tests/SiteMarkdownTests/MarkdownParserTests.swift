import SiteCore
import SiteTestSupport
import Testing
@testable import SiteMarkdown

@Suite(.cleansUp) struct MarkdownParserTests {
    let source = SourceMap(path: "guide.md")

    func parse(_ text: String, shortcodes: Set<String> = []) -> MarkdownDocument {
        MarkdownParser.parse(text, source: source, options: MarkdownOptions(shortcodes: shortcodes))
    }

    @Test func headingsGetLowercaseHyphenatedUniqueIDs() {
        let document = parse("# What is an IOP?\n\n## Who benefits\n\n## Who benefits\n\n## Café & Co.\n")
        #expect(document.headings.map(\.id) == ["what-is-an-iop", "who-benefits", "who-benefits-1", "cafe-co"])
    }

    @Test func headingsAvoidReservedIDs() {
        let document = MarkdownParser.parse("## Sources\n", source: source, options: MarkdownOptions(reservedIDs: ["sources"]))
        #expect(document.headings.map(\.id) == ["sources-1"])
    }

    @Test func headingsRenderWithAVisibleAnchorLink() {
        let html = MarkdownRenderer().render(parse("## Who benefits\n"))
        #expect(html == "<h2 id=\"who-benefits\">Who benefits <a class=\"heading-anchor\" href=\"#who-benefits\" aria-label=\"Link to this section: Who benefits\">#</a></h2>\n")
    }

    @Test func smartPunctuationIsApplied() {
        let html = MarkdownRenderer().render(parse("\"Quoted\" -- it's...\n"))
        #expect(html == "<p>\u{201C}Quoted\u{201D} \u{2013} it\u{2019}s\u{2026}</p>\n")
    }

    @Test func linkPositionsCountCharactersNotBytes() {
        let document = parse("Ça coûte — voir [ici](https://example.org/a).\n")
        #expect(document.links.map(\.location) == [SourceLocation(path: "guide.md", line: 1, column: 23)])
    }

    @Test func linkPositionsOnIndentedContinuationLines() {
        let text = "- first item\n  continues with é and\n    [a link](/rehab-centers/) here\n"
        let document = parse(text)
        #expect(document.links.first?.location == SourceLocation(path: "guide.md", line: 3, column: 14))
    }

    @Test func positionsShiftBySourceMap() {
        let map = SourceMap(path: "data/faq.yaml", firstLine: 10, columnOffset: 4)
        let document = MarkdownParser.parse("Line one\n[x](/a/)\n", source: map)
        #expect(document.links.first?.location == SourceLocation(path: "data/faq.yaml", line: 11, column: 9))
    }

    @Test func rawHTMLIsAnErrorAtItsPosition() {
        let document = parse("Para with <span>raw</span> html.\n\n<div>\nblock\n</div>\n")
        #expect(document.diagnostics.map(\.description) == [
            "guide.md:1:11: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)",
            "guide.md:1:20: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)",
            "guide.md:3:1: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)",
        ])
    }

    @Test func unsafeURLSchemesAreErrors() {
        let document = parse("[a](javascript:alert(1)) and ![b](DATA:image/png;base64,xx) and [c](vbscript:x)\n")
        #expect(document.diagnostics.map(\.description) == [
            "guide.md:1:5: error: unsafe URL scheme 'javascript:' in link 'javascript:alert(1)'",
            "guide.md:1:35: error: unsafe URL scheme 'data:' in image 'DATA:image/png;base64,xx'",
            "guide.md:1:69: error: unsafe URL scheme 'vbscript:' in link 'vbscript:x'",
        ])
    }

    @Test func shortcodesOnTheirOwnLineBecomeComponents() {
        let document = parse("Intro\n\n{{< faq >}}\n\n{{< nope >}}\n\nText {{< faq >}} inline.\n", shortcodes: ["faq"])
        #expect(document.shortcodes == ["faq", "nope"])
        #expect(document.diagnostics.map(\.description) == ["guide.md:5:1: error: unknown shortcode 'nope' (known: faq)"])
        let html = MarkdownRenderer().render(document, hooks: .init(shortcode: { "<section>\($0)</section>\n" }))
        #expect(html.contains("<section>faq</section>"))
        #expect(html.contains("<p>Text {{&lt; faq &gt;}} inline.</p>"))
    }

    @Test func citationsAreFoundInTextOnlyWithPositions() {
        let text = "A claim [@samhsa2006; see @mcCarty2014, p. 33].\n`[@code]` and [link](https://x.org/[@url]) and ñ [@b].\n"
        let document = parse(text)
        let citations = document.citations
        #expect(citations.count == 2)
        #expect(citations[0].location == SourceLocation(path: "guide.md", line: 1, column: 9))
        #expect(citations[0].items.map(\.key) == ["samhsa2006", "mcCarty2014"])
        #expect(citations[0].items[1].prefix == "see")
        #expect(citations[0].items[1].locator == "p. 33")
        #expect(citations[0].items.map(\.location.column) == [10, 27])
        #expect(citations[1].location == SourceLocation(path: "guide.md", line: 2, column: 50))
    }

    @Test func bracketsWithoutKeysAreText() {
        let document = parse("Write to me@example.org [not a citation] [x @ y].\n")
        #expect(document.citations.isEmpty)
    }

    @Test func citationsRenderThroughTheResolverHook() {
        let html = MarkdownRenderer().render(parse("Fact [@a].\n"), hooks: .init(citation: { "<sup>\($0.items[0].key)</sup>" }))
        #expect(html == "<p>Fact <sup>a</sup>.</p>\n")
    }

    @Test func textIsEscaped() {
        let html = MarkdownRenderer().render(parse("a &lt; b & \"c\" `<script>`\n"))
        #expect(html == "<p>a &lt; b &amp; \u{201C}c\u{201D} <code>&lt;script&gt;</code></p>\n")
    }

    @Test func listsAndCodeRender() {
        let html = MarkdownRenderer().render(parse("1. one\n2. two\n\n```swift\nlet x = 1 < 2\n```\n"))
        #expect(html == "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n")
    }
}
