import SiteContent
import SiteCore
import SiteTemplates

/// `find.mustache`: the search form, the place for results, the states for readers without script, and
/// the index's table of cells for the script (`index_json`, JSON safe inside `<script>`).
struct SearchPageView: ViewModel {
    static let schema = ViewSchema("SearchPageView", PageHead.fields.merging([
        "crumbs": .list(CrumbView.schema), "states": .list(StateTileView.schema), "care_facets": .list(FacetView.schema),
        "payment_facets": .list(FacetView.schema), "has_care_facets": .flag, "has_payment_facets": .flag, "count": .text,
        "index_json": .html, "has_geography": .flag, "structured_data": .html, "notice": .object(NoticeView.schema),
    ]) { $1 })
    let head: PageHead
    let crumbs: [CrumbView]
    let states: [StateTileView]
    let careFacets: [FacetView]
    let paymentFacets: [FacetView]
    let count: Int
    let indexJSON: String
    let hasGeography: Bool
    let structuredData: String
    let notice: NoticeView

    func child(named name: String) -> Any? {
        switch name {
        case "crumbs": crumbs
        case "states": states
        case "care_facets": careFacets
        case "payment_facets": paymentFacets
        case "has_care_facets": !careFacets.isEmpty
        case "has_payment_facets": !paymentFacets.isEmpty
        case "count": Count.text(count)
        case "index_json": indexJSON
        case "has_geography": hasGeography
        case "structured_data": structuredData
        case "notice": notice
        default: head.child(named: name)
        }
    }
}
