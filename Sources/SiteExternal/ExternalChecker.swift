public import Foundation
public import SiteCheck
public import SiteContent
import SiteCore
import SiteLinks

/// `iopsite check --external`: checks every outside URL and DOI of a site once, politely, and says
/// what each came to at every place it occurs.
public struct ExternalChecker: Sendable {
    /// What a check found.
    public struct Result: Sendable {
        /// One entry per problem and place.
        public var entries: [CheckReport.Entry]
        public var summary: ExternalSummary
        /// What each URL (as checked) and each DOI (`doi:10.…`, lowercased) came to.
        public var outcomes: [String: ExternalOutcome]
        /// The cache with what this run learned.
        public var cache: ExternalCache
    }

    let settings: CheckSettings
    let fetcher: any HTTPFetching
    let retryBackoff: Double
    let now: @Sendable () -> Date

    /// - Parameters:
    ///   - retryBackoff: seconds before the first retry of a 5xx or a timeout (doubling after).
    ///   - now: the clock, for `Retry-After` dates and the cache.
    public init(settings: CheckSettings, fetcher: any HTTPFetching, retryBackoff: Double = 1, now: @escaping @Sendable () -> Date = Date.init) {
        self.settings = settings
        self.fetcher = fetcher
        self.retryBackoff = retryBackoff
        self.now = now
    }

    /// Checks the targets: what the cache still holds is not asked again, excluded URLs are skipped;
    /// hosts are worked on side by side (up to `concurrency`), each host's URLs one after another.
    public func run(_ targets: ExternalTargets, cache: ExternalCache = ExternalCache(),
                    progress: (@Sendable (ExternalProgress) -> Void)? = nil) async -> Result {
        let patterns = settings.exclude.map { URLPattern($0.value) }
        func excluded(_ url: String) -> Bool { patterns.contains { $0.matches(url) } }
        let links = targets.links.filter { !excluded($0.url) }
        let dois = targets.dois.filter { !excluded("https://doi.org/" + $0.doi.text) }
        var summary = ExternalSummary()
        summary.skipped = targets.links.count + targets.dois.count - links.count - dois.count
        summary.urls = links.count
        summary.dois = dois.count

        let start = now()
        let board = ProgressBoard(total: links.count + dois.count, report: progress)
        let run = CheckRun(settings: settings, fetcher: fetcher, schedule: HostSchedule(interval: .milliseconds(Int(settings.hostInterval * 1000))),
                           board: board, retryBackoff: retryBackoff, now: now)
        let work = Work.plan(links: links, dois: dois, cache: cache, now: start, resolverHost: ExternalURL.hostKey(settings.doiResolver))
        summary.cached = work.cachedCount
        let found = await work.perform(with: run, concurrency: settings.concurrency)

        var cache = cache
        let finished = now()
        for (index, verdict) in found.links { cache.store(verdict, for: Work.key(links[index]), now: finished) }
        for (index, verdict) in found.dois where found.askedDOIs.contains(index) {
            cache.store(verdict, for: Work.key(dois[index].doi), now: finished)
        }
        for (index, lookup) in found.crossref { cache.store(lookup, for: Work.crossrefKey(dois[index].doi), now: finished) }

        var linkVerdicts = work.cachedLinks.merging(found.links) { cached, _ in cached }
        var doiVerdicts = work.cachedDOIs.merging(found.dois) { cached, _ in cached }
        let crossref = work.cachedCrossref.merging(found.crossref) { cached, _ in cached }
        let unreachable = Self.unreachableHosts(Array(linkVerdicts.values) + Array(doiVerdicts.values))
        summary.unreachableHosts = unreachable
        // Not one answer from anywhere, and more than one host tried: the machine is offline, and
        // what it could not reach says nothing about the links.
        if !board.anyResponse && unreachable.count >= 2 && work.requested > 0 {
            summary.offline = true
            linkVerdicts = linkVerdicts.mapValues(Self.offline)
            doiVerdicts = doiVerdicts.mapValues(Self.offline)
        }
        for verdict in Array(linkVerdicts.values) + Array(doiVerdicts.values) { summary.counts[verdict.outcome, default: 0] += 1 }
        let entries = Report.entries(links: links, linkVerdicts: linkVerdicts, dois: dois, doiVerdicts: doiVerdicts, crossref: crossref)
        var outcomes: [String: ExternalOutcome] = [:]
        for (index, verdict) in linkVerdicts { outcomes[links[index].url] = verdict.outcome }
        for (index, verdict) in doiVerdicts { outcomes["doi:" + dois[index].doi.key] = verdict.outcome }
        return Result(entries: entries, summary: summary, outcomes: outcomes, cache: cache)
    }

    private static func offline(_ verdict: Verdict) -> Verdict {
        guard verdict.unreachable != nil else { return verdict }
        var changed = verdict
        changed.outcome = .unreliable
        changed.detail = "not checked, as no outside host could be reached from this machine (\(verdict.detail))"
        return changed
    }

    /// Each host that could not be reached, with why and how many URLs it holds, sorted by name.
    private static func unreachableHosts(_ verdicts: [Verdict]) -> [ExternalSummary.UnreachableHost] {
        var hosts: [String: ExternalSummary.UnreachableHost] = [:]
        for verdict in verdicts {
            guard let failure = verdict.unreachable else { continue }
            hosts[failure.host, default: .init(host: failure.host, reason: failure.description, urls: 0)].urls += 1
        }
        return hosts.values.sorted { $0.host < $1.host }
    }
}
