import SiteContent
import SiteCore

/// The directory arranged for rendering: facilities by state (sorted by city, then name), routes, labels.
/// Built once per build and shared by every directory page, which reads it through `reading(into:)`.
///
/// A class: every page holds it while it renders, and a struct of this many collections would be copied
/// (each one retained, on both cores at once) into every page's tracked view of it.
final class DirectoryIndex: Sendable {
    let directory: Directory
    let states: [StateInfo]
    let byState: [String: [Facility]]
    /// Facilities by state, then by city key (see `cityKey`), in listing order.
    let byCity: [String: [String: [Facility]]]
    let labels: [String: String]
    /// The codebook's English labels, each with its label in the index's language (a listing's languages are
    /// recorded as the codebook's labels).
    let spokenLabels: [String: String]
    /// Retired listings by state, by id.
    let retiredByState: [String: [Facility]]
    private let statesByCode: [String: StateInfo]
    /// The language of the pages the index is arranged for: its routes and words.
    let language: SiteLanguage
    let words: Words

    /// `PageSpec.language` of the index's pages: empty for the default language.
    var pageLanguage: String { language.isDefault ? "" : language.code }

    /// The directory's index page, in the language of the index.
    var root: Route { language.directory }

    /// Each data date as readers see it ("April 9, 2020"), made once per date: the directory has a few
    /// dates and 14,000 listing pages that show one.
    let displayDates: [String: String]
    /// The listed facilities' distinct data dates, sorted.
    private let listedDates: [String]
    /// Per state, the cities (by `cityKey`) where two listings share a name: only their lists of
    /// neighbours can need telling apart (a list of a city's listings has no two names alike otherwise).
    private let sharedNames: [String: Set<String>]
    /// Per state, for each city with shared names and more listings than a page lists, what tells its
    /// first `neighbourLimit` listings apart: the neighbours of every listing of the city but those.
    private let leadingDistinctions: [String: [String: [String?]]]

    /// How many other centers of the same city a facility page lists.
    static let neighbourLimit = 12

    /// Each state's listings in directory order, to tell whether a state's sorted list can be kept.
    private let unsorted: [String: [Facility]]
    /// Each state's placements (kept to lend them to the next index).
    private let statePlacements: [String: [ObjectIdentifier: Placement]]
    /// Each listed facility's placement, by the facility itself: a page asks for a dozen routes.
    private let placements: [ObjectIdentifier: Placement]
    /// Each state's route, by code.
    private let stateRoutes: [String: Route]

    /// `previous`, the index of an earlier version of the directory, lends the sorted lists of the
    /// states whose listings are the very same values in the same order.
    init(_ directory: Directory, language: SiteLanguage = .english, words: Words = .fallback, reusing previous: DirectoryIndex? = nil) {
        self.directory = directory
        self.language = language
        self.words = words
        // An index of other words (another language, or an edited string table) lends nothing: its parts hold its words.
        let previous = previous?.language == language && previous?.words == words ? previous : nil
        states = directory.states.sorted { $0.name < $1.name }
        statesByCode = Dictionary(directory.states.map { ($0.code, $0) }) { first, _ in first }
        unsorted = Self.grouped(directory.facilities)
        var byState: [String: [Facility]] = [:]
        var byCity: [String: [String: [Facility]]] = [:]
        var statePlacements: [String: [ObjectIdentifier: Placement]] = [:]
        var sharedNames: [String: Set<String>] = [:]
        var leadingDistinctions: [String: [String: [String?]]] = [:]
        let labels = Dictionary(directory.codes.map { ($0.code, words.service($0.code, label: $0.label)) }) { first, _ in first }
        // Each state's part is made apart from the others': on every core, the largest states first.
        let fresh = unsorted.filter { code, list in
            guard let previous, let before = previous.unsorted[code], before.count == list.count, zip(before, list).allSatisfy({ $0 === $1 }),
                  previous.byState[code] != nil, previous.byCity[code] != nil, previous.statePlacements[code] != nil,
                  previous.sharedNames[code] != nil, previous.leadingDistinctions[code] != nil, previous.labels == labels else { return true }
            return false
        }
        for code in unsorted.keys where fresh[code] == nil {
            let previous = previous!
            byState[code] = previous.byState[code]
            byCity[code] = previous.byCity[code]
            statePlacements[code] = previous.statePlacements[code]
            sharedNames[code] = previous.sharedNames[code]
            leadingDistinctions[code] = previous.leadingDistinctions[code]
        }
        let statesByCode = statesByCode
        let parts = ParallelMap.map(Array(fresh), costliestFirst: { $0.value.count }) { code, list in
            (code, StatePart(list, root: language.directory.path + (statesByCode[code]?.slug ?? code.lowercased()) + "/", labels: labels, words: words))
        }
        for (code, part) in parts {
            byState[code] = part.sorted
            byCity[code] = part.cities
            statePlacements[code] = part.placements
            sharedNames[code] = part.sharedNames
            leadingDistinctions[code] = part.leadingDistinctions
        }
        self.sharedNames = sharedNames
        self.leadingDistinctions = leadingDistinctions
        let dates = Self.distinctDates(directory.facilities)
        listedDates = dates.sorted()
        displayDates = Dictionary(dates.union(Self.distinctDates(directory.retired)).map { ($0, words.dataDate($0)) }) { first, _ in first }
        self.byState = byState
        self.byCity = byCity
        self.statePlacements = statePlacements
        self.placements = Self.placements(statePlacements, fresh: Set(fresh.keys), previous: previous)
        stateRoutes = Dictionary(directory.states.map { ($0.code, Route(language.directory.path + $0.slug + "/")) }) { first, _ in first }
        self.labels = labels
        spokenLabels = Dictionary(directory.codes.map { ($0.label, labels[$0.code] ?? $0.label) }) { first, _ in first }
        retiredByState = Self.grouped(directory.retired).mapValues { $0.sorted { $0.id.value < $1.id.value } }
    }

    /// Every state's placements in one table. After an edit, the previous table with the made-again states' entries
    /// replaced: the whole table made again at each edit was a tenth of a listing edit's wait in `serve`.
    /// (The previous index holds its listings alive, so none of their identifiers is a new listing's.)
    private static func placements(_ byState: [String: [ObjectIdentifier: Placement]], fresh: Set<String>,
                                   previous: DirectoryIndex?) -> [ObjectIdentifier: Placement] {
        guard let previous, fresh.count * 2 < byState.count else {
            var placements: [ObjectIdentifier: Placement] = [:]
            placements.reserveCapacity(byState.values.reduce(0) { $0 + $1.count })
            for part in byState.values { placements.merge(part) { first, _ in first } }
            return placements
        }
        var placements = previous.placements
        for (code, part) in previous.statePlacements where fresh.contains(code) || byState[code] == nil {
            for key in part.keys { placements[key] = nil }
        }
        for code in fresh { placements.merge(byState[code] ?? [:]) { _, new in new } }
        return placements
    }

    /// Listings by state, each state's in directory order. A directory comes state by state (the imported files,
    /// then the editors' additions), so runs of one state are moved whole rather than one listing at a time.
    static func grouped(_ facilities: [Facility]) -> [String: [Facility]] {
        var groups: [String: [Facility]] = [:]
        var start = 0
        while start < facilities.count {
            let state = facilities[start].state
            var end = start + 1
            while end < facilities.count, facilities[end].state == state { end += 1 }
            groups[state, default: []].append(contentsOf: facilities[start..<end])
            start = end
        }
        return groups
    }

    /// The distinct data dates of `facilities`. Most share their import's date: a date equal to the one before it
    /// (the same string, compared without hashing) is not looked up again.
    static func distinctDates(_ facilities: [Facility]) -> Set<String> {
        var dates: Set<String> = []
        var last: String?
        for facility in facilities where facility.sourceDate != last {
            dates.insert(facility.sourceDate)
            last = facility.sourceDate
        }
        return dates
    }

    func retired(in state: StateInfo) -> [Facility] { retiredByState[state.code] ?? [] }

    /// The listed facilities of a retired one's state nearest to it, at most `limit`: by distance when it
    /// has coordinates (those without come last), else those of its city, then by name.
    func nearest(to facility: Facility, limit: Int) -> [Facility] {
        let listed = byState[facility.state] ?? []
        guard let lat = facility.latitude, let lon = facility.longitude else { return neighbours(of: facility, limit: limit) }
        let measured = listed.map { other -> (Double, Facility) in
            guard let otherLat = other.latitude, let otherLon = other.longitude else { return (.infinity, other) }
            return (GreatCircle.miles(lat, lon, otherLat, otherLon), other)
        }
        return measured.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.id.value < $1.1.id.value }.prefix(limit).map(\.1)
    }

    static func cityKey(_ facility: Facility) -> String {
        facility.state + "|" + facility.address.value.city.lowercased()
    }

    /// The files the states and the codebook come from.
    static let statesFile = "Content/directory/_states.csv"
    static let codesFile = "Content/directory/_service-codes.csv"

    /// The index as one page reads it: every listing, set and file it consults is recorded.
    func reading(into recorder: DependencyRecorder) -> TrackedDirectory {
        TrackedDirectory(index: self, recorder: recorder)
    }

    /// The sets of listings of one state that pages depend on as a whole, by the name pages record
    /// (`state:VA`, `city:VA|richmond`), each as its members in page order. A set changes when a listing
    /// joins, leaves or moves within it; a member's own change is its `.listing` dependency.
    func groups(of state: String) -> [DependencyGroup: [String]] {
        var groups: [DependencyGroup: [String]] = [.state(state): (byState[state] ?? []).map(\.id.value)]
        for (city, list) in byCity[state] ?? [:] { groups[.city(city)] = list.map(\.id.value) }
        return groups
    }

    /// The sets drawn from the whole directory: the featured listings, and what the map page sums up.
    func directoryGroups() -> [DependencyGroup: [String]] {
        [.featured: directory.facilities.filter(\.featured).map(\.id.value),
         .directory: ["\(directory.facilities.count)"] + listedDates]
    }

    func facilities(in state: StateInfo) -> [Facility] { byState[state.code] ?? [] }

    func state(of facility: Facility) -> StateInfo? { statesByCode[facility.state] }

    func route(_ state: StateInfo) -> Route { stateRoutes[state.code] ?? Route(language.directory.path + state.slug + "/") }

    func route(_ facility: Facility) -> Route {
        if let placement = placements[ObjectIdentifier(facility)] { return placement.route }
        return Route(language.directory.path + "\(state(of: facility)?.slug ?? facility.state.lowercased())/\(facility.slug.value)/")
    }

    /// What a listed facility's card shows that takes work to make, made once (for another, made now).
    func parts(of facility: Facility) -> ListingParts {
        placements[ObjectIdentifier(facility)]?.parts.value ?? ListingParts(facility, words: words)
    }

    /// The city key (see `cityKey`) of a listed facility, made once.
    func city(of facility: Facility) -> String {
        placements[ObjectIdentifier(facility)]?.city ?? Self.cityKey(facility)
    }

    /// Other facilities in the same city, at most `limit`.
    func neighbours(of facility: Facility, limit: Int) -> [Facility] {
        let placement = placements[ObjectIdentifier(facility)]
        let leading = limit <= Self.neighbourLimit ? placement?.leading : nil
        let candidates = leading ?? Array((byCity[facility.state]?[placement?.city ?? Self.cityKey(facility)] ?? []).prefix(limit + 1))
        // Ids are unique in a city's list, so at most one of its first `limit + 1` is the facility itself: a placed
        // listing is the very object the list holds (told by identity), any other by its id.
        var neighbours: [Facility] = []
        neighbours.reserveCapacity(min(limit, candidates.count))
        for candidate in candidates.prefix(limit + 1) where neighbours.count < limit {
            let isItself = placement != nil ? candidate === facility : candidate.id.value == facility.id.value
            if !isItself { neighbours.append(candidate) }
        }
        return neighbours
    }

    /// A data date as readers see it.
    func displayDate(_ date: String) -> String {
        displayDates[date] ?? words.dataDate(date)
    }

    /// What tells `neighbours`, other listings of `facility`'s city, apart (see `ListingDistinction`).
    func distinctions(of neighbours: [Facility], around facility: Facility) -> [String?] {
        let placement = placements[ObjectIdentifier(facility)]
        let city = placement?.city ?? Self.cityKey(facility)
        guard placement?.namesShared ?? sharedNames[facility.state]?.contains(city) ?? true else {
            return Array(repeating: nil, count: neighbours.count)
        }
        // The neighbours of a listing past a city's first few are those first few, told apart once.
        if let leading = leadingDistinctions[facility.state]?[city], neighbours.count == leading.count,
           let members = byCity[facility.state]?[city], zip(members, neighbours).allSatisfy({ $0 === $1 }) {
            return leading
        }
        return ListingDistinction.details(neighbours, labels: labels)
    }

    /// The oldest and newest data dates of a set of listings, for the notice.
    func dataDates(_ facilities: [Facility]) -> String {
        let dates = Set(facilities.map(\.sourceDate)).sorted()
        guard let first = dates.first, let last = dates.last else { return "" }
        return first == last ? displayDate(first) : words.text("page.date_range", ["first": displayDate(first), "last": displayDate(last)])
    }
}

extension DirectoryIndex {
    /// Where a listed facility is, found once for the dozen times its pages and its neighbours' ask.
    struct Placement: Sendable {
        let route: Route
        /// Its city key (see `cityKey`).
        let city: String
        /// The first `neighbourLimit + 1` listings of its city (the same array for the whole city).
        let leading: [Facility]
        /// Two listings of its city share a name.
        let namesShared: Bool
        /// What its card shows that takes work to make, made when a page first asks for it.
        let parts: LazyListingParts
    }

    /// One state's share of the index, made from its listings alone.
    struct StatePart: Sendable {
        let sorted: [Facility]
        let cities: [String: [Facility]]
        /// The same objects as the directory's, which keeps them alive: an identifier cannot be reused.
        let placements: [ObjectIdentifier: Placement]
        let sharedNames: Set<String>
        let leadingDistinctions: [String: [String?]]

        init(_ list: [Facility], root statePath: String, labels: [String: String], words: Words) {
            // Each listing's sort key is made once, not at every comparison.
            let keyed = list.map { (key: ($0.address.value.city.lowercased(), $0.name.value.lowercased(), $0.id.value), facility: $0) }
            sorted = keyed.sorted { $0.key < $1.key }.map(\.facility)
            var cities: [String: [Facility]] = [:]
            for facility in sorted { cities[DirectoryIndex.cityKey(facility), default: []].append(facility) }
            self.cities = cities
            let sharedNames = Set(cities.filter { _, members in
                var names = Set<String>()
                return !members.allSatisfy { names.insert($0.name.value.lowercased()).inserted }
            }.keys)
            self.sharedNames = sharedNames
            var leading: [String: [String?]] = [:]
            for city in sharedNames where cities[city]!.count > DirectoryIndex.neighbourLimit {
                leading[city] = ListingDistinction.details(Array(cities[city]!.prefix(DirectoryIndex.neighbourLimit)), labels: labels)
            }
            leadingDistinctions = leading
            var placements: [ObjectIdentifier: Placement] = [:]
            placements.reserveCapacity(list.count)
            // A state's listings share a few data dates: each written as readers see it once.
            var dataDates: [String: String] = [:]
            func dataDate(_ date: String) -> String {
                if let text = dataDates[date] { return text }
                let text = words.dataDate(date)
                dataDates[date] = text
                return text
            }
            // The state's part of every route made once: a listing's route is it, the listing's slug and a slash.
            for (city, members) in cities {
                let first = Array(members.prefix(DirectoryIndex.neighbourLimit + 1)), shared = sharedNames.contains(city)
                for facility in members {
                    var path = statePath
                    path.reserveCapacity(statePath.utf8.count + facility.slug.value.utf8.count + 1)
                    path += facility.slug.value
                    path += "/"
                    placements[ObjectIdentifier(facility)] = Placement(route: Route(path),
                                                                       city: city, leading: first, namesShared: shared,
                                                                       parts: LazyListingParts(facility, dataDate: dataDate(facility.sourceDate), words: words))
                }
            }
            self.placements = placements
        }
    }
}
