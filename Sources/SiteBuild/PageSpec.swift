import SiteContent
import SiteCore

/// A planned page: where it goes, which template renders it, from what content.
public struct PageSpec: Sendable {
    public enum Kind: Sendable {
        case home
        case guide(GuidePage)
        case notFound
        case directoryIndex
        case state(StateInfo)
        case facility(Facility)
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
}

/// One URL of the sitemap.
public struct SitemapEntry: Sendable, Equatable {
    public let route: Route
    /// The page's last content change; omitted when the content gives no date.
    public let lastModified: String?
}

/// A rendered page: its bytes, what it was made from, and where each of its links came from.
public struct RenderedPage: Sendable {
    public let route: Route
    /// Relative to the output folder, e.g. `intensive-outpatient-program/index.html`.
    public var file: String { route.outputFile }
    public let html: String
    /// Everything the page read while it rendered, as recorded by the code that read it.
    public let dependencies: Set<Dependency>
    public let links: [LinkOrigin]

    public init(route: Route, html: String, dependencies: Set<Dependency>, links: [LinkOrigin]) {
        self.route = route
        self.html = html
        self.dependencies = dependencies
        self.links = links
    }

    /// The files among the dependencies, sorted.
    public var inputs: [String] {
        dependencies.compactMap { if case .file(let path) = $0 { path } else { nil } }.sorted()
    }
}
