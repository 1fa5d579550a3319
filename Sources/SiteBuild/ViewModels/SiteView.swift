import SiteContent
import SiteCore
import SiteTemplates

/// What every page shows of the site: name, navigation, helpline, disclaimer.
/// A class: every page's view holds the same one.
final class SiteView: ViewModel {
    static let fields = ViewFields<SiteView>("SiteView", [
        .text("title") { $0.config.title },
        .text("root") { $0.config.basePath },
        .text("home") { $0.config.edition.home.prefixed(by: $0.config.basePath) },
        .text("directory") { $0.config.edition.directory.prefixed(by: $0.config.basePath) },
        .text("search") { $0.config.edition.search.prefixed(by: $0.config.basePath) },
        // The search index's files, which every language's search page reads: the default language's search folder.
        .text("search_data") { ($0.config.languages.first ?? $0.config.edition).search.prefixed(by: $0.config.basePath) },
        .text("language") { $0.config.language },
        .text("description") { $0.config.description },
        // The directory's own texts (SAMHSA's records, editors' descriptions) are English: on a page in another
        // language they are marked as such.
        .text("data_language") { $0.config.language.hasPrefix("en") ? nil : "en" },
        .list("navigation") { $0.navigation },
        .object("helpline") { $0.helpline },
        .html("disclaimer") { $0.disclaimerHTML },
    ])

    let config: SiteConfig
    /// The words of the site's language on these pages.
    let words: Words
    let disclaimerHTML: String?
    let navigation: [NavigationView]
    let helpline: HelplineView?

    init(config: SiteConfig, disclaimerHTML: String?, words: Words = .fallback) {
        self.config = config
        self.words = words
        self.disclaimerHTML = disclaimerHTML
        navigation = config.navigation.map { NavigationView(item: $0, basePath: config.basePath) }
        helpline = config.helpline.map(HelplineView.init)
    }
}

/// One navigation link.
struct NavigationView: ViewModel {
    static let fields = ViewFields<NavigationView>("NavigationView", [
        .text("title") { $0.item.title },
        .text("url") { InternalURL.resolve($0.item.url.value, basePath: $0.basePath) },
    ])
    let item: SiteConfig.NavigationItem
    let basePath: String
}

/// The helpline: a label, a phone number with its `tel:` form, and what the line offers.
struct HelplineView: ViewModel {
    static let fields = ViewFields<HelplineView>("HelplineView", [
        .text("label") { $0.helpline.label },
        .text("phone") { $0.helpline.phone.value },
        .text("tel") { $0.helpline.telURL },
        .text("note") { $0.helpline.note },
    ])
    let helpline: SiteConfig.Helpline
}

/// A reviewer's name and credentials.
struct ReviewerView: ViewModel {
    static let fields = ViewFields<ReviewerView>("ReviewerView", [
        .text("name") { $0.reviewer.name },
        .text("credentials") { $0.reviewer.credentials.isEmpty ? nil : $0.reviewer.credentials },
    ])
    let reviewer: SiteConfig.Reviewer
}

/// A date shown to readers with its machine-readable form for `<time datetime>`.
struct DateView: ViewModel {
    static let fields = ViewFields<DateView>("DateView", [
        .text("iso") { $0.date.description },
        .text("text") { $0.words.date($0.date) },
    ])
    let date: ContentDate
    let words: Words
}
