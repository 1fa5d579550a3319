import Foundation
import SiteBuild
import SiteCheck
import SiteCore
import SiteTestSupport
import Testing
@testable import SiteLinks

/// A fixture site with seeded link problems in Markdown, in a YAML field and in a template.
@Suite(.cleansUp) struct LinkCheckTests {
    static let layout = """
        <!doctype html>
        <html><head><title>{{title}}</title><link rel="stylesheet" href="{{site.root}}assets/site.css"></head>
        <body><nav>{{#site.navigation}}<a href="{{url}}">{{title}}</a>{{/site.navigation}}</nav>
        <a href="{{site.root}}missing-page/">Missing</a> <a href="#main">Skip</a>
        <main id="main">{{$main}}{{/main}}</main>
        <img src="{{site.root}}assets/logo.png" srcset="{{site.root}}assets/logo.png 1x, {{site.root}}assets/logo@2x.png 2x" alt="">
        </body></html>
        """

    static func files(baseURL: String = "https://example.org/", guide: String) -> [String: String] {
        [
            "Content/site.yaml": """
                title: Links
                base_url: \(baseURL)
                navigation:
                  - title: Guide
                    url: /guide/
                  - title: Gone
                    url: /gone/
                """,
            "Content/guide/guide.md": guide,
            "Templates/layout.mustache": layout,
            "Templates/home.mustache": "{{<layout}}{{$main}}<h1>{{title}}</h1>{{/main}}{{/layout}}",
            "Templates/guide.mustache": "{{<layout}}{{$main}}{{{body}}}{{/main}}{{/layout}}",
            "Templates/404.mustache": "{{<layout}}{{$main}}Not found{{/main}}{{/layout}}",
            "Templates/assets/site.css": "body {}\n",
            "Templates/assets/logo.png": "png",
        ]
    }

    static let guide = """
        ---
        title: Guide
        description: D
        published: 2024-01-01
        ---
        ## Intro

        [ok](/guide/#intro) [same page](#intro) [no anchor](#nowhere) [no page](/nope/)
        [slashless](/guide) [relative](../guide/#intro) [absolute](https://example.org/guide/#gone)
        [outside](https://elsewhere.org/x) [mail](mailto:someone@example.org) [bad mail](mailto:nobody)
        [phone](tel:+1-555-010-0199) [bad phone](tel:call-me)
        """

    @Test func linksUnderABasePathAndAbsoluteLinksToTheSiteAreChecked() throws {
        let guide = "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\n## A\n\n[abs](https://example.org/sub/guide/#nope) [root](/guide/#a) [gone](/elsewhere/)\n"
        var files = Self.files(baseURL: "https://example.org/sub/", guide: guide)
        files["Content/site.yaml"] = "title: Links\nbase_url: https://example.org/sub/\n"
        files["Templates/layout.mustache"] = "<html><head><title>{{title}}</title></head><body>{{$main}}{{/main}}</body></html>"
        let (report, _) = try check(files, baseURL: "https://example.org/sub/", basePath: "/sub/")
        // Markdown links are written from the site's root; the build puts them under /sub/.
        #expect(report.links.problems.map { "\($0.location): \($0.message)" } == [
            "Content/guide/guide.md:8:7: no element with id 'nope' on guide/index.html (link 'https://example.org/sub/guide/#nope')",
            "Content/guide/guide.md:8:69: broken link '/sub/elsewhere/': no file elsewhere/index.html in the output",
        ])
        let outside = LinkChecker(baseURL: "https://example.org/sub/", basePath: "/sub/")
            .check(ScannedSite(html: [("index.html", "<a href=\"/other/\">elsewhere</a>")]), files: ["index.html"])
        #expect(outside.problems.map(\.message) == ["link '/other/' is outside the site's base path /sub/"])
    }

    func check(_ files: [String: String]) throws -> (CheckReport, FixtureSite) {
        try check(files, baseURL: "https://example.org/", basePath: "/")
    }

    func check(_ files: [String: String], baseURL: String, basePath: String) throws -> (CheckReport, FixtureSite) {
        let site = try FixtureSite(files)
        let result = BuildSession.buildOnce(root: site.root)
        #expect(result.exitCode == 0, "\(result.diagnostics)")
        let pages = ScannedSite(html: result.pages.filter { $0.file.hasSuffix(".html") }.map { ($0.file, $0.html) })
        let folder = site.root.appendingPathComponent("Public")
        let files = Set(FileTree.entries(under: folder.path).filter { $0.kind != .folder }.map(\.path))
        let origins = Dictionary(uniqueKeysWithValues: result.pages.map { ($0.file, $0.links) })
        let report = LinkChecker(baseURL: baseURL, basePath: basePath).check(pages, files: files, origins: origins)
        return (CheckReport(diagnostics: [], links: report), site)
    }

    @Test func everySeededProblemIsReportedWhereItIsWritten() throws {
        let (report, site) = try check(Self.files(guide: Self.guide))
        let guideProblems = report.links.problems.filter { $0.page.path == "guide/index.html" }.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
        #expect(guideProblems == [
            "Content/guide/guide.md:8:53: error: no element with id 'nowhere' on this page (link '#nowhere')",
            "Content/guide/guide.md:8:73: error: broken link '/nope/': no file nope/index.html in the output",
            "Content/guide/guide.md:9:13: warning: link '/guide' lacks the trailing slash of its folder; write it ending in '/'",
            "Content/guide/guide.md:9:60: error: no element with id 'gone' on guide/index.html (link 'https://example.org/guide/#gone')",
            "Content/guide/guide.md:10:82: error: malformed mailto link 'mailto:nobody'",
            "Content/guide/guide.md:11:42: error: malformed tel link 'tel:call-me'",
            "Content/site.yaml:7:10: error: broken link '/gone/': no file gone/index.html in the output",
            "Templates/layout.mustache:4:10: error: broken link '/missing-page/': no file missing-page/index.html in the output",
            "Templates/layout.mustache:6:82: error: broken link '/assets/logo@2x.png': no file assets/logo@2x.png in the output",
        ])
        // The output page and the position of the attribute come along.
        let first = try #require(report.links.problems.first { $0.href == "#nowhere" })
        let html = try #require(site.read("Public/guide/index.html"))
        let line = html.split(separator: "\n", omittingEmptySubsequences: false)[first.page.line - 1]
        #expect(first.page.path == "guide/index.html")
        #expect(String(line.unicodeScalars.dropFirst(first.page.column - 1)).hasPrefix("href=\"#nowhere\""))
    }

    @Test func aCleanSiteReportsNothing() throws {
        var files = Self.files(guide: "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\n## A\n\n[a](#a) [home](/) [g](/guide/#a)\n")
        files["Content/site.yaml"] = "title: Links\nbase_url: https://example.org/\nnavigation:\n  - title: Guide\n    url: /guide/\n"
        files["Templates/layout.mustache"] = "<html><head><title>{{title}}</title></head><body><a href=\"#main\">Skip</a><main id=\"main\">{{$main}}{{/main}}</main></body></html>"
        let (report, _) = try check(files)
        #expect(report.links.problems.map(\.message) == [])
        #expect(report.links.checked > 0)
    }
}
