import SiteContent
import SiteCore
import SiteTemplates

/// A tile of the map, and the same state in the plain list.
struct StateTileView: ViewModel {
    static let fields = ViewFields<StateTileView>("StateTileView", [
        .text("code") { $0.state.code },
        .text("name") { $0.state.name },
        .text("url") { $0.url },
        .text("count") { String($0.count) },
        .text("label") { $0.label },
        .text("x") { String($0.x) },
        .text("y") { String($0.y) },
        .text("text_x") { String($0.x + StateTileView.size / 2) },
        .text("text_y") { String($0.y + StateTileView.size / 2 + 5) },
    ])
    static let size = 44
    static let pitch = 48

    let state: StateInfo
    let url: String
    let count: Int

    let words: Words

    var label: String { words.text("page.state_tile", count: count, ["state": state.name, "count": String(count)]) }
    var x: Int { (state.tileColumn - 1) * Self.pitch }
    var y: Int { (state.tileRow - 1) * Self.pitch }
}

/// `directory.mustache`: the map of states, the list of states and the state picker.
struct DirectoryIndexView: ViewModel {
    static let fields = ViewFields<DirectoryIndexView>("DirectoryIndexView", including: PageHead.fields, via: { $0.head }, [
        .list("tiles") { $0.tiles },
        .list("states") { $0.states },
        .text("width") { String(($0.tiles.map(\.state.tileColumn).max() ?? 1) * StateTileView.pitch) },
        .text("height") { String(($0.tiles.map(\.state.tileRow).max() ?? 1) * StateTileView.pitch) },
        .text("total") { $0.head.site.words.number($0.total) },
        .object("notice") { $0.notice },
        .list("crumbs") { $0.crumbs },
    ])
    let head: PageHead
    /// In reading order: by row, then column.
    let tiles: [StateTileView]
    /// Alphabetical.
    let states: [StateTileView]
    let total: Int
    let notice: NoticeView
    let crumbs: [CrumbView]
}

/// A filter checkbox of a state page: a reader-facing group with how many listings have it.
struct FacetView: ViewModel {
    static let fields = ViewFields<FacetView>("FacetView", [
        .text("id") { $0.group.id },
        .text("label") { $0.label },
        .text("count") { String($0.count) },
        .text("facet") { $0.group.facet.rawValue },
    ])
    let group: ReaderGroup
    let count: Int
    /// The group's label in the page's language.
    let label: String
}

/// `state.mustache`: every listing of a state, with filters where the state's data has facets.
///
/// The listings come rendered (`listings_html`, each by `listing.mustache`): a long-lived build keeps
/// each listing's HTML while the listing, its URL and the theme are unchanged, so that editing one of
/// California's 1,366 listings renders one listing again, not all of them.
final class StatePageView: ViewModel {
    static let fields = ViewFields<StatePageView>("StatePageView", including: PageHead.fields, via: { $0.head }, [
        .text("state") { $0.state.name },
        .text("count") { $0.head.site.words.number($0.count) },
        .html("listings_html") { $0.listingsHTML },
        .list("care_facets") { $0.careFacets },
        .list("payment_facets") { $0.paymentFacets },
        .flag("has_filters") { !$0.careFacets.isEmpty || !$0.paymentFacets.isEmpty },
        .flag("has_care_facets") { !$0.careFacets.isEmpty },
        .flag("has_payment_facets") { !$0.paymentFacets.isEmpty },
        .object("notice") { $0.notice },
        .list("crumbs") { $0.crumbs },
        .html("structured_data") { $0.structuredData },
    ])
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
}

/// `facility.mustache`: everything the record has about one facility.
final class FacilityPageView: ViewModel {
    static let fields = ViewFields<FacilityPageView>("FacilityPageView", including: PageHead.fields, via: { $0.head }, [
        .object("listing") { $0.listing },
        .text("county") { $0.facility.address.value.county },
        .text("treats") { FacilityPageView.treats($0.facility.facilityTypes, words: $0.listing.parts.words) },
        .text("intake_phone") { $0.facility.intakePhone?.value.display },
        .text("intake_tel") { $0.facility.intakePhone?.value.telURL },
        .list("all_services") { $0.labelled($0.facility.levelsOfCare + $0.facility.payment + $0.facility.services) },
        .textList("languages") { view in view.facility.languages.isEmpty ? nil : view.facility.languages.map { view.spokenLabels[$0] ?? $0 } },
        .html("about") { $0.descriptionHTML },
        .html("sources") { $0.sourcesHTML },
        .text("map_url") { MapLink.url(for: $0.facility) },
        .list("neighbours") { $0.neighbours.isEmpty ? nil : $0.neighbours },
        .text("city") { $0.facility.address.value.city },
        .text("state_name") { $0.state.name },
        .text("state_url") { $0.stateURL },
        .object("notice") { $0.notice },
        .list("crumbs") { $0.crumbs },
        .html("structured_data") { $0.structuredData },
        .text("source") { $0.facility.source },
        .text("data_date") { $0.dataDate },
        .object("verified") { view in view.facility.verified.map { DateView(date: $0.value, words: view.listing.parts.words) } },
        .flag("has_services") { !($0.facility.levelsOfCare.isEmpty && $0.facility.payment.isEmpty && $0.facility.services.isEmpty) },
        .flag("has_languages") { !$0.facility.languages.isEmpty },
        .flag("has_neighbours") { !$0.neighbours.isEmpty },
    ])
    let head: PageHead
    let facility: Facility
    let listing: ListingView
    let labels: [String: String]
    /// The listing's languages in the page's language (see `DirectoryIndex.spokenLabels`).
    let spokenLabels: [String: String]
    let descriptionHTML: String?
    let sourcesHTML: String?
    let neighbours: [LinkView]
    /// The listing's data date as readers see it.
    let dataDate: String
    let state: StateInfo
    let stateURL: String
    let notice: NoticeView
    let crumbs: [CrumbView]
    let structuredData: String

    init(head: PageHead, facility: Facility, listing: ListingView, labels: [String: String], spokenLabels: [String: String], descriptionHTML: String?,
         sourcesHTML: String?, neighbours: [LinkView], dataDate: String, state: StateInfo, stateURL: String, notice: NoticeView,
         crumbs: [CrumbView], structuredData: String) {
        self.dataDate = dataDate
        self.head = head
        self.facility = facility
        self.listing = listing
        self.labels = labels
        self.spokenLabels = spokenLabels
        self.descriptionHTML = descriptionHTML
        self.sourcesHTML = sourcesHTML
        self.neighbours = neighbours
        self.state = state
        self.stateURL = stateURL
        self.notice = notice
        self.crumbs = crumbs
        self.structuredData = structuredData
    }

    func labelled(_ codes: [String]) -> [LabelView]? {
        codes.isEmpty ? nil : codes.map { LabelView(label: labels[$0] ?? $0, id: $0) }
    }

    /// What the locator's directories say the site treats: "Substance use and mental health", or one of them; nil
    /// for a listing from a file that does not say (the 2020 export).
    static func treats(_ types: [String], words: Words) -> String? {
        switch (types.contains("SU"), types.contains("MH")) {
        case (true, true): words.text("page.treats_both")
        case (true, false): words.text("page.treats_su")
        case (false, true): words.text("page.treats_mh")
        case (false, false): nil
        }
    }
}

/// A named link (another center of the same city). A class, as `LabelView`: a listing's page has a dozen.
final class LinkView: ViewModel {
    static let fields = ViewFields<LinkView>("LinkView", [
        .text("name") { $0.name },
        .text("detail") { $0.detail },
        .text("url") { $0.url },
    ])
    let name: String
    /// What tells it apart from a link of the same name in the list (see `ListingDistinction`).
    let detail: String?
    let url: String

    init(name: String, detail: String?, url: String) {
        self.name = name
        self.detail = detail
        self.url = url
    }
}

/// Where a facility is on OpenStreetMap: its coordinates when the record has them, else an address search.
enum MapLink {
    static func url(for facility: Facility) -> String {
        if let latitude = facility.latitude, let longitude = facility.longitude {
            // As bytes: this link is on every listing page.
            var lat: [UInt8] = [], lon: [UInt8] = []
            appendFixed(latitude, to: &lat)
            appendFixed(longitude, to: &lon)
            var url: [UInt8] = []
            url.reserveCapacity(100)
            url.append(contentsOf: "https://www.openstreetmap.org/?mlat=".utf8)
            url.append(contentsOf: lat)
            url.append(contentsOf: "&mlon=".utf8)
            url.append(contentsOf: lon)
            url.append(contentsOf: "#map=17/".utf8)
            url.append(contentsOf: lat)
            url.append(0x2F)
            url.append(contentsOf: lon)
            return String(decoding: url, as: UTF8.self)
        }
        let address = facility.address.value
        let query = [address.street1, address.city, facility.state, address.zip].joined(separator: ", ")
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
        return "https://www.openstreetmap.org/search?query=\(encoded)"
    }

    /// `%.6f`, as the C library writes it, from integers: `vsnprintf` cost 7,000 instructions a call, twice on every
    /// listing page. Where the scaled value lies too near a half-way point for the product's own rounding to be
    /// trusted, or is out of range, the C library decides.
    static func fixed(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendFixed(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendFixed(_ value: Double, to bytes: inout [UInt8]) {
        let scaled = value * 1_000_000
        let rounded = scaled.rounded()
        guard abs(rounded) < 1e15, abs(abs(scaled - rounded) - 0.5) > 1e-6 else { return bytes.append(contentsOf: printed(value).utf8) }
        if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
        let units = Int(abs(rounded))
        var whole = units / 1_000_000
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(whole % 10))
            whole /= 10
        } while whole > 0
        bytes.append(contentsOf: digits.reversed())
        bytes.append(UInt8(ascii: "."))
        var fraction = units % 1_000_000, divisor = 100_000
        for _ in 0..<6 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    static func printed(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 48) { buffer in
            let count = withVaList([value]) { vsnprintf(buffer.baseAddress!, 48, "%.6f", $0) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(max(count, 0))), as: UTF8.self)
        }
    }
}

import Foundation
