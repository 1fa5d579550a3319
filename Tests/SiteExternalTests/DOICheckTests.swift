import Foundation
import SiteContent
import SiteCore
import SiteExternal
import SiteTestServer
import SiteTestSupport
import Testing
import SiteBuild
import SiteCheck

/// DOIs are asked of the DOI resolver's handle API, never of the publisher, and compared with the
/// metadata Crossref has for them.
@Suite(.cleansUp) struct DOICheckTests {
    static let handle = #"{"responseCode":1,"handle":"%@","values":[{"index":1,"type":"URL","data":{"format":"string","value":"%@/publisher"},"ttl":86400,"timestamp":"2020-01-01T00:00:00Z"}]}"#

    static func work(title: String, year: Int, family: String) -> String {
        #"{"status":"ok","message-type":"work","message":{"title":["\#(title)"],"author":[{"given":"Ann","family":"\#(family)","sequence":"first"},{"given":"Bo","family":"Lee","sequence":"additional"}],"issued":{"date-parts":[[\#(year),3]]},"container-title":["Journal of Care"],"volume":"12","issue":"3","page":"45-67"}}"#
    }

    /// The resolver and Crossref on one loopback server.
    static func registry() async throws -> LoopbackServer {
        let box = OriginBox()
        let server = try await LoopbackServer.start { _, path, _ in
            switch path {
            case "/api/handles/10.1234/registered?type=URL", "/api/handles/10.1234/renamed?type=URL":
                .json(200, String(format: Self.handle, "10.1234/x", box.origin))
            case "/api/handles/10.1234/no-url?type=URL":
                .json(200, #"{"responseCode":200,"handle":"10.1234/no-url","values":[]}"#)
            case "/api/handles/10.1234/%3Cweird%3E%3B2-%23?type=URL":
                .json(200, String(format: Self.handle, "10.1234/<weird>;2-#", box.origin))
            case _ where path.hasPrefix("/api/handles/"):
                .json(404, #"{"responseCode":100}"#)
            case "/crossref/works/10.1234/registered":
                .json(200, Self.work(title: "Intensive outpatient care: <i>A</i> review", year: 2019, family: "Smith"))
            case "/crossref/works/10.1234/renamed":
                .json(200, Self.work(title: "Another title", year: 2017, family: "Jones"))
            default:
                .init(404)
            }
        }
        box.origin = server.origin
        return server
    }

    final class OriginBox: @unchecked Sendable {
        var origin = ""
    }

    static func at(_ line: Int) -> SiteCore.SourceLocation { SourceLocation(path: "Content/sources.yaml", line: line, column: 8) }

    static func entry(_ id: String, doi: String, line: Int, unverified: [String] = []) -> SourceEntry {
        SourceEntry(
            id: Located(id, at: at(line)), type: "article-journal",
            fields: ["title": "Intensive outpatient care - a review", "DOI": doi, "container-title": "Journal of Care", "volume": "12", "page": "45–67"],
            names: ["author": [CSLName(family: "Smith", given: "Ann"), CSLName(family: "Lee", given: "Bo")]],
            dates: ["issued": CSLDate(parts: [[2019, 3]])],
            fieldLocations: ["author": at(line + 1), "title": at(line + 2), "issued": at(line + 3), "DOI": at(line + 4),
                             "x-unverified": at(line + 5), "volume": at(line + 6)],
            unverified: unverified)
    }

    @Test func aRegisteredDOIIsOkWithoutAskingThePublisher() async throws {
        let server = try await Self.registry()
        defer { server.stop() }
        let result = await ExternalCheckFixture(resolver: server).run(["https://doi.org/10.1234/registered"])
        #expect(result.outcomes["doi:10.1234/registered"] == .ok)
        #expect(result.summary.dois == 1 && result.summary.urls == 0)
        #expect(result.entries.isEmpty)
        #expect(server.hits.map(\.path) == ["/api/handles/10.1234/registered?type=URL"], "the publisher's page is never asked")
    }

    @Test func anUnregisteredDOIIsAnErrorAtTheEntrysDOILine() async throws {
        let server = try await Self.registry()
        defer { server.stop() }
        let bibliography = Bibliography(entries: [Self.entry("typo2019", doi: "10.1234/unknown", line: 10)])
        let result = await ExternalCheckFixture(resolver: server).run([], bibliography: bibliography)
        #expect(result.outcomes["doi:10.1234/unknown"] == .broken)
        let error = try #require(result.entries.first)
        #expect(result.entries.count == 1)
        #expect(error.severity == .error)
        #expect(error.location == Self.at(14))
        #expect(error.message == "DOI 10.1234/unknown is not registered: the DOI resolver knows no such DOI")
        #expect(!server.hits.contains { $0.path.hasPrefix("/crossref") }, "no metadata is asked for a DOI that is not registered")
    }

    @Test func aDOIWithoutAURLIsBroken() async throws {
        let server = try await Self.registry()
        defer { server.stop() }
        let result = await ExternalCheckFixture(resolver: server).run(["https://doi.org/10.1234/no-url"])
        #expect(result.outcomes["doi:10.1234/no-url"] == .broken)
        #expect(result.entries.first?.message == "DOI 10.1234/no-url is registered without a URL, so it leads readers nowhere")
    }

    @Test func aDOIsOddCharactersAreEncodedInTheHandlePath() async throws {
        let server = try await Self.registry()
        defer { server.stop() }
        let result = await ExternalCheckFixture(resolver: server).run(["https://doi.org/10.1234/%3Cweird%3E%3B2-%23"])
        #expect(result.outcomes["doi:10.1234/<weird>;2-#"] == .ok)
    }

    @Test func aLinkAndAnEntryWithTheSameDOIAreCheckedOnceAndReportedAtBoth() async throws {
        let server = try await Self.registry()
        defer { server.stop() }
        let bibliography = Bibliography(entries: [Self.entry("typo2019", doi: "10.1234/UNKNOWN", line: 10)])
        let result = await ExternalCheckFixture(resolver: server).run(["https://doi.org/10.1234/unknown"], bibliography: bibliography)
        #expect(server.hits.count == 1)
        #expect(Set(result.entries.map(\.location)) == [Self.at(14), ExternalCheckFixture.source(0)])
    }

    @Test func matchingMetadataSaysNothingAndConfirmsUnverifiedFields() async throws {
        let server = try await Self.registry()
        defer { server.stop() }
        let entry = Self.entry("smith2019", doi: "10.1234/registered", line: 1, unverified: ["author.1", "volume", "page", "issue"])
        let result = await ExternalCheckFixture(resolver: server).run([], bibliography: Bibliography(entries: [entry]))
        #expect(result.outcomes["doi:10.1234/registered"] == .ok)
        #expect(result.entries.map(\.message) == ["Crossref confirms author.1, volume, page for DOI 10.1234/registered: they can leave x-unverified"])
        #expect(result.entries.first?.severity == .note)
        #expect(result.entries.first?.location == Self.at(6))
    }

    @Test func aTitleYearAndAuthorThatDifferFromTheRegistryAreWarningsAtTheirFields() async throws {
        let server = try await Self.registry()
        defer { server.stop() }
        let entry = Self.entry("smith2019", doi: "10.1234/renamed", line: 1)
        let result = await ExternalCheckFixture(resolver: server).run([], bibliography: Bibliography(entries: [entry]))
        #expect(result.outcomes["doi:10.1234/renamed"] == .ok)
        let byLine = Dictionary(uniqueKeysWithValues: result.entries.map { ($0.location.line, $0) })
        #expect(byLine.count == 3)
        #expect(byLine[3]?.message == "DOI 10.1234/renamed is registered to 'Another title' (2017): the title here is 'Intensive outpatient care - a review' (a mistyped DOI?)")
        #expect(byLine[4]?.message == "DOI 10.1234/renamed is registered to 'Another title' (2017): the year here is 2019 (a mistyped DOI?)")
        #expect(byLine[2]?.message == "DOI 10.1234/renamed is registered to 'Another title' (2017): its first author is Jones, not Smith (a mistyped DOI?)")
        #expect(result.entries.allSatisfy { $0.severity == .warning })
    }
}
