import Foundation
import SiteContent
import SiteCore
import SiteExternal
import SiteLinks
import SiteTestServer
import SiteTestSupport
import Testing
import SiteCheck

/// What is kept between runs, what is skipped, and hosts that cannot be reached.
@Suite(.cleansUp) struct CacheAndReachTests {
    @Test func aSecondRunWithinTheTTLSendsNoRequestForCachedResults() async throws {
        let registry = try await DOICheckTests.registry()
        let server = try await LoopbackServer.start { _, path, _ in
            switch path {
            case "/ok": .init(200)
            case "/moved": .redirect(308, to: "/ok")
            case "/wall": .init(403)
            default: .init(404)
            }
        }
        defer { registry.stop(); server.stop() }
        let urls = ["/ok", "/moved", "/wall", "/missing"].map { server.origin + $0 } + ["https://doi.org/10.1234/registered"]
        let bibliography = Bibliography(entries: [DOICheckTests.entry("smith2019", doi: "10.1234/renamed", line: 1)])
        let fixture = ExternalCheckFixture(resolver: registry)
        let first = await fixture.run(urls, bibliography: bibliography)
        #expect(first.summary.cached == 0)

        let file = try TestResources.owner.temporaryFolder("cache").appendingPathComponent(ExternalCache.path)
        try first.cache.save(to: file, now: Date())
        let (loaded, problem) = ExternalCache.load(from: file)
        #expect(problem == nil)
        #expect(loaded.keys == ["crossref:10.1234/renamed", "doi:10.1234/registered", "doi:10.1234/renamed",
                                "url:\(server.origin)/moved", "url:\(server.origin)/ok", "url:\(server.origin)/wall"])
        let requestsBefore = (server.hits.count, registry.hits.count)
        let second = await fixture.run(urls, bibliography: bibliography, cache: loaded)
        #expect(registry.hits.count == requestsBefore.1, "no DOI or Crossref request")
        #expect(server.hits.count == requestsBefore.0 + 1, "only the broken URL, which is never cached, is asked again")
        #expect(server.hits.last?.path == "/missing")
        #expect(second.summary.cached == 5)
        #expect(second.outcomes == first.outcomes)
        #expect(second.entries == first.entries, "a cached permanent redirect keeps its warning; cached metadata is compared again")
    }

    @Test func aCachedResultExpiresAfterItsTTL() async throws {
        let server = try await LoopbackServer.start { _, _, _ in .init(403) }
        defer { server.stop() }
        let first = await ExternalCheckFixture().run([server.origin + "/wall"])
        let hits = server.hits.count
        var fixture = ExternalCheckFixture()
        // A blocked result is kept for a day: two days later it is asked again.
        let later = Date().addingTimeInterval(2 * 24 * 3600)
        let fetcher = HTTPFetcher(connectTimeout: 10, timeout: 20, userAgent: "iopsite tests")
        fixture.settings.hostInterval = 0
        let targets = ExternalTargets.collect([OutsideLink(url: server.origin + "/wall", page: ExternalCheckFixture.source(0), source: nil)])
        let second = await ExternalChecker(settings: fixture.settings, fetcher: fetcher, now: { later }).run(targets, cache: first.cache)
        await fetcher.shutdown()
        #expect(second.summary.cached == 0)
        #expect(server.hits.count > hits)
    }

    @Test func anUnreadableCacheIsIgnoredWithAReason() throws {
        let file = try TestResources.owner.temporaryFolder("cache").appendingPathComponent("external.json")
        try Data("{not json".utf8).write(to: file)
        let (cache, problem) = ExternalCache.load(from: file)
        #expect(cache.keys.isEmpty)
        #expect(problem?.hasPrefix("the cache could not be read") == true)
    }

    @Test func excludedURLsAreSkippedWithoutARequest() async throws {
        let server = try await LoopbackServer.start { _, _, _ in .init(404) }
        defer { server.stop() }
        var fixture = ExternalCheckFixture()
        fixture.settings.exclude = [Located(server.origin + "/private/*", at: ExternalCheckFixture.source(9)),
                                    Located("https://doi.org/10.1234", at: ExternalCheckFixture.source(9))]
        let result = await fixture.run([server.origin + "/private/a", server.origin + "/private/b", "https://doi.org/10.1234/x", server.origin + "/public"])
        #expect(result.summary.skipped == 3)
        #expect(result.summary.urls == 1)
        #expect(server.hits.map(\.path) == ["/public"])
    }

    @Test func anUnknownHostAndARefusedConnectionAreBrokenAndListedWithTheirReason() async throws {
        let server = try await LoopbackServer.start { _, _, _ in .init(200) }
        let closed = try await LoopbackServer.start { _, _, _ in .init(200) }
        closed.stop()
        try await Task.sleep(for: .milliseconds(100))
        defer { server.stop() }
        let urls = ["http://no-such-host.invalid/a", "http://no-such-host.invalid/b", closed.origin + "/x", server.origin + "/ok"]
        let result = await ExternalCheckFixture().run(urls)
        #expect(result.outcomes["http://no-such-host.invalid/a"] == .broken)
        #expect(result.outcomes[closed.origin + "/x"] == .broken)
        #expect(!result.summary.offline, "one host answered")
        let hosts = result.summary.unreachableHosts
        #expect(hosts.map(\.host) == ["127.0.0.1", "no-such-host.invalid"])
        #expect(hosts.map(\.urls) == [1, 2])
        #expect(hosts[0].reason.hasPrefix("connection refused"))
        #expect(hosts[1].reason.hasPrefix("DNS lookup failed"))
        #expect(result.entries.first { $0.href == "http://no-such-host.invalid/a" }?.message.hasPrefix(
            "broken link 'http://no-such-host.invalid/a': no-such-host.invalid: DNS lookup failed") == true)
    }

    @Test func whenNoHostAnswersAtAllTheRunIsOfflineAndJudgesNoLink() async throws {
        let result = await ExternalCheckFixture().run(["http://one.invalid/", "http://two.invalid/", "https://doi.org/10.1234/x"])
        #expect(result.summary.offline)
        #expect(result.summary.count(.broken) == 0)
        #expect(result.summary.count(.unreliable) == 3)
        #expect(result.entries.allSatisfy { $0.severity == .warning })
        #expect(result.entries.first?.message.contains("no outside host could be reached from this machine") == true)
    }
}
