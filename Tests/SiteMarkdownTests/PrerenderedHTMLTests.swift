import SiteCore
import Testing
@testable import SiteMarkdown

/// A simple text kept as HTML renders to the bytes its node tree renders to, with the same links at the same
/// positions; any other text is kept as nodes.
@Suite struct PrerenderedHTMLTests {
    let source = SourceMap(path: "Content/directory/ca.yaml", firstLine: 12, columnOffset: 6)
    let hooks = MarkdownRenderer.Hooks(url: { $0.hasPrefix("/") ? "/base" + $0 : $0 })

    func parse(_ text: String, prerendering: Bool) -> MarkdownDocument {
        MarkdownParser.parse(text, source: source, options: MarkdownOptions(prerendersSimpleText: prerendering))
    }

    @Test func aSimpleTextRendersAsItsNodesDoWithTheSameLinks() {
        var generator = SplitMix64(seed: 24)
        let words = ["Care", "relapse", "*group*", "**plan**", "`code <b>`", "\"quoted\"", "it's", "a & b", "x < y",
                     "[peer](https://example.org/a?b=1&c=2)", "[home](/rehab-centers/)", "[t](https://example.org \"T & t\")",
                     "[**strong** link](https://example.org/s)", "_em_", "--", "Café", "line  \nbreak", "1.", "(see)"]
        var prerendered = 0
        for _ in 0..<400 {
            var text = ""
            for paragraph in 0..<Int(1 + generator.next() % 3) {
                if paragraph > 0 { text += "\n\n" }
                for index in 0..<Int(1 + generator.next() % 14) {
                    text += (index == 0 ? "" : generator.next() % 5 == 0 ? "\n" : " ") + words[Int(generator.next() % UInt64(words.count))]
                }
            }
            text += "\n"
            let tree = parse(text, prerendering: false)
            let simple = parse(text, prerendering: true)
            if simple.prerendered != nil { prerendered += 1 }
            #expect(MarkdownRenderer().render(simple, hooks: hooks) == MarkdownRenderer().render(tree, hooks: hooks), "\(text)")
            #expect(simple.links.map(\.url) == tree.links.map(\.url), "\(text)")
            #expect(simple.links.map(\.location) == tree.links.map(\.location), "\(text)")
            #expect(simple.diagnostics.isEmpty && tree.diagnostics.isEmpty)
            #expect(simple.sourceLength == tree.sourceLength)
        }
        #expect(prerendered > 300)
    }

    @Test func otherTextsAreKeptAsNodesWithTheirDiagnostics() {
        for text in ["# Heading\n", "- item\n", "> quote\n", "Fact [@key].\n", "mail me@example.org\n", "{{< faq >}}\n",
                     "<b>raw</b>\n", "[x](javascript:alert(1))\n", "![image](/a.png)\n", "```\ncode\n```\n", "---\n"] {
            let simple = parse(text, prerendering: true)
            #expect(simple.prerendered == nil, "\(text)")
            let tree = parse(text, prerendering: false)
            #expect(simple.diagnostics.map(\.description) == tree.diagnostics.map(\.description), "\(text)")
            #expect(MarkdownRenderer().render(simple, hooks: hooks) == MarkdownRenderer().render(tree, hooks: hooks), "\(text)")
        }
    }

    @Test func aNulByteIsReadAsTheReplacementCharacterEitherWay() {
        for prerendering in [true, false] {
            let document = parse("before\u{0}after *x\u{0}y*\n", prerendering: prerendering)
            #expect(MarkdownRenderer().render(document, hooks: hooks) == "<p>before\u{FFFD}after <em>x\u{FFFD}y</em></p>\n")
        }
    }
}
