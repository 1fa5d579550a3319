import SiteContent
import SiteCore
import SiteTemplates

/// The notice every directory page carries: where listings come from, how old they are, and 988.
struct NoticeView: ViewModel {
    static let schema = ViewSchema("NoticeView", ["data_dates": .text, "newest_export": .text])
    let dataDates: String
    /// The newest export the page shows: the latest data date of its listings.
    let newestExport: String

    init(_ facilities: [Facility]) {
        dataDates = DirectoryIndex.dataDates(facilities)
        newestExport = facilities.map(\.sourceDate).max().map(DisplayDate.text) ?? ""
    }

    func child(named name: String) -> Any? {
        switch name {
        case "data_dates": dataDates
        case "newest_export": newestExport
        default: nil
        }
    }
}

/// One step of the breadcrumb trail; the last is the current page.
struct CrumbView: ViewModel {
    static let schema = ViewSchema("CrumbView", ["name": .text, "url": .text, "current": .flag])
    let name: String
    let url: String
    let current: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "url": url
        case "current": current
        default: nil
        }
    }
}

/// A label shown as a badge or in a list.
struct LabelView: ViewModel {
    static let schema = ViewSchema("LabelView", ["label": .text, "id": .text])
    let label: String
    let id: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "id": id
        default: nil
        }
    }
}

/// A day's opening hours.
struct HoursView: ViewModel {
    static let schema = ViewSchema("HoursView", ["day": .text, "hours": .text])
    let day: String
    let hours: String

    func child(named name: String) -> Any? {
        switch name {
        case "day": day
        case "hours": hours
        default: nil
        }
    }
}

/// A facility as a state page lists it, and as its own page and the guide's featured block show it.
final class ListingView: ViewModel {
    static let schema = ViewSchema("ListingView", [
        "anchor": .text, "name": .text, "name2": .text, "url": .text, "street": .text, "city": .text, "state": .text, "zip": .text,
        "phone": .text, "tel": .text, "website": .text, "has_badges": .flag, "care": .list(LabelView.schema),
        "payment": .list(LabelView.schema), "care_ids": .text, "payment_ids": .text, "hours": .list(HoursView.schema), "has_hours": .flag,
        "data_date": .text, "verified": .object(DateView.schema), "featured": .flag,
    ])
    let facility: Facility
    let url: String
    /// Computed once: templates ask for these several times per listing.
    let care: [LabelView]
    let payment: [LabelView]

    init(facility: Facility, url: String) {
        self.facility = facility
        self.url = url
        care = ReaderGroup.groups(ReaderGroup.levelsOfCare, for: facility.levelsOfCare).map { LabelView(label: $0.label, id: $0.id) }
        payment = ReaderGroup.groups(ReaderGroup.payments, for: facility.payment).map { LabelView(label: $0.label, id: $0.id) }
    }

    func child(named name: String) -> Any? {
        let address = facility.address.value
        switch name {
        case "anchor": return "center-" + facility.state.lowercased() + "-" + facility.slug.value
        case "name": return facility.name.value
        case "name2": return facility.name2
        case "url": return url
        case "street": return [address.street1, address.street2].compactMap { $0 }.joined(separator: ", ")
        case "city": return address.city
        case "state": return facility.state
        case "zip": return address.zip + (address.zip4.map { "-" + $0 } ?? "")
        case "phone": return facility.phone?.value.display
        case "tel": return facility.phone?.value.telURL
        case "website": return facility.website?.value
        case "has_badges": return !care.isEmpty || !payment.isEmpty
        case "care": return care
        case "payment": return payment
        case "care_ids": return care.map(\.id).joined(separator: " ")
        case "payment_ids": return payment.map(\.id).joined(separator: " ")
        case "has_hours": return facility.hours != nil
        case "hours": return facility.hours.map { $0.value.days.map { HoursView(day: Self.dayNames[$0.day.rawValue]!, hours: Self.hoursText($0.hours)) } }
        case "data_date": return DisplayDate.text(facility.sourceDate)
        case "verified": return facility.verified.map { DateView(date: $0.value) }
        case "featured": return facility.featured
        default: return nil
        }
    }

    static let dayNames = ["mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
                           "sat": "Saturday", "sun": "Sunday"]

    static func hoursText(_ hours: OpeningHours.Hours) -> String {
        switch hours {
        case .closed: "Closed"
        case .allDay: "Open 24 hours"
        case .ranges(let ranges): ranges.map { "\($0.opens)–\($0.closes)" }.joined(separator: ", ")
        }
    }
}

/// `featured-centers.mustache`: the guide's featured listings.
struct FeaturedCentersView: ViewModel {
    static let schema = ViewSchema("FeaturedCentersView", ["centers": .list(ListingView.schema)])
    let centers: [ListingView]

    func child(named name: String) -> Any? { name == "centers" ? centers : nil }
}
