import SiteContent
import SiteCore
import SiteTemplates

/// The page in another language, for `<link rel="alternate" hreflang>`: an absolute URL, as the canonical link.
final class AlternateView: ViewModel {
    static let fields = ViewFields<AlternateView>("AlternateView", [
        .text("hreflang") { $0.hreflang },
        .text("href") { $0.href },
    ])
    let hreflang: String
    let href: String

    init(hreflang: String, href: String) {
        self.hreflang = hreflang
        self.href = href
    }
}

/// One link of the language switcher: the language named in itself, and the same page in it (or its home).
final class LanguageLinkView: ViewModel {
    static let fields = ViewFields<LanguageLinkView>("LanguageLinkView", [
        .text("name") { $0.name },
        .text("code") { $0.code },
        .text("url") { $0.url },
        .flag("current") { $0.current },
    ])
    let name: String
    let code: String
    let url: String
    let current: Bool

    init(name: String, code: String, url: String, current: Bool) {
        self.name = name
        self.code = code
        self.url = url
        self.current = current
    }
}

/// What a page shows of its other languages: its alternates and the switcher. Empty on a site of one language.
struct PageVersions: Sendable {
    let alternates: [AlternateView]
    let languages: [LanguageLinkView]

    static let none = PageVersions(alternates: [], languages: [])

    init(alternates: [AlternateView], languages: [LanguageLinkView]) {
        self.alternates = alternates
        self.languages = languages
    }

    init(_ spec: PageSpec, editions: SiteEditions, config: SiteConfig) {
        alternates = editions.alternates(of: spec).map { AlternateView(hreflang: $0.hreflang, href: config.absoluteURL($0.route)) }
        languages = editions.switcher(for: spec).map {
            LanguageLinkView(name: $0.language.name, code: $0.language.code, url: $0.route.prefixed(by: config.basePath), current: $0.current)
        }
    }
}
