import SiteContent
import SiteCore

/// The site in each of its languages: what each language's pages are made from, and which pages are one page in
/// several languages (the same guide file, state, listing or fixed page), for the alternates, the switcher and
/// the sitemap. Made once per plan.
struct SiteEditions: Sendable {
    /// One language's part of the site.
    struct Edition: Sendable {
        let language: SiteLanguage
        /// The content as this language's pages show it (see `SiteContent.localized`).
        let content: SiteContent
        /// The directory arranged under this language's routes; nil when the site has no directory.
        let directory: DirectoryPlan?

        /// `PageSpec.language` of its pages.
        var code: String { language.isDefault ? "" : language.code }
    }

    /// The default language first.
    let editions: [Edition]

    /// Whether the site has more than one language (a site of one has no alternates and no switcher).
    var isMultilingual: Bool { editions.count > 1 }

    func edition(_ code: String) -> Edition? { editions.first { $0.code == code } }

    /// The page of `kind` in `edition`; nil when that language does not have it (a guide without a translation).
    func route(of kind: PageSpec.Kind, in edition: Edition) -> Route? {
        switch kind {
        case .home: return edition.language.home
        case .notFound: return edition.language.notFound
        case .guide(let guide): return edition.content.guides.first { $0.fileName == guide.fileName }?.route
        case .directoryIndex: return edition.directory?.index.root
        case .search: return edition.directory == nil ? nil : edition.language.search
        case .state(let state): return edition.directory?.index.route(state)
        case .facility(let facility), .retired(let facility): return edition.directory?.index.route(facility)
        case .searchData, .sitemap, .sitemapIndex, .robots: return nil
        }
    }

    /// The page in every language that has it, in the order of site.yaml, then `x-default` (the default language's);
    /// empty when no other language has it.
    func alternates(of spec: PageSpec) -> [PageAlternate] {
        guard isMultilingual else { return [] }
        return alternates { route(of: spec.kind, in: $0) }
    }

    /// The alternates of the page whose route in each edition is `route(edition)` (nil where it has none).
    func alternates(_ route: (Edition) -> Route?) -> [PageAlternate] {
        var alternates: [PageAlternate] = []
        for edition in editions {
            guard let route = route(edition) else { continue }
            alternates.append(PageAlternate(hreflang: edition.language.code, route: route))
        }
        guard alternates.count > 1 else { return [] }
        if let first = alternates.first, first.hreflang == editions[0].language.code {
            alternates.append(PageAlternate(hreflang: "x-default", route: first.route))
        }
        return alternates
    }

    /// The switcher's links: each language with the same page in it, or its home page when it has no such page.
    func switcher(for spec: PageSpec) -> [(language: SiteLanguage, route: Route, current: Bool)] {
        guard isMultilingual else { return [] }
        return editions.map { edition in
            (edition.language, route(of: spec.kind, in: edition) ?? edition.language.home, edition.code == spec.language)
        }
    }
}
