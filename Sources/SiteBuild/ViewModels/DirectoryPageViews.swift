import SiteContent
import SiteCore
import SiteTemplates

/// A tile of the map, and the same state in the plain list.
struct StateTileView: ViewModel {
    static let schema = ViewSchema("StateTileView", [
        "code": .text, "name": .text, "url": .text, "count": .text, "label": .text, "x": .text, "y": .text,
        "text_x": .text, "text_y": .text,
    ])
    static let size = 44
    static let pitch = 48

    let state: StateInfo
    let url: String
    let count: Int

    var label: String { "\(state.name), \(count) \(count == 1 ? "center" : "centers")" }

    func child(named name: String) -> Any? {
        let x = (state.tileColumn - 1) * Self.pitch
        let y = (state.tileRow - 1) * Self.pitch
        switch name {
        case "code": return state.code
        case "name": return state.name
        case "url": return url
        case "count": return String(count)
        case "label": return label
        case "x": return String(x)
        case "y": return String(y)
        case "text_x": return String(x + Self.size / 2)
        case "text_y": return String(y + Self.size / 2 + 5)
        default: return nil
        }
    }
}

/// `directory.mustache`: the map of states, the list of states and the state picker.
struct DirectoryIndexView: ViewModel {
    static let schema = ViewSchema("DirectoryIndexView", PageHead.fields.merging([
        "tiles": .list(StateTileView.schema), "states": .list(StateTileView.schema), "width": .text, "height": .text,
        "total": .text, "notice": .object(NoticeView.schema), "crumbs": .list(CrumbView.schema),
    ]) { $1 })
    let head: PageHead
    /// In reading order: by row, then column.
    let tiles: [StateTileView]
    /// Alphabetical.
    let states: [StateTileView]
    let total: Int
    let notice: NoticeView
    let crumbs: [CrumbView]

    func child(named name: String) -> Any? {
        switch name {
        case "tiles": tiles
        case "states": states
        case "width": String((tiles.map(\.state.tileColumn).max() ?? 1) * StateTileView.pitch)
        case "height": String((tiles.map(\.state.tileRow).max() ?? 1) * StateTileView.pitch)
        case "total": Count.text(total)
        case "notice": notice
        case "crumbs": crumbs
        default: head.child(named: name)
        }
    }
}

/// A filter checkbox of a state page: a reader-facing group with how many listings have it.
struct FacetView: ViewModel {
    static let schema = ViewSchema("FacetView", ["id": .text, "label": .text, "count": .text, "facet": .text])
    let group: ReaderGroup
    let count: Int

    func child(named name: String) -> Any? {
        switch name {
        case "id": group.id
        case "label": group.label
        case "count": String(count)
        case "facet": group.facet.rawValue
        default: nil
        }
    }
}

/// `state.mustache`: every listing of a state, with filters where the state's data has facets.
///
/// The listings come rendered (`listings_html`, each by `listing.mustache`): a long-lived build keeps
/// each listing's HTML while the listing, its URL and the theme are unchanged, so that editing one of
/// California's 1,366 listings renders one listing again, not all of them.
final class StatePageView: ViewModel {
    static let schema = ViewSchema("StatePageView", PageHead.fields.merging([
        "state": .text, "count": .text, "listings_html": .html, "care_facets": .list(FacetView.schema),
        "payment_facets": .list(FacetView.schema), "has_filters": .flag, "has_care_facets": .flag,
        "has_payment_facets": .flag, "notice": .object(NoticeView.schema), "crumbs": .list(CrumbView.schema),
        "structured_data": .html,
    ]) { $1 })
    let head: PageHead
    let state: StateInfo
    let count: Int
    let listingsHTML: String
    let careFacets: [FacetView]
    let paymentFacets: [FacetView]
    let notice: NoticeView
    let crumbs: [CrumbView]
    let structuredData: String

    init(head: PageHead, state: StateInfo, count: Int, listingsHTML: String, careFacets: [FacetView], paymentFacets: [FacetView],
         notice: NoticeView, crumbs: [CrumbView], structuredData: String) {
        self.head = head
        self.state = state
        self.count = count
        self.listingsHTML = listingsHTML
        self.careFacets = careFacets
        self.paymentFacets = paymentFacets
        self.notice = notice
        self.crumbs = crumbs
        self.structuredData = structuredData
    }

    func child(named name: String) -> Any? {
        switch name {
        case "state": state.name
        case "count": Count.text(count)
        case "listings_html": listingsHTML
        case "care_facets": careFacets
        case "payment_facets": paymentFacets
        case "has_filters": !careFacets.isEmpty || !paymentFacets.isEmpty
        case "has_care_facets": !careFacets.isEmpty
        case "has_payment_facets": !paymentFacets.isEmpty
        case "notice": notice
        case "crumbs": crumbs
        case "structured_data": structuredData
        default: head.child(named: name)
        }
    }
}

/// `facility.mustache`: everything the record has about one facility.
final class FacilityPageView: ViewModel {
    static let schema = ViewSchema("FacilityPageView", PageHead.fields.merging([
        "listing": .object(ListingView.schema), "county": .text, "intake_phone": .text, "intake_tel": .text,
        "all_services": .list(LabelView.schema), "languages": .textList, "about": .html, "sources": .html,
        "map_url": .text, "neighbours": .list(LinkView.schema), "city": .text, "state_name": .text, "state_url": .text,
        "notice": .object(NoticeView.schema), "crumbs": .list(CrumbView.schema), "structured_data": .html,
        "source": .text, "data_date": .text, "verified": .object(DateView.schema),
        "has_services": .flag, "has_languages": .flag, "has_neighbours": .flag,
    ]) { $1 })
    let head: PageHead
    let facility: Facility
    let listing: ListingView
    let labels: [String: String]
    let descriptionHTML: String?
    let sourcesHTML: String?
    let neighbours: [LinkView]
    let state: StateInfo
    let stateURL: String
    let notice: NoticeView
    let crumbs: [CrumbView]
    let structuredData: String

    init(head: PageHead, facility: Facility, listing: ListingView, labels: [String: String], descriptionHTML: String?,
         sourcesHTML: String?, neighbours: [LinkView], state: StateInfo, stateURL: String, notice: NoticeView,
         crumbs: [CrumbView], structuredData: String) {
        self.head = head
        self.facility = facility
        self.listing = listing
        self.labels = labels
        self.descriptionHTML = descriptionHTML
        self.sourcesHTML = sourcesHTML
        self.neighbours = neighbours
        self.state = state
        self.stateURL = stateURL
        self.notice = notice
        self.crumbs = crumbs
        self.structuredData = structuredData
    }

    func child(named name: String) -> Any? {
        switch name {
        case "listing": return listing
        case "county": return facility.address.value.county
        case "intake_phone": return facility.intakePhone?.value.display
        case "intake_tel": return facility.intakePhone?.value.telURL
        case "all_services": return labelled(facility.levelsOfCare + facility.payment + facility.services)
        case "languages": return facility.languages.isEmpty ? nil : facility.languages
        case "about": return descriptionHTML
        case "city": return facility.address.value.city
        case "has_services": return !(facility.levelsOfCare + facility.payment + facility.services).isEmpty
        case "has_languages": return !facility.languages.isEmpty
        case "has_neighbours": return !neighbours.isEmpty
        case "data_date": return DisplayDate.text(facility.sourceDate)
        case "verified": return facility.verified.map { DateView(date: $0.value) }
        case "sources": return sourcesHTML
        case "map_url": return MapLink.url(for: facility)
        case "neighbours": return neighbours.isEmpty ? nil : neighbours
        case "state_name": return state.name
        case "state_url": return stateURL
        case "notice": return notice
        case "crumbs": return crumbs
        case "structured_data": return structuredData
        case "source": return facility.source
        default: return head.child(named: name)
        }
    }

    private func labelled(_ codes: [String]) -> [LabelView]? {
        codes.isEmpty ? nil : codes.map { LabelView(label: labels[$0] ?? $0, id: $0) }
    }
}

/// A named link (another center of the same city).
struct LinkView: ViewModel {
    static let schema = ViewSchema("LinkView", ["name": .text, "detail": .text, "url": .text])
    let name: String
    /// What tells it apart from a link of the same name in the list (see `ListingDistinction`).
    let detail: String?
    let url: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "detail": detail
        case "url": url
        default: nil
        }
    }
}

/// Where a facility is on OpenStreetMap: its coordinates when the record has them, else an address search.
enum MapLink {
    static func url(for facility: Facility) -> String {
        if let latitude = facility.latitude, let longitude = facility.longitude {
            let lat = String(format: "%.6f", latitude), lon = String(format: "%.6f", longitude)
            return "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=17/\(lat)/\(lon)"
        }
        let address = facility.address.value
        let query = [address.street1, address.city, facility.state, address.zip].joined(separator: ", ")
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
        return "https://www.openstreetmap.org/search?query=\(encoded)"
    }
}

import Foundation
