import SiteCore
import SiteTestSupport
import Testing
@testable import SiteMarkdown

/// A long text parsed in pieces gives exactly what parsing it whole gives: nodes, ids, positions, errors.
@Suite(.cleansUp) struct MarkdownChunksTests {
    static let section = """
        # Getting started

        Intensive outpatient programs meet *several* times a week [@drake2007, p. 3], and "quotes" --
        dashes... all smart. See [the guide](/guide/ "Guide") and ![a chart](/chart.png).

        - first item
          continues here with `code`
        - second item

          with a second paragraph

        1. one
        2. two

        > quoted text
        that continues lazily

        ```swift
        let x = 1

        # not a heading: inside a fence
        ```

            indented code

        A [bad link](javascript:alert(1)) and <b>inline html</b>.

        Setext heading
        --------------

        ## Getting started

        ***

        """

    static let text = String(repeating: section, count: 40)

    func parse(_ text: String, minimumPiece: Int) -> MarkdownDocument {
        MarkdownParser.parse(text[...], source: SourceMap(path: "g.md", firstLine: 7), options: MarkdownOptions(allowRawHTML: false),
                             minimumPiece: minimumPiece)
    }

    @Test func aTextParsedInPiecesEqualsTheTextParsedWhole() {
        #expect(MarkdownChunks.split(Self.text[...], minimumPiece: 300).count > 20, "the test text is really split")
        let whole = parse(Self.text, minimumPiece: .max)
        let pieces = parse(Self.text, minimumPiece: 300)
        #expect(MarkdownRenderer().render(pieces) == MarkdownRenderer().render(whole))
        #expect(pieces.diagnostics == whole.diagnostics)
        #expect(pieces.diagnostics.count == 120, "a bad link and two raw HTML tags per section")
        #expect(pieces.headings.map(\.id) == whole.headings.map(\.id))
        #expect(pieces.links.map(\.location) == whole.links.map(\.location))
        #expect(pieces.citations.map(\.location) == whole.citations.map(\.location))
    }

    @Test func aTextWithALinkReferenceDefinitionIsNeverSplit() {
        let text = Self.text + "\n[ref]: /somewhere\n"
        #expect(MarkdownChunks.split(text[...], minimumPiece: 300).count == 1)
    }

    @Test func aTextWithAnHTMLBlockThatSpansBlankLinesIsNeverSplit() {
        let text = Self.text + "\n<!-- a comment\n\n# inside it\n-->\n"
        #expect(MarkdownChunks.split(text[...], minimumPiece: 300).count == 1)
    }

    @Test func piecesStartOnlyAtHeadingsAfterABlankLineOutsideFences() {
        for piece in MarkdownChunks.split(Self.text[...], minimumPiece: 300).dropFirst() {
            #expect(piece.text.hasPrefix("# Getting started\n") || piece.text.hasPrefix("## Getting started\n"))
        }
    }

    @Test func aTextWithAFenceInsideAListItemIsNeverSplit() {
        // libcmark closes the item's fence with the line indented four spaces; a splitter that followed fences
        // at the margin alone would take the last fence for a close and cut inside libcmark's code block.
        let text = Self.text + "* item\n\n  ```\n  code\n    ```\n\n```\n\n# inside a fence\n"
        #expect(MarkdownChunks.split(text[...], minimumPiece: 300).count == 1)
        #expect(MarkdownRenderer().render(parse(text, minimumPiece: 300)) == MarkdownRenderer().render(parse(text, minimumPiece: .max)))
    }

    @Test func aBacktickLineWithABacktickInItsInfoStringDoesNotOpenAFence() {
        // "```a`b" is a paragraph; the fence opens on the next "```" and holds the heading.
        let text = Self.text + "```a`b\n\n```\n\n# inside a fence\n\n```\n"
        #expect(MarkdownRenderer().render(parse(text, minimumPiece: 300)) == MarkdownRenderer().render(parse(text, minimumPiece: .max)))
        #expect(MarkdownChunks.split(text[...], minimumPiece: 300).last.map { !$0.text.hasPrefix("# inside a fence") } ?? false)
    }

    @Test func aTextWithALineStartingWithATagIsNeverSplit() {
        // "<div>" opens an HTML block that runs to the next blank line: the "```" in it is no fence for libcmark,
        // so a splitter that took it for one would see the next fence as a close and cut inside a code block.
        let text = Self.text + "<div></div>\n```\n\n```\n\n# inside a fence\n\n```\n"
        #expect(MarkdownChunks.split(text[...], minimumPiece: 300).count == 1)
        #expect(MarkdownRenderer().render(parse(text, minimumPiece: 300)) == MarkdownRenderer().render(parse(text, minimumPiece: .max)))
    }
}
