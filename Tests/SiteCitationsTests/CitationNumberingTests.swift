import SiteContent
import SiteCore
import SiteMarkdown
import Testing
@testable import SiteCitations

@Suite struct CitationNumberingTests {
    static func entry(_ id: String, title: String, fields: [String: String] = [:]) -> SourceEntry {
        SourceEntry(id: Located(id, at: SourceLocation(path: "Content/sources.yaml", line: 1, column: 1)),
                    type: "article-journal", title: title, fields: fields)
    }

    let bibliography = Bibliography(entries: [
        entry("a", title: "Alpha <study>", fields: ["DOI": "10.1/x"]),
        entry("b", title: "Beta", fields: ["URL": "https://b.example/"]),
    ])

    func citations(_ text: String) -> [Citation] {
        MarkdownParser.parse(text, source: SourceMap(path: "g.md")).citations
    }

    @Test func sourcesAreNumberedByFirstCitation() {
        let numbering = CitationNumbering(citations: citations("x [@b] y [@a; @b] z [@a]\n"), bibliography: bibliography)
        #expect(numbering.order == ["b", "a"])
        #expect(numbering.number(of: "a") == 2)
    }

    @Test func marksLinkToTheirEntryAndCountTheirOccurrences() {
        let cited = citations("x [@a] y [@a, p. 3]\n")
        let numbering = CitationNumbering(citations: cited, bibliography: bibliography)
        #expect(numbering.mark(cited[0]) == "<sup class=\"citation\">[<a href=\"#ref-a\" id=\"cite-a-1\" aria-label=\"Source 1: Alpha &lt;study&gt;\">1</a>]</sup>")
        #expect(numbering.mark(cited[1]) == "<sup class=\"citation\">[<a href=\"#ref-a\" id=\"cite-a-2\" aria-label=\"Source 1: Alpha &lt;study&gt;\">1, p. 3</a>]</sup>")
    }

    @Test func theSourcesListHasEveryCitedEntryInNumberOrderWithItsMarkCount() {
        let numbering = CitationNumbering(citations: citations("[@b] [@a] [@b]\n"), bibliography: bibliography)
        #expect(numbering.listEntries.map { "\($0.number) \($0.entry.id.value) \($0.occurrences)" } == ["1 b 2", "2 a 1"])
    }

    @Test func unknownKeysAreErrorsAtTheKey() {
        let diagnostics = CitationCheck.unknownKeys(in: citations("See [@a; @zz].\n"), bibliography: bibliography)
        #expect(diagnostics.map(\.description) == ["g.md:1:10: error: unknown citation key 'zz' (not in the bibliography)"])
    }
}
