import Foundation
import SiteCheck
import SiteCore
import SiteExternal
import SiteLinks
import SiteTestServer
import SiteTestSupport
import Testing
import SiteContent

/// Each kind of answer a real HTTP server can give, classified as docs/checking.md says.
@Suite(.cleansUp) struct URLOutcomeTests {
    /// One server with a path per case.
    static func server() async throws -> LoopbackServer {
        try await LoopbackServer.start { method, path, previous in
            switch path {
            case "/ok": .init(200, body: "fine")
            case "/moved": .redirect(301, to: "/ok")
            case "/found": .redirect(302, to: "/moved")
            case "/loop/a": .redirect(302, to: "/loop/b")
            case "/loop/b": .redirect(302, to: "/loop/a")
            case "/missing": .init(404)
            case "/gone": .init(410)
            case "/head-refused": method == "HEAD" ? .init(405) : .init(200)
            case "/wall": .init(403, headers: ["cf-mitigated": "challenge"])
            case "/flaky": previous == 0 ? .init(500) : .init(200)
            case "/down": .init(503)
            case "/slow": .init(200, delay: .seconds(3))
            default: .init(404)
            }
        }
    }

    @Test func aPageThatAnswers200IsOkWithNothingToSay() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/ok"])
        #expect(result.outcomes[server.origin + "/ok"] == .ok)
        #expect(result.entries.isEmpty)
        #expect(server.hits.map(\.method) == ["HEAD"], "HEAD is enough")
    }

    @Test func aPermanentRedirectIsOkWithAWarningNamingTheNewURL() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/moved", server.origin + "/found"])
        #expect(result.outcomes[server.origin + "/moved"] == .ok)
        let warning = try #require(result.entries(at: 1).first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "'\(server.origin)/moved' has moved permanently to '\(server.origin)/ok'; link to the new address")
        #expect(warning.location == ExternalCheckFixture.source(0))
        #expect(warning.page == SourceLocation(path: "g/index.html", line: 1, column: 1))
        // A temporary redirect to a permanent one: the link itself has not moved.
        #expect(result.outcomes[server.origin + "/found"] == .ok)
        #expect(result.entries(at: 2).isEmpty)
    }

    @Test func aChainOfPermanentRedirectsNamesWhereItEnds() async throws {
        let server = try await LoopbackServer.start { _, path, _ in
            switch path {
            case "/chain/1": .redirect(308, to: "/chain/2")
            case "/chain/2": .redirect(301, to: "3")
            case "/chain/3": .init(200)
            default: .init(404)
            }
        }
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/chain/1"])
        #expect(result.outcomes[server.origin + "/chain/1"] == .ok)
        #expect(result.entries.map(\.message) == ["'\(server.origin)/chain/1' has moved permanently to '\(server.origin)/chain/3'; link to the new address"])
    }

    @Test func aRedirectLoopIsBrokenAndNamesTheLoop() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/loop/a"])
        #expect(result.outcomes[server.origin + "/loop/a"] == .broken)
        let error = try #require(result.entries.first)
        #expect(error.severity == .error)
        #expect(error.message == "broken link '\(server.origin)/loop/a': redirect loop: \(server.origin)/loop/a → \(server.origin)/loop/b → \(server.origin)/loop/a")
        #expect(server.hits.count == 2)
    }

    @Test func moreThanTenRedirectsAreBroken() async throws {
        let server = try await LoopbackServer.start { _, path, _ in
            let step = Int(path.dropFirst(6)) ?? 0
            return .redirect(302, to: "/step/\(step + 1)")
        }
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/step/0"])
        #expect(result.outcomes[server.origin + "/step/0"] == .broken)
        #expect(result.entries.first?.message.contains("more than 10 redirects") == true)
        #expect(server.hits.count == 11, "the URL and ten redirects")
    }

    @Test(arguments: [("/missing", "404 Not Found"), ("/gone", "410 Gone")])
    func notFoundAndGoneAreBrokenErrors(path: String, status: String) async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + path])
        #expect(result.outcomes[server.origin + path] == .broken)
        #expect(result.entries.map(\.message) == ["broken link '\(server.origin)\(path)': \(status)"])
        #expect(result.entries.map(\.severity) == [.error])
    }

    @Test func aRefusedHEADIsAskedAgainWithGET() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/head-refused"])
        #expect(result.outcomes[server.origin + "/head-refused"] == .ok)
        #expect(server.hits.map(\.method) == ["HEAD", "GET"])
    }

    @Test func aBotWallIsBlockedAWarningThatNeverFailsARun() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/wall"])
        #expect(result.outcomes[server.origin + "/wall"] == .blocked)
        #expect(server.hits.map(\.method) == ["HEAD", "GET"], "a 403 to HEAD is asked again with GET")
        let report = CheckReport(diagnostics: [], links: .init(), external: result.entries, externalSummary: result.summary)
        #expect(report.warnings == 1)
        #expect(!report.fails(strict: true))
        #expect(result.entries.first?.message == "'\(server.origin)/wall' would not answer a link checker (403 Forbidden); open it in a browser to check it")
    }

    @Test func aServerErrorIsTriedAgainAndAFailureThatPassesOnRetryIsOk() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/flaky"])
        #expect(result.outcomes[server.origin + "/flaky"] == .ok)
        #expect(server.hits.count == 2)
    }

    @Test func aServerThatFailsThreeTimesIsUnreliableAWarningThatFailsOnlyUnderStrict() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/down"])
        #expect(result.outcomes[server.origin + "/down"] == .unreliable)
        #expect(server.hits.count == 3)
        #expect(result.entries.map(\.message) == ["'\(server.origin)/down' did not answer reliably: answered 503 Service Unavailable 3 times"])
        let report = CheckReport(diagnostics: [], links: .init(), external: result.entries, externalSummary: result.summary)
        #expect(!report.fails(strict: false))
        #expect(report.fails(strict: true))
        // The backoff doubles: the third try waits twice as long as the second.
        let hits = server.hits.map(\.at)
        #expect((hits[2] - hits[1]).seconds >= 2 * 0.05 * 0.9)
    }

    @Test func aResponseSlowerThanTheTimeoutIsUnreliableAfterThreeTries() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        var fixture = ExternalCheckFixture()
        fixture.settings.timeout = 0.3
        let result = await fixture.run([server.origin + "/slow"])
        #expect(result.outcomes[server.origin + "/slow"] == .unreliable)
        #expect(server.hits.count == 3)
        #expect(result.entries.first?.message == "'\(server.origin)/slow' did not answer reliably: no answer within 0.3 s, 3 times")
    }
}
