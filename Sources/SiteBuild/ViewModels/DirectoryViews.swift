import SiteContent
import SiteCore
import SiteTemplates
import Synchronization

/// The notice every directory page carries: where listings come from, how old they are, and 988.
struct NoticeView: ViewModel {
    static let fields = ViewFields<NoticeView>("NoticeView", [
        .text("data_dates") { $0.dataDates },
        .text("newest_export") { $0.newestExport },
    ])
    let dataDates: String
    /// The newest export the page shows: the latest data date of its listings.
    let newestExport: String

    init(_ facilities: [Facility], index: DirectoryIndex) {
        dataDates = index.dataDates(facilities)
        newestExport = facilities.map(\.sourceDate).max().map(index.displayDate) ?? ""
    }

    /// The notice of one listing's page, whose data date is `date` as readers see it.
    init(date: String) {
        dataDates = date
        newestExport = date
    }
}

/// One step of the breadcrumb trail; the last is the current page. A class, as `LabelView` (every page has a trail).
final class CrumbView: ViewModel {
    static let fields = ViewFields<CrumbView>("CrumbView", [
        .text("name") { $0.name },
        .text("url") { $0.url },
        .flag("current") { $0.current },
    ])
    let name: String
    let url: String
    let current: Bool

    init(name: String, url: String, current: Bool) {
        self.name = name
        self.url = url
        self.current = current
    }
}

/// A label shown as a badge or in a list. A class, as every view a list holds: a section enters it as it is,
/// where a struct would be boxed at every render.
final class LabelView: ViewModel {
    static let fields = ViewFields<LabelView>("LabelView", [
        .text("label") { $0.label },
        .text("id") { $0.id },
    ])
    let label: String
    let id: String

    init(label: String, id: String) {
        self.label = label
        self.id = id
    }
}

/// A day's opening hours.
final class HoursView: ViewModel {
    static let fields = ViewFields<HoursView>("HoursView", [
        .text("day") { $0.day },
        .text("hours") { $0.hours },
    ])
    let day: String
    let hours: String

    init(day: String, hours: String) {
        self.day = day
        self.hours = hours
    }
}

/// A facility as a state page lists it, and as its own page and the guide's featured block show it.
final class ListingView: ViewModel {
    static let fields = ViewFields<ListingView>("ListingView", [
        .text("anchor") { $0.parts.anchor },
        .text("name") { $0.facility.name.value },
        .text("name2") { $0.facility.name2 },
        .text("url") { $0.url },
        .text("street") { $0.parts.street },
        .text("city") { $0.facility.address.value.city },
        .text("state") { $0.facility.state },
        .text("zip") { $0.parts.zip },
        .text("phone") { $0.facility.phone?.value.display },
        .text("tel") { $0.facility.phone?.value.telURL },
        .text("website") { $0.facility.website?.value },
        .flag("has_badges") { !$0.parts.care.isEmpty || !$0.parts.payment.isEmpty },
        .list("care") { $0.parts.care },
        .list("payment") { $0.parts.payment },
        .text("care_ids") { $0.parts.careIDs },
        .text("payment_ids") { $0.parts.paymentIDs },
        .list("hours") { $0.parts.hours },
        // The directory's texts are English: marked as such on a page in another language.
        .text("data_language") { $0.parts.words.language.hasPrefix("en") ? nil : "en" },
        .flag("has_hours") { $0.facility.hours != nil },
        .text("data_date") { $0.parts.dataDate },
        .object("verified") { view in view.facility.verified.map { DateView(date: $0.value, words: view.parts.words) } },
        .flag("featured") { $0.facility.featured },
    ])
    let facility: Facility
    let url: String
    /// What the card shows that takes work to make, made once per listing (see `ListingParts`).
    let parts: ListingParts

    init(facility: Facility, url: String, parts: ListingParts? = nil, words: Words = .fallback) {
        self.facility = facility
        self.url = url
        self.parts = parts ?? ListingParts(facility, words: words)
    }

    static func hoursText(_ hours: OpeningHours.Hours, words: Words) -> String {
        switch hours {
        case .closed: return words.text("page.closed")
        case .allDay: return words.text("page.all_day")
        case .ranges(let ranges):
            // Written as bytes and made a String once (a day is some thirteen bytes, a short string needing no
            // allocation): joined with `+`, each day's text was six appends, and a listing has seven days.
            let length = ranges.reduce(2 * max(ranges.count - 1, 0)) { $0 + $1.opens.utf8.count + 3 + $1.closes.utf8.count }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buffer in
                var at = 0
                func put(_ text: String) {
                    UTF8Text.withBytes(of: text) { bytes in
                        guard let base = bytes.baseAddress else { return }
                        (buffer.baseAddress! + at).initialize(from: base, count: bytes.count)
                        at += bytes.count
                    }
                }
                for (index, range) in ranges.enumerated() {
                    if index > 0 { put(", ") }
                    put(range.opens)
                    put("–")
                    put(range.closes)
                }
                return UTF8Text.string(joiningWholeStrings: UnsafeBufferPointer(rebasing: buffer[..<at]))
            }
        }
    }
}

/// `featured-centers.mustache`: the guide's featured listings.
struct FeaturedCentersView: ViewModel {
    static let fields = ViewFields<FeaturedCentersView>("FeaturedCentersView", [.list("centers") { $0.centers }])
    let centers: [ListingView]
}

/// What a listing's card shows that takes work to make (texts joined, dates written, reader groups and hours as
/// views): made once per listing (see `LazyListingParts`), for the card on its state's page and the one on its own
/// page, instead of at each render.
final class ListingParts: Sendable {
    let anchor: String
    let street: String
    let zip: String
    let care: [LabelView]
    let payment: [LabelView]
    let careIDs: String
    let paymentIDs: String
    let hours: [HoursView]?
    let dataDate: String
    /// The words of the language the card is in.
    let words: Words

    init(_ facility: Facility, dataDate: String? = nil, words: Words) {
        let address = facility.address.value
        anchor = "center-" + facility.state.lowercased() + "-" + facility.slug.value
        street = address.streetLine
        zip = address.postalCode
        care = ReaderGroup.groups(.care, in: facility.careGroups).map { LabelView(label: words.group($0), id: $0.id) }
        payment = ReaderGroup.groups(.payment, in: facility.paymentGroups).map { LabelView(label: words.group($0), id: $0.id) }
        careIDs = care.map(\.id).joined(separator: " ")
        paymentIDs = payment.map(\.id).joined(separator: " ")
        hours = facility.hours.map { $0.value.days.map { HoursView(day: words.day($0.day.schemaName), hours: ListingView.hoursText($0.hours, words: words)) } }
        self.dataDate = dataDate ?? words.dataDate(facility.sourceDate)
        self.words = words
    }
}

/// A listing's `ListingParts`, made by the first page that asks (its state's page or its own, on either core)
/// and kept for the other. Made when the directory was indexed, they were made again for a whole state at every
/// edit of one of its listings, though only that listing's cards render again.
final class LazyListingParts: Sendable {
    private let facility: Facility
    /// Its data date as readers see it, made once per date of its state.
    private let dataDate: String
    private let made: Mutex<ListingParts?>

    private let words: Words

    init(_ facility: Facility, dataDate: String, words: Words) {
        self.words = words
        self.facility = facility
        self.dataDate = dataDate
        made = Mutex(nil)
    }

    var value: ListingParts {
        made.withLock { made in
            if let made { return made }
            let parts = ListingParts(facility, dataDate: dataDate, words: words)
            made = parts
            return parts
        }
    }
}
