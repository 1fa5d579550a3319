public import SiteContent
public import SiteCore

/// A planned page: where it goes, which template renders it, from what content.
///
/// A class of constants: a plan holds one per page (15,000 for the real content), and every plan of a
/// long-lived build assembles them again from its parts, which for a struct would copy (and retain)
/// every field of every page.
public final class PageSpec: Sendable {
    public enum Kind: Sendable {
        case home
        case guide(GuidePage)
        case notFound
        case directoryIndex
        case state(StateInfo)
        case facility(Facility)
        /// A retired listing's page: that it is no longer listed, and where to look instead.
        case retired(Facility)
        /// `/rehab-centers/find/`: search by ZIP code, place, name or location.
        case search
        /// A data file of the search index.
        case searchData(SearchFile)
        /// A sitemap file: pages' absolute URLs with their content dates.
        case sitemap([SitemapEntry])
        /// `/sitemap.xml` when the site has more URLs than one sitemap file may hold.
        case sitemapIndex([Route])
        /// `/robots.txt`
        case robots
    }

    public let route: Route
    public let template: String
    public let kind: Kind
    /// Where the plan got the page from, for the error when two pages claim one output file.
    public let source: SourceLocation
    /// The code of the page's language; empty for the site's default language.
    public let language: String

    public init(route: Route, template: String, kind: Kind, source: SourceLocation, language: String = "") {
        self.language = language
        self.route = route
        self.template = template
        self.kind = kind
        self.source = source
    }
}

/// One URL of the sitemap.
public struct SitemapEntry: Sendable, Equatable {
    public let route: Route
    /// The page's last content change; omitted when the content gives no date.
    public let lastModified: String?
    /// The page in every language that has it (itself included) and `x-default`, when it has a translation.
    public var alternates: [PageAlternate] = []

    init(route: Route, lastModified: String?, alternates: [PageAlternate] = []) {
        self.route = route
        self.lastModified = lastModified
        self.alternates = alternates
    }
}

/// A page's version in one language, as `<link rel="alternate">` and the sitemap name it.
public struct PageAlternate: Sendable, Equatable {
    /// A language code of site.yaml, or `x-default`.
    public let hreflang: String
    public let route: Route
}

/// A rendered page: its bytes, what it was made from, and where each of its links came from. A class: the
/// tables of a long-lived build and of its server share pages, and copying one is then a single retain.
public final class RenderedPage: Sendable {
    public let route: Route
    /// Relative to the output folder, e.g. `intensive-outpatient-program/index.html`.
    public var file: String { route.outputFile }
    public let html: String
    /// Everything the page read while it rendered, as recorded by the code that read it.
    public let dependencies: Set<Dependency>
    public let links: [LinkOrigin]
    /// The pages a data file (of the search index) links to, for the link check.
    public let dataLinks: [String]
    /// The page's view model, kept by a long-lived build (see `KeptView`).
    let kept: KeptView?

    public convenience init(route: Route, html: String, dependencies: Set<Dependency>, links: [LinkOrigin], dataLinks: [String] = []) {
        self.init(route: route, html: html, dependencies: dependencies, links: links, dataLinks: dataLinks, kept: nil)
    }

    init(route: Route, html: String, dependencies: Set<Dependency>, links: [LinkOrigin], dataLinks: [String] = [], kept: KeptView?) {
        self.kept = kept
        self.route = route
        self.html = html
        self.dependencies = dependencies
        self.links = links
        self.dataLinks = dataLinks
    }

    /// What the link checker scans: an HTML page as it is; a data file's links as a list of HTML links
    /// (the checker reads HTML); nil for a file without links.
    public var checkedHTML: String? {
        if file.hasSuffix(".html") { return html }
        guard !dataLinks.isEmpty else { return nil }
        return dataLinks.map { "<a href=\"\(Escape.html($0))\"></a>\n" }.joined()
    }

    /// The files among the dependencies, sorted.
    public var inputs: [String] {
        dependencies.compactMap { if case .file(let path) = $0 { path } else { nil } }.sorted()
    }
}
