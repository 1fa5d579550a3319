import SiteContent
import SiteCore

/// What planning derives from the directory alone: its index, its pages and sitemap entries (in route
/// order), the sets of listings pages depend on, and the problems of its routes. A long-lived build keeps
/// it while the directory's files are unchanged, so an edit elsewhere never re-plans 14,000 listings, and
/// an edit of one state re-plans that state alone (the others keep their parts).
struct DirectoryPlan: Sendable {
    /// One state's part of the plan, kept while the state and its listings (the same values, in the same
    /// order) are unchanged.
    struct StatePart: Sendable {
        let state: StateInfo
        let facilities: [Facility]
        /// Its retired listings, whose pages stay.
        let retired: [Facility]
        /// The state page, then its facilities' pages (listed and retired), in route order.
        let specs: [PageSpec]
        let sitemap: [SitemapEntry]
        /// The state's sets of listings (see `DirectoryIndex.groups(of:)`).
        let groups: [String: [String]]
        /// The state's listings by id.
        let listings: [String: Facility]
        /// Where each of its pages comes from, by route.
        let sources: [String: SourceLocation]
        /// Two of its pages with one route.
        let collisions: [Diagnostic]

        /// Whether this part was made from the very same listings as `other` (then all of it is the same).
        func isSame(as other: StatePart) -> Bool {
            isMade(from: other.state, other.facilities, other.retired)
        }

        func isMade(from state: StateInfo, _ facilities: [Facility], _ retired: [Facility]) -> Bool {
            self.state == state && self.facilities.count == facilities.count && zip(self.facilities, facilities).allSatisfy { $0 === $1 }
                && self.retired.count == retired.count && zip(self.retired, retired).allSatisfy { $0 === $1 }
        }
    }

    /// The directory's revision (see `Directory.revision`).
    let revision: Int
    let index: DirectoryIndex
    /// The map, state and facility pages, in route order.
    let specs: [PageSpec]
    /// Their sitemap entries, in route order.
    let sitemap: [SitemapEntry]
    /// The sets drawn from the whole directory (see `DirectoryIndex.directoryGroups`).
    let groups: [String: [String]]
    /// Two directory pages with one output file.
    let collisions: [Diagnostic]
    /// The states' parts, by state code.
    let parts: [String: StatePart]

    init(_ directory: Directory, reusing previous: DirectoryPlan? = nil) {
        revision = directory.revision
        let index = DirectoryIndex(directory, reusing: previous?.index)
        self.index = index
        var parts: [String: StatePart] = [:]
        var specs = [PageSpec(route: DirectoryIndex.root, template: "directory", kind: .directoryIndex,
                              source: SourceLocation(path: DirectoryIndex.statesFile, line: 1, column: 1))]
        var sitemap = [SitemapEntry(route: DirectoryIndex.root, lastModified: SitePlan.newest(directory.facilities))]
        // The states' parts are independent: made on every core, assembled in route order.
        let ordered = index.states.sorted(by: { index.route($0) < index.route($1) })
        var kept: [String: StatePart] = [:]
        for state in ordered {
            if let part = previous?.parts[state.code], part.isMade(from: state, index.facilities(in: state), index.retired(in: state)) {
                kept[state.code] = part
            }
        }
        // Parallel only when several states changed (an edit changes one; dispatching the rest costs more than it saves).
        let changed = ordered.filter { kept[$0.code] == nil }
        let make: @Sendable (StateInfo) -> StatePart = { state in Self.part(state, index.facilities(in: state), retired: index.retired(in: state), index: index) }
        let madeParts = changed.count > 1 ? ParallelMap.map(changed, make) : changed.map(make)
        let made = Dictionary(zip(changed.map(\.code), madeParts)) { first, _ in first }
        for part in ordered.map({ kept[$0.code] ?? made[$0.code]! }) {
            parts[part.state.code] = part
            specs += part.specs
            sitemap += part.sitemap
        }
        self.parts = parts
        self.specs = specs
        self.sitemap = sitemap
        groups = index.directoryGroups()
        // Two states with one slug would share every route below it; within a state, each part knows.
        let slugs = Dictionary(grouping: index.states, by: \.slug)
        collisions = slugs.values.contains { $0.count > 1 } ? SitePlan.collisions(specs) : parts.values.flatMap(\.collisions)
    }

    /// Where a directory output file comes from (all its routes are folders: `a/index.html` is `/a/`).
    func source(ofFile file: String) -> SourceLocation? {
        guard file.hasSuffix("index.html") else { return nil }
        let route = "/" + file.dropLast("index.html".count)
        if route == DirectoryIndex.root.path { return specs.first?.source }
        guard route.hasPrefix(DirectoryIndex.root.path) else { return nil }
        let stateSlug = route.dropFirst(DirectoryIndex.root.path.count).prefix { $0 != "/" }
        return parts.values.first { $0.state.slug == stateSlug }?.sources[route]
    }

    private static func part(_ state: StateInfo, _ facilities: [Facility], retired: [Facility], index: DirectoryIndex) -> StatePart {
        var pages = [(path: index.route(state).path, spec: PageSpec(route: index.route(state), template: "state", kind: .state(state), source: state.location),
                      entry: SitemapEntry(route: index.route(state), lastModified: SitePlan.newest(facilities)))]
        for facility in facilities {
            let route = index.route(facility)
            pages.append((route.path, PageSpec(route: route, template: "facility", kind: .facility(facility), source: facility.slug.location),
                          SitemapEntry(route: route, lastModified: SitePlan.newest(facility))))
        }
        // A retired listing keeps its page, out of the sitemap.
        let retiredPages = retired.map { (path: index.route($0).path, spec: PageSpec(route: index.route($0), template: "retired", kind: .retired($0), source: $0.slug.location)) }
        let sitemap = pages.sorted { $0.path < $1.path }.map(\.entry)
        let all = (pages.map { (path: $0.path, spec: $0.spec) } + retiredPages).sorted { $0.path < $1.path }
        let specs = all.map(\.spec)
        let sources = Dictionary(all.map { ($0.path, $0.spec.source) }) { first, _ in first }
        return StatePart(state: state, facilities: facilities, retired: retired, specs: specs, sitemap: sitemap, groups: index.groups(of: state.code),
                         listings: Dictionary((facilities + retired).map { ($0.id.value, $0) }) { first, _ in first }, sources: sources,
                         collisions: sources.count == specs.count ? [] : SitePlan.collisions(specs))
    }
}
