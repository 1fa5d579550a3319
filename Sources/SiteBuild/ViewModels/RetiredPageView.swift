import SiteContent
import SiteCore
import SiteTemplates

/// `retired.mustache`: what is left of a retired listing's page: that it is no longer listed, since when
/// (or the editor's reason), where it was, and the nearest listed centers. Not indexed, and no structured
/// data that would claim a clinic.
struct RetiredPageView: ViewModel {
    static let schema = ViewSchema("RetiredPageView", PageHead.fields.merging([
        "crumbs": .list(CrumbView.schema), "name": .text, "reason": .text, "since": .text, "since_iso": .text,
        "street": .text, "city": .text, "state": .text, "zip": .text, "nearest": .list(LinkView.schema), "has_nearest": .flag,
        "state_url": .text, "state_name": .text, "structured_data": .html,
    ]) { $1 })
    let head: PageHead
    let crumbs: [CrumbView]
    let facility: Facility
    let nearest: [LinkView]
    let stateName: String
    let stateURL: String
    let structuredData: String

    func child(named name: String) -> Any? {
        let address = facility.address.value
        switch name {
        case "crumbs": return crumbs
        case "name": return facility.name.value
        case "reason": return facility.retiredReason
        case "since": return facility.retired?.value.longForm ?? ""
        case "since_iso": return facility.retired?.value.description ?? ""
        case "street": return [address.street1, address.street2].compactMap { $0 }.joined(separator: ", ")
        case "city": return address.city
        case "state": return facility.state
        case "zip": return address.zip
        case "nearest": return nearest
        case "has_nearest": return !nearest.isEmpty
        case "state_url": return stateURL
        case "state_name": return stateName
        case "structured_data": return structuredData
        default: return head.child(named: name)
        }
    }
}
