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
    /// The content files the page reads (templates are added when it renders).
    public let inputs: [String]
}

/// One URL of the sitemap.
public struct SitemapEntry: Sendable {
    public let route: Route
    /// The page's last content change; omitted when the content gives no date.
    public let lastModified: String?
}

/// A rendered page: its bytes, what it was made from, and where each of its links came from.
public struct RenderedPage: Sendable {
    public let route: Route
    /// Relative to the output folder, e.g. `intensive-outpatient-program/index.html`.
    public let file: String
    public let html: String
    /// Content and template files the page depends on (for the dev server's incremental rebuild).
    public let inputs: [String]
    public let links: [LinkOrigin]
}
