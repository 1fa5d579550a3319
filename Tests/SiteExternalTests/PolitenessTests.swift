import Foundation
import SiteExternal
import SiteTestServer
import SiteTestSupport
import Testing
import SiteCheck
import SiteContent
import SiteCore

/// One request at a time per host, spaced; a server that asks to wait is waited for, or left alone.
@Suite(.cleansUp) struct PolitenessTests {
    @Test func tooManyRequestsWithAShortRetryAfterIsWaitedOutInFullThenOk() async throws {
        let server = try await LoopbackServer.start { _, _, previous in
            previous == 0 ? .init(429, headers: ["Retry-After": "1"]) : .init(200)
        }
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/busy"])
        #expect(result.outcomes[server.origin + "/busy"] == .ok)
        #expect(result.entries.isEmpty)
        let hits = server.hits.map(\.at)
        try #require(hits.count == 2)
        #expect((hits[1] - hits[0]).seconds >= 0.99)
    }

    @Test func aLongRetryAfterLeavesTheHostForTheNextRunAsANote() async throws {
        let server = try await LoopbackServer.start { _, _, _ in .init(429, headers: ["Retry-After": "3600"]) }
        defer { server.stop() }
        let result = await ExternalCheckFixture().run([server.origin + "/a", server.origin + "/b"])
        #expect(result.outcomes[server.origin + "/a"] == .deferred)
        #expect(result.outcomes[server.origin + "/b"] == .deferred)
        #expect(server.hits.count == 1, "the host's other URLs are not asked once it said to wait")
        #expect(result.entries.map(\.severity) == [.note, .note])
        #expect(result.entries.first?.message == "'\(server.origin)/a' was not checked: the server asked to wait 3600 s (429 Too Many Requests); it is left for the next run")
        #expect(result.summary.count(.deferred) == 2)
        #expect(result.cache.keys.isEmpty, "a deferred URL is not cached")
    }

    @Test func requestsToOneHostAreOneAtATimeAndSpacedWhileOtherHostsGoOn() async throws {
        let slow = try await LoopbackServer.start { _, _, _ in .init(200, delay: .milliseconds(100)) }
        let other = try await LoopbackServer.start { _, _, _ in .init(200) }
        defer { slow.stop(); other.stop() }
        var fixture = ExternalCheckFixture()
        fixture.settings.hostInterval = 1
        let urls = (1...3).map { slow.origin + "/page/\($0)" } + [other.origin + "/x"]
        let result = await fixture.run(urls)
        #expect(result.summary.count(.ok) == 4)
        let starts = slow.hits.map(\.at)
        try #require(starts.count == 3)
        for (earlier, later) in zip(starts, starts.dropFirst()) {
            // Each request comes a second after the previous one was answered, which took 100 ms.
            #expect((later - earlier).seconds >= 1.1)
        }
        let otherStart = try #require(other.hits.first?.at)
        #expect(otherStart < starts[1], "another host does not wait for this one")
    }
}
