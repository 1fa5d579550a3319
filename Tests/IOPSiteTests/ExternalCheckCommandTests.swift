import Foundation
import SiteTestServer
import SiteTestSupport
import Testing

/// `iopsite check --external` through the real binary, against a loopback server that plays the
/// websites, the DOI resolver and Crossref.
@Suite(.cleansUp, .heavy) struct ExternalCheckCommandTests {
    static func server() async throws -> LoopbackServer {
        try await LoopbackServer.start { _, path, _ in
            switch path {
            case "/ok": .init(200)
            case "/api/handles/10.1234/unknown?type=URL": .json(404, #"{"responseCode":100}"#)
            default: .init(404)
            }
        }
    }

    static func site(_ origin: String) -> [String: String] {
        CommandLineTests.site.merging([
            "Content/site.yaml": """
                title: T
                base_url: https://example.org/
                check:
                  doi_resolver: \(origin)
                  crossref: \(origin)/crossref
                  host_interval: 0
                  # Generous: the whole suite runs at once on two cores; a slow answer must not count as a failure.
                  connect_timeout: 60
                  timeout: 120
                  exclude:
                    - \(origin)/private/*

                """,
            "Content/guide/g.md": "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\n[fine](\(origin)/ok) and [gone](\(origin)/missing) and [mine](\(origin)/private/x).\n",
            "Content/sources.yaml": """
                references:
                  - id: typo2019
                    type: webpage
                    title: A page
                    URL: \(origin)/ok
                    DOI: 10.1234/unknown
                    accessed: {date-parts: [[2024, 1, 1]]}

                """,
        ]) { $1 }
    }

    @Test func outsideProblemsAreReportedWhereEditorsFixThemAndCachedForTheNextRun() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let site = try FixtureSite(Self.site(server.origin))
        let run = try CommandLineTests().run(["check", "--root", site.root.path, "--external"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let broken = try #require(lines.first { $0.contains("/missing'") })
        #expect(broken.hasPrefix("Content/guide/g.md:6:"))
        #expect(broken.contains(": error: broken link '\(server.origin)/missing': 404 Not Found (in g/index.html:"))
        #expect(lines.contains("Content/sources.yaml:6:10: error: DOI 10.1234/unknown is not registered: the DOI resolver knows no such DOI"))
        #expect(lines.last { !$0.isEmpty } == "external: 2 URLs and 1 DOI: 1 ok, 2 broken, 0 blocked, 0 deferred, 0 unreliable; 1 skipped, 0 from cache")
        #expect(!run.stdout.contains("/private/x'"), "an excluded URL is not reported")
        #expect(server.hits.filter { $0.path == "/ok" }.count == 1, "a URL in a page and in the bibliography is asked once")
        #expect(site.exists(".iopsite-cache/external.json"))

        let again = try CommandLineTests().run(["check", "--root", site.root.path, "--external", "--format", "json"])
        #expect(again.status == 1)
        #expect(server.hits.filter { $0.path == "/ok" }.count == 1, "the second run takes the ok URL from the cache")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        let external = try #require((json["summary"] as? [String: Any])?["external"] as? [String: Any])
        #expect(external["broken"] as? Int == 2)
        #expect(external["cached"] as? Int == 1)
        #expect(external["skipped"] as? Int == 1)
        #expect((json["unreachable_hosts"] as? [Any])?.isEmpty == true)
    }

    @Test func withoutTheFlagNoOutsideURLIsAsked() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let site = try FixtureSite(Self.site(server.origin))
        let run = try CommandLineTests().run(["check", "--root", site.root.path])
        #expect(run.status == 0)
        #expect(server.hits.isEmpty)
        #expect(!site.exists(".iopsite-cache"))
    }

    @Test func aMachineThatReachesNoHostExitsWith2AfterListingEachHost() async throws {
        let site = try FixtureSite(Self.site("http://nowhere.invalid").merging([
            "Content/guide/g.md": "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\n[a](http://one.invalid/) [b](http://two.invalid/x)\n",
        ]) { $1 })
        let run = try CommandLineTests().run(["check", "--root", site.root.path, "--external"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("Unreachable hosts (3):\n  nowhere.invalid: DNS lookup failed"))
        #expect(run.stdout.contains("  one.invalid: DNS lookup failed"))
        #expect(run.stderr.contains("error: no outside host could be reached; is this machine offline?"))
    }
}
