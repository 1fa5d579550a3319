import Foundation
import SiteLinks
import SiteCheck

/// The requests a run must make, grouped by host, and what the cache already answers.
struct Work: Sendable {
    enum Item: Sendable {
        case link(index: Int, url: String)
        /// `handle` is nil when the DOI's registration must be asked; `crossref` is true when the
        /// registry's metadata is wanted and not cached.
        case doi(index: Int, doi: DOI, handle: Verdict?, crossref: Bool)
    }

    /// What the requests found, by the index of the link or DOI.
    struct Found: Sendable {
        var links: [Int: Verdict] = [:]
        var dois: [Int: Verdict] = [:]
        var crossref: [Int: CrossrefLookup] = [:]
        /// The DOIs whose registration was asked in this run (the others' came from the cache).
        var askedDOIs: Set<Int> = []

        mutating func merge(_ other: Found) {
            links.merge(other.links) { $1 }
            dois.merge(other.dois) { $1 }
            crossref.merge(other.crossref) { $1 }
            askedDOIs.formUnion(other.askedDOIs)
        }
    }

    var cachedLinks: [Int: Verdict] = [:]
    var cachedDOIs: [Int: Verdict] = [:]
    var cachedCrossref: [Int: CrossrefLookup] = [:]
    /// Links and DOIs answered by the cache alone.
    var cachedCount = 0
    /// Links and DOIs that need at least one request.
    var requested = 0
    var groups: [[Item]] = []

    static func key(_ link: ExternalTargets.Link) -> String { "url:" + link.url }
    static func key(_ doi: DOI) -> String { "doi:" + doi.key }
    static func crossrefKey(_ doi: DOI) -> String { "crossref:" + doi.key }

    static func plan(links: [ExternalTargets.Link], dois: [ExternalTargets.DOIReference], cache: ExternalCache, now: Date,
                     resolverHost: String) -> Work {
        var work = Work()
        var byHost: [String: Int] = [:]
        func add(_ item: Item, host: String) {
            if let group = byHost[host] {
                work.groups[group].append(item)
            } else {
                byHost[host] = work.groups.count
                work.groups.append([item])
            }
            work.requested += 1
        }
        for (index, link) in links.enumerated() {
            if let verdict = cache.verdict(key(link), now: now) {
                work.cachedLinks[index] = verdict
                work.cachedCount += 1
            } else {
                add(.link(index: index, url: link.url), host: ExternalURL.hostKey(link.url))
            }
        }
        for (index, reference) in dois.enumerated() {
            let handle = cache.verdict(key(reference.doi), now: now)
            let crossref = reference.entries.isEmpty ? nil : cache.crossref(crossrefKey(reference.doi), now: now)
            if let crossref { work.cachedCrossref[index] = crossref }
            let wantsCrossref = !reference.entries.isEmpty && crossref == nil && (handle == nil || handle?.outcome == .ok)
            if let handle, !wantsCrossref {
                work.cachedDOIs[index] = handle
                work.cachedCount += 1
            } else {
                add(.doi(index: index, doi: reference.doi, handle: handle, crossref: wantsCrossref), host: resolverHost)
            }
        }
        return work
    }

    /// Works on up to `concurrency` hosts at once, each host's items in order.
    func perform(with run: CheckRun, concurrency: Int) async -> Found {
        for verdict in Array(cachedLinks.values) + Array(cachedDOIs.values) { run.board.done(verdict.outcome) }
        return await withTaskGroup(of: Found.self) { group in
            var pending = groups.makeIterator()
            var running = 0
            var found = Found()
            while running < concurrency, let items = pending.next() {
                group.addTask { await Self.perform(items, with: run) }
                running += 1
            }
            while let done = await group.next() {
                found.merge(done)
                if let items = pending.next() { group.addTask { await Self.perform(items, with: run) } }
            }
            return found
        }
    }

    private static func perform(_ items: [Item], with run: CheckRun) async -> Found {
        var found = Found()
        for item in items {
            switch item {
            case .link(let index, let url):
                let verdict = await run.check(url: url)
                found.links[index] = verdict
                run.board.done(verdict.outcome)
            case .doi(let index, let doi, let cached, let wantsCrossref):
                let verdict: Verdict
                if let cached { verdict = cached } else { verdict = await run.check(doi: doi) }
                found.dois[index] = verdict
                if cached == nil { found.askedDOIs.insert(index) }
                if wantsCrossref && verdict.outcome == .ok { found.crossref[index] = await run.crossrefWork(doi) }
                run.board.done(verdict.outcome)
            }
        }
        return found
    }
}
