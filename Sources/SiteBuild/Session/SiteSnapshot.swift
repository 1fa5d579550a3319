import SiteContent
import SiteCore
import SiteTemplates

/// One consistent state of a site: its loaded content and theme, its plan, and its rendered pages
/// with what each read. A long-lived process keeps the last good one and derives the next from it.
public struct SiteSnapshot: Sendable {
    public let content: SiteContent
    public let templates: TemplateLibrary
    let index: DirectoryIndex?
    /// Every planned page, in route order.
    public let specs: [PageSpec]
    /// The rendered pages by route.
    public internal(set) var pages: [Route: RenderedPage]
    /// Warnings and notes of the load (a snapshot exists only when nothing failed).
    public let diagnostics: [Diagnostic]
    /// The version of every file under `Content/` and `Templates/` (see `SourceFileReader.version`).
    let versions: [String: Int]
    /// The sets of listings pages depend on as a whole, with their members.
    let groups: [String: [String]]
    /// Listings by id.
    let listings: [String: Facility]
    /// For each dependency, the pages that read it.
    var dependents: [Dependency: Set<Route>] = [:]

    public var assets: [TemplateLibrary.Asset] { templates.assets }

    /// The pages in route order.
    public var orderedPages: [RenderedPage] { specs.compactMap { pages[$0.route] } }

    /// Every file the output holds: pages and assets.
    public var outputPaths: Set<String> { Set(specs.map(\.route.outputFile) + assets.map(\.path)) }

    mutating func index(_ page: RenderedPage) {
        for dependency in page.dependencies { dependents[dependency, default: []].insert(page.route) }
    }

    mutating func unindex(_ page: RenderedPage) {
        for dependency in page.dependencies { dependents[dependency]?.remove(page.route) }
    }

    /// The sets pages depend on as a whole: the directory's (see `DirectoryIndex.groups`), the guides the
    /// home page lists, and the sitemap's entries.
    static func groups(content: SiteContent, index: DirectoryIndex?, specs: [PageSpec]) -> [String: [String]] {
        var groups = index?.groups() ?? [:]
        groups["guides"] = content.guides.map(\.path)
        var sitemap: [String] = []
        for spec in specs {
            switch spec.kind {
            case .sitemap(let entries): sitemap += entries.map { "\($0.route) \($0.lastModified ?? "")" }
            case .sitemapIndex(let routes): sitemap += routes.map(\.path)
            default: break
            }
        }
        groups["sitemap"] = sitemap
        return groups
    }
}
