import SiteContent
import SiteCore

/// The directory index as one page reads it. Every accessor records what it consults (a listing, a set
/// of listings, the states or the codebook file), so a page's dependencies are exactly what it used.
struct TrackedDirectory {
    let index: DirectoryIndex
    let recorder: DependencyRecorder

    var states: [StateInfo] {
        recorder.record(.file(DirectoryIndex.statesFile))
        return index.states
    }

    /// The labels of the locator's codes.
    var labels: [String: String] {
        recorder.record(.file(DirectoryIndex.codesFile))
        return index.labels
    }

    /// Every listing, for what summarises them all (the count and the data dates of the map page).
    var summary: (count: Int, notice: NoticeView) {
        recorder.record(.group(.directory))
        return (index.directory.facilities.count, NoticeView(index.directory.facilities, index: index))
    }

    /// How many listings a state has.
    func count(in state: StateInfo) -> Int {
        recorder.record(.group(.state(state.code)))
        return index.facilities(in: state).count
    }

    func facilities(in state: StateInfo) -> [Facility] {
        recorder.record(.group(.state(state.code)))
        let list = index.facilities(in: state)
        for facility in list { recorder.record(.listing(facility.id.value)) }
        return list
    }

    func listing(_ facility: Facility) -> Facility {
        recorder.record(.listing(facility.id.value))
        return facility
    }

    func state(of facility: Facility) -> StateInfo? {
        recorder.record(.file(DirectoryIndex.statesFile))
        return index.state(of: facility)
    }

    func route(_ state: StateInfo) -> Route {
        recorder.record(.file(DirectoryIndex.statesFile))
        return index.route(state)
    }

    func route(_ facility: Facility) -> Route {
        recorder.record(.file(DirectoryIndex.statesFile))
        recorder.record(.listing(facility.id.value))
        return index.route(facility)
    }

    /// What a listing's card shows that takes work to make: made from the listing alone, so nothing more is recorded.
    func parts(of facility: Facility) -> ListingParts { index.parts(of: facility) }

    /// Other listings of the same city, at most `limit`.
    func neighbours(of facility: Facility, limit: Int) -> [Facility] {
        recorder.record(.group(.city(index.city(of: facility))))
        let list = index.neighbours(of: facility, limit: limit)
        for neighbour in list { recorder.record(.listing(neighbour.id.value)) }
        return list
    }

    /// What tells a facility's neighbours apart: read from the neighbours themselves (recorded when they
    /// were asked for) and the codebook's labels.
    func distinctions(of neighbours: [Facility], around facility: Facility) -> [String?] {
        recorder.record(.file(DirectoryIndex.codesFile))
        return index.distinctions(of: neighbours, around: facility)
    }

    /// A data date as readers see it.
    func displayDate(_ date: String) -> String { index.displayDate(date) }

    /// The listed centers nearest a retired one: which they are depends on every listing of the state.
    func nearest(to facility: Facility, limit: Int) -> [Facility] {
        recorder.record(.group(.state(facility.state)))
        for other in index.byState[facility.state] ?? [] { recorder.record(.listing(other.id.value)) }
        return index.nearest(to: facility, limit: limit)
    }

    /// The featured listings, in directory order.
    func featured() -> [Facility] {
        recorder.record(.group(.featured))
        let list = index.directory.facilities.filter(\.featured)
        for facility in list { recorder.record(.listing(facility.id.value)) }
        return list
    }
}
