import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport
import Testing

/// Each bad input: the exact diagnostic at the right file, line and column; exit 1; output untouched.
@Suite(.cleansUp) struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let changes: [String: String]
        let expected: [String]
        var testDescription: String { name }
    }

    static let guideHead = "---\ntitle: The Guide\ndescription: A guide.\npublished: 2024-01-02\n---\n"

    static let cases: [Case] = [
        Case(name: "malformed YAML",
             changes: ["Content/site.yaml": "title: Fixture\nbase_url: https://example.org/\nnavigation: [a\n"],
             expected: ["Content/site.yaml:4:1: error: malformed YAML: while parsing a flow sequence did not find expected ',' or ']'"]),
        Case(name: "an unknown key",
             changes: ["Content/guide/guide.md": guideHead.replacingOccurrences(of: "title:", with: "titel: x\ntitle:") + "Body\n"],
             expected: [
                 "Content/guide/guide.md:2:1: error: unknown key 'titel' in front matter (expected one of: description, published, reviewed, reviewed_by, title, updated)",
             ]),
        Case(name: "a missing required key",
             changes: ["Content/guide/guide.md": guideHead.replacingOccurrences(of: "description: A guide.\n", with: "") + "Body\n"],
             expected: ["Content/guide/guide.md:2:1: error: missing required key 'description' in front matter"]),
        Case(name: "a wrong type",
             changes: ["Content/site.yaml": Fixtures.siteYAML + "\ndirectory:\n  verified_max_age_days: soon\n"],
             expected: ["Content/site.yaml:15:26: error: 'verified_max_age_days' must be a whole number from 1 to 3650"]),
        Case(name: "a bad date",
             changes: ["Content/guide/guide.md": guideHead.replacingOccurrences(of: "2024-01-02", with: "2024-13-02") + "Body\n"],
             expected: ["Content/guide/guide.md:4:12: error: 'published' must be a date written YYYY-MM-DD, not '2024-13-02'"]),
        Case(name: "an unknown shortcode",
             changes: ["Content/guide/guide.md": guideHead + "Intro\n\n{{< comparsion >}}\n"],
             expected: ["Content/guide/guide.md:8:1: error: unknown shortcode 'comparsion' (known: comparison, faq, featured-centers, insurers, modalities, schedule, sources)"]),
        Case(name: "raw HTML in Markdown",
             changes: ["Content/guide/guide.md": guideHead + "Intro with <script>alert(1)</script>.\n"],
             expected: [
                 "Content/guide/guide.md:6:12: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)",
                 "Content/guide/guide.md:6:28: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)",
             ]),
        Case(name: "a javascript: link",
             changes: ["Content/guide/guide.md": guideHead + "Intro\n\n- item\n  with [a link](javascript:alert(1))\n"],
             expected: ["Content/guide/guide.md:9:17: error: unsafe URL scheme 'javascript:' in link 'javascript:alert(1)'"]),
        Case(name: "a citation key that does not exist",
             changes: ["Content/guide/guide.md": guideHead + "Claim [@drake2007; @nobody2020].\n\n{{< sources >}}\n"],
             expected: ["Content/guide/guide.md:6:20: error: unknown citation key 'nobody2020' (not in the bibliography)"]),
        Case(name: "a template naming a field its view model lacks",
             changes: ["Templates/guide.mustache": "{{<layout}}{{$main}}\n<h1>{{title}}</h1>\n<p>{{subtitle}}</p>{{{body}}}{{/main}}{{/layout}}"],
             expected: ["Templates/guide.mustache:3:4: error: 'subtitle' is not a field of GuideView"]),
        Case(name: "a Markdown YAML field written as a folded block",
             changes: ["Content/site.yaml": Fixtures.siteYAML.replacingOccurrences(of: "disclaimer: |", with: "disclaimer: >")],
             expected: ["Content/site.yaml:3:13: error: 'disclaimer' is Markdown: use | for Markdown fields, not >, so that lines and columns map back"]),
        Case(name: "a fictional helpline number",
             changes: ["Content/site.yaml": Fixtures.siteYAML.replacingOccurrences(of: "1-800-662-4357", with: "(434) 555-0123")],
             expected: ["Content/site.yaml:7:10: error: helpline phone '(434) 555-0123' is a fictional 555-01xx number; a reader in crisis would call it (SAMHSA's National Helpline is 1-800-662-4357)"]),
        Case(name: "a helpline number no line can have",
             changes: ["Content/site.yaml": Fixtures.siteYAML.replacingOccurrences(of: "1-800-662-4357", with: "911-234-5678")],
             expected: ["Content/site.yaml:7:10: error: helpline phone '911-234-5678' is not a valid North American number"]),
        Case(name: "a placeholder reviewer",
             changes: ["Content/site.yaml": Fixtures.siteYAML.replacingOccurrences(of: "name: Jordan Lee", with: "name: \"[Placeholder reviewer: not a real person]\"")],
             expected: ["Content/site.yaml:9:9: error: '[Placeholder reviewer: not a real person]' is a placeholder, not a reviewer; name the person who reviewed the content, or remove the reviewer"]),
        Case(name: "a reviewer without credentials",
             changes: ["Content/site.yaml": Fixtures.siteYAML.replacingOccurrences(of: "  credentials: MD\n", with: "")],
             expected: ["Content/site.yaml:9:3: error: missing required key 'credentials' in reviewer"]),
        Case(name: "a review date without a reviewer",
             changes: ["Content/site.yaml": Fixtures.siteYAML.replacingOccurrences(of: "reviewer:\n  name: Jordan Lee\n  credentials: MD\n", with: ""),
                       "Content/guide/guide.md": guideHead.replacingOccurrences(of: "published:", with: "reviewed: 2024-02-03\npublished:") + "Body\n"],
             expected: ["Content/guide/guide.md:4:11: error: 'reviewed' claims a medical review, but no reviewer is named (set 'reviewed_by' here or 'reviewer' in site.yaml)"]),
        Case(name: "a description claiming a review without a reviewer",
             changes: ["Content/site.yaml": Fixtures.siteYAML.replacingOccurrences(of: "reviewer:\n  name: Jordan Lee\n  credentials: MD\n", with: "")
                          + "\ndescription: Medically reviewed advice.\n"],
             expected: ["Content/guide/guide.md:5:11: error: 'reviewed' claims a medical review, but no reviewer is named (set 'reviewed_by' here or 'reviewer' in site.yaml)",
                        "Content/site.yaml:11:14: error: 'description' says \"medically reviewed\", but no reviewer is named (set 'reviewer' in site.yaml or 'reviewed_by' in the page)"]),
        Case(name: "a bad date in the front matter and an unknown citation key in the body",
             changes: ["Content/guide/guide.md": guideHead.replacingOccurrences(of: "2024-01-02", with: "2019-7-29") + "One.\n\nTwo.\n\nThree [@nobody2020].\n\n{{< sources >}}\n"],
             expected: [
                 "Content/guide/guide.md:4:12: error: 'published' must be a date written YYYY-MM-DD, not '2019-7-29'",
                 "Content/guide/guide.md:10:8: error: unknown citation key 'nobody2020' (not in the bibliography)",
             ]),
    ]

    @Test(arguments: cases)
    func badInputIsReportedAtItsSourceAndLeavesTheOutputUntouched(_ bad: Case) throws {
        let site = try Fixtures.site()
        #expect(site.build().exitCode == 0)
        let before = site.snapshot("Public")
        try site.write(bad.changes)
        let result = site.build()
        #expect(result.exitCode == 1)
        // Warnings (a source the changed guide no longer cites) are covered by the citation tests.
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == bad.expected)
        let after = site.snapshot("Public")
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, (data, inode)) in before {
            #expect(after[path]?.0 == data, "bytes of \(path)")
            #expect(after[path]?.1 == inode, "inode of \(path)")
        }
    }

    @Test func allProblemsAreReportedAtOnce() throws {
        let site = try Fixtures.site([
            "Content/guide/guide.md": Self.guideHead + "<b>x</b> [@nobody]\n\n{{< nope >}}\n\n{{< sources >}}\n",
            "Templates/404.mustache": "{{<layout}}{{$main}}{{missing}}{{/main}}{{/layout}}",
        ])
        let result = site.build()
        #expect(result.exitCode == 1)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "Content/guide/guide.md:6:1: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)",
            "Content/guide/guide.md:6:5: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)",
            "Content/guide/guide.md:6:11: error: unknown citation key 'nobody' (not in the bibliography)",
            "Content/guide/guide.md:8:1: error: unknown shortcode 'nope' (known: comparison, faq, featured-centers, insurers, modalities, schedule, sources)",
            "Templates/404.mustache:1:21: error: 'missing' is not a field of NotFoundView",
        ])
    }

    @Test func aGuideThatCitesWithoutASourcesListIsAnError() throws {
        let site = try Fixtures.site(["Content/guide/guide.md": Self.guideHead + "Claim [@drake2007].\n"])
        #expect(site.build().diagnostics.map(\.description) == [
            "Content/guide/guide.md:6:7: error: this guide cites sources but never places {{< sources >}}",
        ])
    }
}
