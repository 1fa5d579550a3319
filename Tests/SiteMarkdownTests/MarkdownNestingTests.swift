import SiteCore
import SiteTestSupport
import Testing
@testable import SiteMarkdown
import Foundation

/// Nesting of any depth either renders or is refused with a located error naming the limit; it never crashes.
@Suite(.cleansUp) struct MarkdownNestingTests {
    func parse(_ text: String) -> MarkdownDocument {
        MarkdownParser.parse(text, source: SourceMap(path: "guide.md", firstLine: 3))
    }

    func expectRefused(_ text: String, at line: Int = 3) {
        let document = parse(text)
        #expect(document.blocks.isEmpty)
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.message.contains("the limit is \(MarkdownParser.maximumNesting)") == true)
        #expect(document.diagnostics.first?.location.line == line)
    }

    @Test func twentyThousandNestedBlockQuotesAreRefused() {
        expectRefused(String(repeating: "> ", count: 20_000) + "a\n")
    }

    @Test func fiftyThousandNestedEmphasisAreRefused() {
        expectRefused("Intro.\n\n" + String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000) + "\n", at: 5)
    }

    @Test func aHundredThousandNestedImagesAreRefused() {
        expectRefused(String(repeating: "![", count: 100_000) + "a" + String(repeating: "](b)", count: 100_000) + "\n")
    }

    @Test func nestingUpToTheLimitRenders() {
        let quotes = String(repeating: "> ", count: MarkdownParser.maximumNesting - 1) + "deep\n"
        let document = parse(quotes)
        #expect(document.diagnostics.isEmpty)
        let html = MarkdownRenderer().render(document)
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == MarkdownParser.maximumNesting - 1)
        #expect(html.contains("<p>deep</p>"))
    }

    @Test func deepListsAreRefusedToo() {
        let list = (0..<150).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n") + "\n"
        let document = parse(list)
        #expect(document.diagnostics.first?.message.contains("nested more than") == true)
    }

    @Test func anEmptyTextParsesToNothing() {
        let document = parse("")
        #expect(document.blocks.isEmpty && document.diagnostics.isEmpty)
        #expect(MarkdownRenderer().render(document) == "")
    }
}
