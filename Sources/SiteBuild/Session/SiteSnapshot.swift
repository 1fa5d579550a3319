public import SiteContent
public import SiteCore
public import SiteTemplates

/// One consistent state of a site: its loaded content and theme, its plan, and its rendered pages
/// with what each read. A long-lived process keeps the last good one and derives the next from it.
public struct SiteSnapshot: Sendable {
    public let content: SiteContent
    public let templates: TemplateLibrary
    /// What was derived from the directory, shared with the next snapshot while the directory is unchanged.
    let directory: DirectoryPlan?
    /// Every planned page, in route order.
    public let specs: [PageSpec]
    /// The rendered pages by route.
    public internal(set) var pages: PageTable
    /// Warnings and notes of the load (a snapshot exists only when nothing failed).
    public let diagnostics: [Diagnostic]
    /// The version of every file under `Content/` and `Templates/` (see `SourceFileReader.version`).
    let versions: [String: Int]
    /// The sets pages depend on as a whole, besides the directory's: the guides the home page lists.
    let groups: [DependencyGroup: [String]]
    /// The sitemap's entries.
    let sitemap: [SitemapEntry]
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
}
