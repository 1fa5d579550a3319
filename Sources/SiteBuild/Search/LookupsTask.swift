import SiteContent
import SiteCore

/// The search's geography lookups, made on another thread while the directory is planned, or the kept
/// ones when the geography is the same. `value` waits for them (or makes them, when they were not needed ahead).
struct LookupsTask: Sendable {
    private let geography: Geography
    private let kept: SearchIndex.Lookups?
    private let ahead: BackgroundValue<SearchIndex.Lookups>?

    init(kept: SearchIndex.Lookups?, geography: Geography, needed: Bool) {
        self.geography = geography
        self.kept = kept.flatMap { $0.geography == geography ? $0 : nil }
        ahead = self.kept == nil && needed ? BackgroundValue { SearchIndex.Lookups(geography) } : nil
    }

    var value: SearchIndex.Lookups {
        kept ?? ahead?.value ?? SearchIndex.Lookups(geography)
    }
}
