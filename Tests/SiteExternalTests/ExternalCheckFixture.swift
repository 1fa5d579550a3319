import Foundation
import SiteCheck
import SiteContent
import SiteCore
import SiteExternal
import SiteLinks
import SiteTestServer
import SiteTestSupport

/// Checks URLs against loopback servers with short timings, as `iopsite check --external` would.
struct ExternalCheckFixture {
    var settings = CheckSettings()

    init(resolver: LoopbackServer? = nil) {
        settings.hostInterval = 0
        // Generous: the whole test suite runs at once on two cores, and a timeout here would be
        // retried and counted as a second request.
        settings.timeout = 20
        settings.connectTimeout = 10
        settings.maxRetryAfter = 2
        // No test reaches the internet: without a loopback registry, the registry is a name that never resolves.
        settings.doiResolver = resolver?.origin ?? "http://doi-resolver.invalid"
        settings.crossref = (resolver?.origin ?? "http://crossref.invalid") + (resolver == nil ? "" : "/crossref")
    }

    /// Where the n-th URL is "written": line n of a Markdown file.
    static func source(_ index: Int) -> SourceLocation { SourceLocation(path: "Content/guide/g.md", line: index + 1, column: 1) }

    func run(_ urls: [String], bibliography: Bibliography? = nil, cache: ExternalCache = ExternalCache()) async -> ExternalChecker.Result {
        let links = urls.enumerated().map { index, url in
            OutsideLink(url: url, page: SourceLocation(path: "g/index.html", line: 1, column: index + 1), source: Self.source(index))
        }
        return await run(ExternalTargets.collect(links, bibliography: bibliography), cache: cache)
    }

    func run(_ targets: ExternalTargets, cache: ExternalCache = ExternalCache()) async -> ExternalChecker.Result {
        let fetcher = HTTPFetcher(connectTimeout: settings.connectTimeout, timeout: settings.timeout, userAgent: "iopsite tests")
        let result = await ExternalChecker(settings: settings, fetcher: fetcher, retryBackoff: 0.05).run(targets, cache: cache)
        await fetcher.shutdown()
        return result
    }
}

extension ExternalChecker.Result {
    func entries(at line: Int) -> [CheckReport.Entry] {
        entries.filter { $0.location == ExternalCheckFixture.source(line - 1) }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
