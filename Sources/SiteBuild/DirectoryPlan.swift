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
        let groups: [DependencyGroup: [String]]
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
    let groups: [DependencyGroup: [String]]
    /// Two directory pages with one output file.
    let collisions: [Diagnostic]
    /// The states' parts, by state code.
    let parts: [String: StatePart]

    init(_ directory: Directory, language: SiteLanguage = .english, words: Words = .fallback, reusing previous: DirectoryPlan? = nil) {
        revision = directory.revision
        let index = DirectoryIndex(directory, language: language, words: words, reusing: previous?.index)
        self.index = index
        var parts: [String: StatePart] = [:]
        var specs = [PageSpec(route: index.root, template: "directory", kind: .directoryIndex,
                              source: SourceLocation(path: DirectoryIndex.statesFile, line: 1, column: 1), language: index.pageLanguage)]
        var sitemap: [SitemapEntry] = []
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
        // The states with the most listings first: one left for last would keep a core waiting on it alone.
        let madeParts = changed.count > 1 ? ParallelMap.map(changed, costliestFirst: { index.facilities(in: $0).count }, make) : changed.map(make)
        let made = Dictionary(zip(changed.map(\.code), madeParts)) { first, _ in first }
        let orderedParts = ordered.map { kept[$0.code] ?? made[$0.code]! }
        // The map page's entry comes first, with the newest date of the states' (each the newest of its listings').
        let newest = orderedParts.compactMap { $0.sitemap.first?.lastModified }.max()
        sitemap.reserveCapacity(orderedParts.reduce(1) { $0 + $1.sitemap.count })
        specs.reserveCapacity(orderedParts.reduce(1) { $0 + $1.specs.count })
        sitemap.append(SitemapEntry(route: index.root, lastModified: newest))
        for part in orderedParts {
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
        if route == index.root.path { return specs.first?.source }
        guard route.hasPrefix(index.root.path) else { return nil }
        let stateSlug = route.dropFirst(index.root.path.count).prefix { $0 != "/" }
        return parts.values.first { $0.state.slug == stateSlug }?.sources[route]
    }

    private static func part(_ state: StateInfo, _ facilities: [Facility], retired: [Facility], index: DirectoryIndex) -> StatePart {
        let stateRoute = index.route(state)
        // The pages in route order: the state's own first (its route is every other one's prefix), then
        // its listings' and retired listings' by route, sorted as small keys rather than as whole specs.
        let routes = facilities.map(index.route) + retired.map(index.route)
        let order = routes.indices.sorted { routes[$0].path < routes[$1].path }
        let dates = facilities.map(\.newestDate)
        let language = index.pageLanguage
        var specs = [PageSpec(route: stateRoute, template: "state", kind: .state(state), source: state.location, language: language)]
        var sitemap = [SitemapEntry(route: stateRoute, lastModified: dates.compactMap { $0 }.max())]
        specs.reserveCapacity(routes.count + 1)
        sitemap.reserveCapacity(facilities.count + 1)
        for position in order {
            if position < facilities.count {
                let facility = facilities[position]
                specs.append(PageSpec(route: routes[position], template: "facility", kind: .facility(facility), source: facility.slug.location, language: language))
                sitemap.append(SitemapEntry(route: routes[position], lastModified: dates[position]))
            } else {
                // A retired listing keeps its page, out of the sitemap.
                let facility = retired[position - facilities.count]
                specs.append(PageSpec(route: routes[position], template: "retired", kind: .retired(facility), source: facility.slug.location, language: language))
            }
        }
        let sources = Dictionary(specs.map { ($0.route.path, $0.source) }) { first, _ in first }
        return StatePart(state: state, facilities: facilities, retired: retired, specs: specs, sitemap: sitemap, groups: index.groups(of: state.code),
                         listings: Dictionary((facilities + retired).map { ($0.id.value, $0) }) { first, _ in first }, sources: sources,
                         collisions: sources.count == specs.count ? [] : SitePlan.collisions(specs))
    }
}
