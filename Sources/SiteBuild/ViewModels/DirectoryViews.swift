import SiteContent
import SiteCore
import SiteTemplates

/// The notice every directory page carries: where listings come from, how old they are, and 988.
struct NoticeView: ViewModel {
    static let fields = ViewFields<NoticeView>("NoticeView", [
        .text("data_dates") { $0.dataDates },
        .text("newest_export") { $0.newestExport },
    ])
    let dataDates: String
    /// The newest export the page shows: the latest data date of its listings.
    let newestExport: String

    init(_ facilities: [Facility]) {
        dataDates = DirectoryIndex.dataDates(facilities)
        newestExport = facilities.map(\.sourceDate).max().map(DisplayDate.text) ?? ""
    }

    /// The notice of one listing's page, whose data date is `date` as readers see it.
    init(date: String) {
        dataDates = date
        newestExport = date
    }
}

/// One step of the breadcrumb trail; the last is the current page.
struct CrumbView: ViewModel {
    static let fields = ViewFields<CrumbView>("CrumbView", [
        .text("name") { $0.name },
        .text("url") { $0.url },
        .flag("current") { $0.current },
    ])
    let name: String
    let url: String
    let current: Bool
}

/// A label shown as a badge or in a list.
struct LabelView: ViewModel {
    static let fields = ViewFields<LabelView>("LabelView", [
        .text("label") { $0.label },
        .text("id") { $0.id },
    ])
    let label: String
    let id: String
}

/// A day's opening hours.
struct HoursView: ViewModel {
    static let fields = ViewFields<HoursView>("HoursView", [
        .text("day") { $0.day },
        .text("hours") { $0.hours },
    ])
    let day: String
    let hours: String
}

/// A facility as a state page lists it, and as its own page and the guide's featured block show it.
final class ListingView: ViewModel {
    static let fields = ViewFields<ListingView>("ListingView", [
        .text("anchor") { "center-" + $0.facility.state.lowercased() + "-" + $0.facility.slug.value },
        .text("name") { $0.facility.name.value },
        .text("name2") { $0.facility.name2 },
        .text("url") { $0.url },
        .text("street") { [$0.facility.address.value.street1, $0.facility.address.value.street2].compactMap { $0 }.joined(separator: ", ") },
        .text("city") { $0.facility.address.value.city },
        .text("state") { $0.facility.state },
        .text("zip") { $0.facility.address.value.zip + ($0.facility.address.value.zip4.map { "-" + $0 } ?? "") },
        .text("phone") { $0.facility.phone?.value.display },
        .text("tel") { $0.facility.phone?.value.telURL },
        .text("website") { $0.facility.website?.value },
        .flag("has_badges") { !$0.care.isEmpty || !$0.payment.isEmpty },
        .list("care") { $0.care },
        .list("payment") { $0.payment },
        .text("care_ids") { $0.care.map(\.id).joined(separator: " ") },
        .text("payment_ids") { $0.payment.map(\.id).joined(separator: " ") },
        .list("hours") { $0.facility.hours.map { $0.value.days.map { HoursView(day: $0.day.schemaName, hours: ListingView.hoursText($0.hours)) } } },
        .flag("has_hours") { $0.facility.hours != nil },
        .text("data_date") { DisplayDate.text($0.facility.sourceDate) },
        .object("verified") { $0.facility.verified.map { DateView(date: $0.value) } },
        .flag("featured") { $0.facility.featured },
    ])
    let facility: Facility
    let url: String
    /// Computed once: templates ask for these several times per listing.
    let care: [LabelView]
    let payment: [LabelView]

    init(facility: Facility, url: String) {
        self.facility = facility
        self.url = url
        care = ReaderGroup.groups(.care, in: facility.careGroups).map { LabelView(label: $0.label, id: $0.id) }
        payment = ReaderGroup.groups(.payment, in: facility.paymentGroups).map { LabelView(label: $0.label, id: $0.id) }
    }

    static func hoursText(_ hours: OpeningHours.Hours) -> String {
        switch hours {
        case .closed: "Closed"
        case .allDay: "Open 24 hours"
        case .ranges(let ranges):
            // Joined by hand: one range (nearly every day) is a short string, made without an allocation.
            ranges.indices.reduce(into: "") { text, index in
                if index > 0 { text += ", " }
                text += ranges[index].opens + "–" + ranges[index].closes
            }
        }
    }
}

/// `featured-centers.mustache`: the guide's featured listings.
struct FeaturedCentersView: ViewModel {
    static let fields = ViewFields<FeaturedCentersView>("FeaturedCentersView", [.list("centers") { $0.centers }])
    let centers: [ListingView]
}
