import Foundation
import SiteContent

/// The search's geography lookups, made on another thread while the directory is planned, or the kept
/// ones when the geography is the same. `value` waits for them (or makes them, when they were not needed ahead).
final class LookupsTask: @unchecked Sendable {
    private let group = DispatchGroup()
    private let geography: Geography
    private var made: SearchIndex.Lookups?

    init(kept: SearchIndex.Lookups?, geography: Geography, needed: Bool) {
        self.geography = geography
        if let kept, kept.geography == geography {
            made = kept
        } else if needed {
            DispatchQueue.global().async(group: group) { self.made = SearchIndex.Lookups(geography) }
        }
    }

    var value: SearchIndex.Lookups {
        group.wait()
        if made == nil { made = SearchIndex.Lookups(geography) }
        return made!
    }
}
