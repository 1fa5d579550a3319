import SiteContent
import SiteCore
import SiteMarkdown
import SiteTestSupport
import Testing
@testable import SiteCitations

@Suite(.cleansUp) struct CitationNumberingTests {
    static func entry(_ id: String, title: String) -> SourceEntry {
        SourceEntry(id: Located(id, at: SourceLocation(path: "Content/sources.yaml", line: 1, column: 1)),
                    type: "article-journal", fields: ["title": title])
    }

    let bibliography = Bibliography(entries: ["a", "b", "c", "d", "e"].map { entry($0, title: "Title \($0.uppercased()) <x>") })

    func citations(_ text: String) -> [Citation] {
        MarkdownParser.parse(text, source: SourceMap(path: "g.md")).citations
    }

    func link(_ key: String, _ number: Int, _ occurrence: Int = 1) -> String {
        "<a href=\"#ref-\(key)\" id=\"cite-\(key)-\(occurrence)\" aria-label=\"Source \(number): Title \(key.uppercased()) &lt;x&gt;\">\(number)</a>"
    }

    @Test func sourcesAreNumberedByFirstCitation() {
        let numbering = CitationNumbering(citations: citations("x [@b] y [@a; @b] z [@a]\n"), bibliography: bibliography)
        #expect(numbering.order == ["b", "a"])
        #expect(numbering.number(of: "a") == 2)
        #expect(numbering.citedEntries.map(\.id.value) == ["b", "a"])
    }

    @Test func consecutiveNumbersAreCompressedAndSorted() {
        let cited = citations("[@a] [@b] [@c] [@d] [@e]\n\n[@e; @c; @a; @d]\n")
        let numbering = CitationNumbering(citations: cited, bibliography: bibliography)
        for citation in cited.prefix(5) { _ = numbering.mark(citation) }
        #expect(numbering.mark(cited[5]) == "<sup class=\"citation\">[" + link("a", 1, 2) + ", " + link("c", 3, 2) + "–<span id=\"cite-d-2\"></span>" + link("e", 5, 2) + "]</sup>")
    }

    @Test func twoConsecutiveNumbersAreNotARange() {
        let cited = citations("[@a; @b]\n")
        let numbering = CitationNumbering(citations: cited, bibliography: bibliography)
        #expect(numbering.mark(cited[0]) == "<sup class=\"citation\">[" + link("a", 1) + ", " + link("b", 2) + "]</sup>")
    }

    @Test func locatorsAndPrefixesAreShown() {
        let cited = citations("[@a] [@b, p. 720] [see @a, pp. 33-35; @c, chap. 2]\n")
        let numbering = CitationNumbering(citations: cited, bibliography: bibliography)
        #expect(numbering.mark(cited[0]) == "<sup class=\"citation\">[" + link("a", 1) + "]</sup>")
        #expect(numbering.mark(cited[1]) == "<sup class=\"citation\">[" + link("b", 2) + ", p. 720]</sup>")
        #expect(numbering.mark(cited[2]) == "<sup class=\"citation\">[see " + link("a", 1, 2) + ", pp. 33-35; " + link("c", 3) + ", chap. 2]</sup>")
    }

    @Test func theSourcesListHasEveryCitedEntryInNumberOrderWithItsMarkCount() {
        let numbering = CitationNumbering(citations: citations("[@b] [@a] [@b]\n"), bibliography: bibliography)
        #expect(numbering.listEntries.map { "\($0.number) \($0.entry.id.value) \($0.occurrences)" } == ["1 b 2", "2 a 1"])
    }

    @Test func unknownKeysAreErrorsAtTheKey() {
        let diagnostics = CitationCheck.unknownKeys(in: citations("See [@a; @zz].\n"), bibliography: bibliography)
        #expect(diagnostics.map(\.description) == ["g.md:1:10: error: unknown citation key 'zz' (not in the bibliography)"])
    }

    @Test func citationsInCodeSpansAndURLsAreUntouched() {
        let document = MarkdownParser.parse("`[@a]` and [x](https://e.org/[@b]) and [@c]\n", source: SourceMap(path: "g.md"))
        #expect(document.citations.flatMap(\.items).map(\.key) == ["c"])
        let numbering = CitationNumbering(citations: document.citations, bibliography: bibliography)
        let html = MarkdownRenderer().render(document, hooks: .init(citation: numbering.mark))
        #expect(html.hasPrefix("<p><code>[@a]</code> and <a href=\"https://e.org/%5B@b%5D\">x</a> and <sup class=\"citation\">"))
    }
}
