import SiteContent
import SiteCore
import SiteTemplates

/// What every page shows of the site: name, navigation, helpline, disclaimer.
/// A class: every page's view holds the same one, and Mustache copies view values into its context often.
final class SiteView: ViewModel {
    static let schema = ViewSchema("SiteView", [
        "title": .text, "root": .text, "language": .text, "description": .text,
        "navigation": .list(NavigationView.schema), "helpline": .object(HelplineView.schema), "disclaimer": .html,
    ])

    let config: SiteConfig
    let disclaimerHTML: String?
    let navigation: [NavigationView]

    init(config: SiteConfig, disclaimerHTML: String?) {
        self.config = config
        self.disclaimerHTML = disclaimerHTML
        navigation = config.navigation.map { NavigationView(item: $0, basePath: config.basePath) }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": config.title
        case "root": config.basePath
        case "language": config.language
        case "description": config.description
        case "navigation": navigation
        case "helpline": config.helpline.map(HelplineView.init)
        case "disclaimer": disclaimerHTML
        default: nil
        }
    }
}

/// One navigation link.
struct NavigationView: ViewModel {
    static let schema = ViewSchema("NavigationView", ["title": .text, "url": .text])
    let item: SiteConfig.NavigationItem
    let basePath: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": item.title
        case "url": InternalURL.resolve(item.url.value, basePath: basePath)
        default: nil
        }
    }
}

/// The helpline: a label, a phone number with its `tel:` form, and what the line offers.
struct HelplineView: ViewModel {
    static let schema = ViewSchema("HelplineView", ["label": .text, "phone": .text, "tel": .text, "note": .text])
    let helpline: SiteConfig.Helpline

    func child(named name: String) -> Any? {
        switch name {
        case "label": helpline.label
        case "phone": helpline.phone.value
        case "tel": helpline.telURL
        case "note": helpline.note
        default: nil
        }
    }
}

/// A reviewer's name and credentials.
struct ReviewerView: ViewModel {
    static let schema = ViewSchema("ReviewerView", ["name": .text, "credentials": .text])
    let reviewer: SiteConfig.Reviewer

    func child(named name: String) -> Any? {
        switch name {
        case "name": reviewer.name
        case "credentials": reviewer.credentials.isEmpty ? nil : reviewer.credentials
        default: nil
        }
    }
}

/// A date shown to readers with its machine-readable form for `<time datetime>`.
struct DateView: ViewModel {
    static let schema = ViewSchema("DateView", ["iso": .text, "text": .text])
    let date: ContentDate

    func child(named name: String) -> Any? {
        switch name {
        case "iso": date.description
        case "text": date.longForm
        default: nil
        }
    }
}
