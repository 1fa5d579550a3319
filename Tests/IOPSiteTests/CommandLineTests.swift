import Foundation
import SiteCore
import SiteTestSupport
import Testing

/// Runs the real `iopsite` binary, built next to the test runner, and checks exit codes and output.
@Suite(.cleansUp, .heavy) struct CommandLineTests {
    typealias Run = CommandRun

    static var binary: URL { CommandRun.product("iopsite") }

    func run(_ arguments: [String]) throws -> Run {
        try CommandRun.run(Self.binary, arguments)
    }

    static let site = FixtureSite.minimal

    @Test func buildSucceedsWithExitCode0() throws {
        let site = try FixtureSite(Self.site)
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 0)
        #expect(result.stdout == "Built 5 pages: 5 files written, 0 unchanged, 0 removed.\n")
        #expect(site.exists("Public/g/index.html"))
    }

    @Test func contentProblemsPrintLocatedDiagnosticsAndExit1() throws {
        let site = try FixtureSite(Self.site.merging(["Content/guide/g.md": "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\n<i>x</i>\n"]) { $1 })
        let result = try run(["build", "--root", site.root.path, "--output", site.root.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.stderr == """
            Content/guide/g.md:6:1: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)
            Content/guide/g.md:6:5: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)
            Build failed: 2 errors, 0 warnings; the output was not touched.

            """)
        #expect(!site.exists("out"))
    }

    static let directory: [String: String] = [
        "Content/directory/_states.csv": "code,name,fips,slug,tile_row,tile_col\nVA,Virginia,51,virginia,5,8\nMD,Maryland,24,maryland,5,9\n",
        "Content/directory/_service-codes.csv": "code,category,label,source\nOIT,Service Setting,Intensive outpatient treatment,A\n",
        "Content/directory/imported/va.yaml": "facilities:\n  - {id: \"samhsa:000000000001\", slug: a, name: A, address: {street1: 1 A St, city: R, zip: \"23219\"}, source: S, source_date: \"2020\"}\n",
        "Content/directory/imported/md.yaml": "facilities:\n  - {id: \"samhsa:000000000002\", slug: b, name: B, address: {street1: 1 B St, city: B, zip: \"21201\"}, source: S, source_date: \"2020\"}\n  - {id: \"samhsa:000000000003\", slug: c, name: C, address: {street1: 1 C St, city: B, zip: \"21201\"}, source: S, source_date: \"2020\"}\n",
    ]

    @Test func unverifiedListingsAreOneSummaryLineAndEachStateOnlyWithVerbose() throws {
        let site = try FixtureSite(Self.site.merging(Self.directory) { $1 })
        let quiet = try run(["check", "--root", site.root.path, "--format", "json"])
        #expect(quiet.stdout.contains("\"message\":\"3 listings not verified by an editor, in 2 states (--verbose lists them by state)\""))
        #expect(!quiet.stdout.contains("listings in Maryland"))
        let verbose = try run(["check", "--root", site.root.path, "--format", "json", "--verbose"])
        #expect(verbose.stdout.contains("\"message\":\"2 of 2 listings in Maryland have not been verified by an editor\""))
        #expect(verbose.stdout.contains("\"message\":\"1 of 1 listings in Virginia have not been verified by an editor\""))
    }

    @Test func anUnknownFlagIsAUsageErrorWithExit2() throws {
        let result = try run(["build", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-flag'"))
    }

    @Test func aRootThatIsNotAFolderIsExit2() throws {
        let result = try run(["build", "--root", "/nonexistent/iopsite"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--root '/nonexistent/iopsite' is not a folder"))
    }

    @Test func aSecondBuildIntoTheSameFolderSaysWhoIsWritingAndWithNoWaitExits2() throws {
        let site = try FixtureSite(Self.site)
        let output = site.root.appendingPathComponent("Public")
        // This test process holds the output's lock, as a build running beside it would.
        let held = try FolderLock.acquire(output, purpose: "writing", policy: .fail)
        let refused = try run(["build", "--root", site.root.path, "--no-wait"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error: another iopsite (pid \(getpid())) is writing '\(output.path)'; not waiting (--no-wait)"), "\(refused.stderr)")
        #expect(!site.exists("Public/index.html"))
        held.release()
        let built = try run(["build", "--root", site.root.path, "--no-wait"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(site.exists("Public/index.html"))
    }

    @Test func aForeignOutputFolderIsExit2() throws {
        let site = try FixtureSite(Self.site.merging(["Public/readme.txt": "mine"]) { $1 })
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not empty and has no .iopsite-manifest"))
        #expect(site.read("Public/readme.txt") == "mine")
    }
}

/// `iopsite check` end to end through the real binary.
@Suite(.cleansUp, .heavy) struct CheckCommandTests {
    static let site: [String: String] = CommandLineTests.site.merging([
        "Content/guide/g.md": "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\n## Top\n\n[up](#top) [down](#bottom) [gone](/gone/)\n",
    ]) { $1 }

    /// A site of two languages whose layout writes, besides the alternates iopsite makes, one that leads nowhere
    /// and one to a page that does not name the others in return.
    static let twoLanguageLayout = """
        <html><head><title>{{title}}</title>
        {{#alternates}}<link rel="alternate" hreflang="{{hreflang}}" href="{{href}}">
        {{/alternates}}<link rel="alternate" hreflang="fr" href="https://example.org/fr/">
        <link rel="alternate" hreflang="de" href="https://example.org/es/404.html">
        </head><body>{{$main}}{{/main}}</body></html>
        """
    static let twoLanguageSettings = """
        title: T
        base_url: https://example.org/
        languages:
          - {code: en, name: English}
          - {code: es, name: Español, title: T, description: D}

        """
    static var twoLanguages: [String: String] {
        var files = FixtureSite.minimal
        files["Content/site.yaml"] = twoLanguageSettings
        files["Content/guide/es/g.md"] = "---\ntitle: G\ndescription: D\nslug: ge\npublished: 2024-01-01\n---\nTexto.\n"
        files["Templates/layout.mustache"] = twoLanguageLayout
        return files
    }

    @Test func alternatesThatLeadNowhereOrAreNotReturnedAreErrors() throws {
        let site = try FixtureSite(Self.twoLanguages)
        let run = try CommandLineTests().run(["check", "--root", site.root.path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        // The pages iopsite pairs (the guide and its translation, the homes, the 404 pages) name each other.
        #expect(!lines.contains { $0.contains("'https://example.org/es/ge/'") || $0.contains("'https://example.org/g/'") })
        #expect(lines.contains("g/index.html:5:1: error: the fr alternate 'https://example.org/fr/' is no page of the site"))
        #expect(lines.contains("g/index.html:6:1: error: the de alternate 'https://example.org/es/404.html' does not name this page in return"))
        #expect(lines.contains { $0.hasPrefix("Templates/layout.mustache:3:") && $0.contains("broken link 'https://example.org/fr/'") })
    }

    @Test func brokenLinksAreReportedAtTheirMarkdownLineAndExit1() throws {
        let site = try FixtureSite(Self.site)
        let run = try CommandLineTests().run(["check", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.stdout == """
            Content/guide/g.md:8:19: error: no element with id 'bottom' on this page (link '#bottom') (in g/index.html:2:29)
            Content/guide/g.md:8:35: error: broken link '/gone/': no file gone/index.html in the output (in g/index.html:2:56)

            5 links checked, 2 broken, 0 warnings

            """)
        #expect(!site.exists("Public"), "check builds into a temporary folder")
    }

    @Test func githubFormatWritesAnnotations() throws {
        let site = try FixtureSite(Self.site)
        let run = try CommandLineTests().run(["check", "--root", site.root.path, "--format", "github"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("::error file=Content/guide/g.md,line=8,col=19::no element with id 'bottom'"))
        #expect(lines[1].hasPrefix("::error file=Content/guide/g.md,line=8,col=35::broken link '/gone/'"))
        #expect(lines[2] == "5 links checked, 2 broken, 0 warnings")
    }

    @Test func siteChecksABuiltFolderLocatingProblemsInItsPages() throws {
        let site = try FixtureSite(Self.site)
        #expect(try CommandLineTests().run(["build", "--root", site.root.path]).status == 0)
        let run = try CommandLineTests().run(["check", "--root", site.root.path, "--site", site.root.appendingPathComponent("Public").path, "--format", "json"])
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let problems = try #require(json["problems"] as? [[String: Any]])
        #expect(problems.count == 2)
        let file = try #require((problems.first?["location"] as? [String: Any])?["file"] as? String)
        #expect(file.hasSuffix("Public/g/index.html"))
        #expect((json["summary"] as? [String: Any])?["broken"] as? Int == 2)
    }

    @Test func aCleanSiteExits0AndKeepsTheOutputWhenAsked() throws {
        var files = Self.site
        files["Content/guide/g.md"] = "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\n## Top\n\n[up](#top)\n"
        let site = try FixtureSite(files)
        let run = try CommandLineTests().run(["check", "--root", site.root.path, "--output", site.root.appendingPathComponent("out").path])
        #expect(run.status == 0)
        #expect(run.stdout == "3 links checked, 0 broken, 0 warnings\n")
        #expect(site.exists("out/g/index.html"))
    }

    @Test func siteAndOutputTogetherAreAUsageError() throws {
        let run = try CommandLineTests().run(["check", "--site", "/tmp", "--output", "/tmp/x"])
        #expect(run.status == 2)
    }
}
