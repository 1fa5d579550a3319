import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport
import Testing

/// Components from data files on a fixture site: rendering, checks and escaping.
@Suite(.cleansUp) struct GuideComponentsTests {
    static let guide = """
        ---
        title: T
        description: D
        published: 2024-01-02
        ---
        Intro [@drake2007].

        {{< comparison >}}

        {{< faq >}}

        {{< sources >}}
        """

    static let comparison = """
        caption: Compared
        columns: [A, B]
        rows:
          - feature: Cost
            cells:
              - "$1 [@drake2007]"
              - "[x](/a/)"
        """

    static let faq = """
        questions:
          - question: "Is </script><script>alert(1)</script> escaped?"
            answer: |
              Yes: "</script>" & <!-- stays text --> in *JSON*.
        """

    static let templates = [
        "Templates/comparison.mustache": "<table><caption>{{caption}}</caption>{{#rows}}<tr><th scope=\"row\">{{feature}}</th>{{#cells}}<td>{{{html}}}</td>{{/cells}}</tr>{{/rows}}</table>",
        "Templates/faq.mustache": "{{#questions}}<details><summary>{{question}}</summary>{{{answer}}}</details>{{/questions}}",
        "Templates/guide.mustache": "{{<layout}}{{$main}}{{{structured_data}}}{{{body}}}{{/main}}{{/layout}}",
    ]

    func site(_ changes: [String: String] = [:]) throws -> FixtureSite {
        try Fixtures.site(Self.templates.merging([
            "Content/guide/guide.md": Self.guide,
            "Content/guide/data/comparison.yaml": Self.comparison,
            "Content/guide/data/faq.yaml": Self.faq,
            "Content/site.yaml": Fixtures.siteYAML + "\nallow_raw_html: true\n",
        ]) { $1 }.merging(changes) { $1 })
    }

    @Test func componentsRenderInPlaceWithCitationsNumberedInReadingOrder() throws {
        let site = try site()
        let result = site.build()
        #expect(result.diagnostics.map(\.description) == [])
        let html = try #require(site.read("Public/guide/index.html"))
        #expect(html.contains("<tr><th scope=\"row\">Cost</th><td>$1 <sup class=\"citation\">[<a href=\"#ref-drake2007\" id=\"cite-drake2007-2\""))
        #expect(html.contains("<td><a href=\"/a/\">x</a></td>"))
        #expect(html.contains("<a href=\"#cite-drake2007-1\">↩\u{00A0}a</a><a href=\"#cite-drake2007-2\">↩\u{00A0}b</a>"))
        let page = try #require(result.pages.first { $0.route.path == "/guide/" })
        #expect(page.links.contains { $0.href == "/a/" && $0.origin.description == "Content/guide/data/comparison.yaml:7:14" })
        #expect(page.inputs.contains("Content/guide/data/comparison.yaml"))
    }

    @Test func structuredDataCannotBeBrokenOutOfByContent() throws {
        let site = try site()
        _ = site.build()
        let html = try #require(site.read("Public/guide/index.html"))
        let scripts = html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst()
        #expect(scripts.count == 2)
        for script in scripts {
            let json = try #require(script.components(separatedBy: "</script>").first)
            #expect(!json.contains("<"))
            #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        }
        #expect(html.contains("\"name\":\"Is \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e escaped?\""))
        #expect(html.contains("<summary>Is &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; escaped?</summary>"))
        #expect(!html.contains("<script>alert(1)"))
    }

    @Test func aRowWithTheWrongNumberOfCellsIsAnError() throws {
        let site = try site(["Content/guide/data/comparison.yaml": Self.comparison + "\n  - feature: Extra\n    cells: [only one]\n"])
        #expect(site.build().diagnostics.map(\.description) == [
            "Content/guide/data/comparison.yaml:8:5: error: this row has 1 cells but the table has 2 columns",
        ])
    }

    @Test func aShortcodeWithoutItsDataOrTemplateIsAnError() throws {
        let site = try site()
        try site.remove("Content/guide/data/faq.yaml")
        try site.remove("Templates/comparison.mustache")
        #expect(site.build().diagnostics.map(\.description) == [
            "Content/guide/guide.md:8:1: error: {{< comparison >}} needs Templates/comparison.mustache",
            "Content/guide/guide.md:10:1: error: {{< faq >}} needs Content/guide/data/faq.yaml",
        ])
    }

    @Test func unknownKeysAndCitationsInDataFilesAreLocated() throws {
        let site = try site(["Content/guide/data/faq.yaml": "questions:\n  - question: Q\n    answr: A\n    answer: \"See [@nobody].\"\n"])
        #expect(site.build().diagnostics.map(\.description) == [
            "Content/guide/data/faq.yaml:3:5: error: unknown key 'answr' in question (expected one of: answer, question)",
            "Content/guide/data/faq.yaml:4:19: error: unknown citation key 'nobody' (not in the bibliography)",
        ])
    }
}
