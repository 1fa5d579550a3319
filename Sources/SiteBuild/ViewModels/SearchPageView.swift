import SiteContent
import SiteCore
import SiteTemplates

/// `find.mustache`: the search form, the place for results, the states for readers without script, and
/// the index's table of cells for the script (`index_json`, JSON safe inside `<script>`).
struct SearchPageView: ViewModel {
    static let fields = ViewFields<SearchPageView>("SearchPageView", including: PageHead.fields, via: { $0.head }, [
        .list("crumbs") { $0.crumbs },
        .list("states") { $0.states },
        .list("care_facets") { $0.careFacets },
        .list("payment_facets") { $0.paymentFacets },
        .flag("has_care_facets") { !$0.careFacets.isEmpty },
        .flag("has_payment_facets") { !$0.paymentFacets.isEmpty },
        .text("count") { $0.head.site.words.number($0.count) },
        .html("index_json") { $0.indexJSON },
        .flag("has_geography") { $0.hasGeography },
        .html("structured_data") { $0.structuredData },
        .object("notice") { $0.notice },
    ])
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
}
