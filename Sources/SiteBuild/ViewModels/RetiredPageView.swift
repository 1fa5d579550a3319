import SiteContent
import SiteCore
import SiteTemplates

/// `retired.mustache`: what is left of a retired listing's page: that it is no longer listed, since when
/// (or the editor's reason), where it was, and the nearest listed centers. Not indexed, and no structured
/// data that would claim a clinic.
struct RetiredPageView: ViewModel {
    static let fields = ViewFields<RetiredPageView>("RetiredPageView", including: PageHead.fields, via: { $0.head }, [
        .list("crumbs") { $0.crumbs },
        .text("name") { $0.facility.name.value },
        .text("reason") { $0.facility.retiredReason },
        .text("since") { view in view.facility.retired.map { view.head.site.words.date($0.value) } ?? "" },
        .text("since_iso") { $0.facility.retired?.value.description ?? "" },
        .text("street") { $0.facility.address.value.streetLine },
        .text("city") { $0.facility.address.value.city },
        .text("state") { $0.facility.state },
        .text("zip") { $0.facility.address.value.zip },
        .list("nearest") { $0.nearest },
        .flag("has_nearest") { !$0.nearest.isEmpty },
        .text("state_url") { $0.stateURL },
        .text("state_name") { $0.stateName },
        .html("structured_data") { $0.structuredData },
    ])
    let head: PageHead
    let crumbs: [CrumbView]
    let facility: Facility
    let nearest: [LinkView]
    let stateName: String
    let stateURL: String
    let structuredData: String
}
