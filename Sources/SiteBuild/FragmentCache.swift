import Foundation
import SiteContent
import SiteCore

/// Rendered listings kept between the builds of a long-lived process: a listing's HTML depends only on
/// the listing's value, its URL and the theme, so it is kept by listing id with the value and URL it was
/// rendered from, and used only when both are equal (an edit of a state file makes new values for all
/// the state's listings, equal but for the one edited). A new theme starts an empty cache.
final class FragmentCache: @unchecked Sendable {
    private struct Entry {
        let facility: Facility
        let url: String
        let html: String
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Whether listings are kept at all: a build that runs once has no later build to keep them for.
    let keeps: Bool

    init(keeps: Bool = true) {
        self.keeps = keeps
    }

    /// The listing's HTML, rendered by `render` only when it is not kept.
    func listing(_ facility: Facility, url: String, render: () -> String) -> String {
        guard keeps else { return render() }
        let id = facility.id.value
        if let entry = lock.withLock({ entries[id] }), entry.url == url, entry.facility == facility {
            return entry.html
        }
        let html = render()
        lock.withLock { entries[id] = Entry(facility: facility, url: url, html: html) }
        return html
    }

    /// Drops the listings no longer in the directory, once there are many of them (a removed listing's
    /// entry is never used again; pruning at every change would cost more than it saves).
    func keep(only facilities: [Facility]) {
        guard lock.withLock({ entries.count }) > facilities.count + 1_000 else { return }
        let live = Set(facilities.map(\.id.value))
        lock.withLock { entries = entries.filter { live.contains($0.key) } }
    }
}
