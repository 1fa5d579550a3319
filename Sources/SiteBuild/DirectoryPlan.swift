import SiteContent
import SiteCore

/// What planning derives from the directory alone: its index, its pages and sitemap entries (in route
/// order), the sets of listings pages depend on, and the problems of its routes. A long-lived build keeps
/// it while the directory's files are unchanged, so an edit elsewhere never re-plans 14,000 listings.
struct DirectoryPlan: Sendable {
    /// The directory's revision (see `Directory.revision`).
    let revision: Int
    let index: DirectoryIndex
    /// The map, state and facility pages, in route order.
    let specs: [PageSpec]
    /// Their sitemap entries, in route order.
    let sitemap: [SitemapEntry]
    /// The sets of listings pages depend on as a whole (see `DirectoryIndex.groups`).
    let groups: [String: [String]]
    /// Listings by id.
    let listings: [String: Facility]
    /// Where each output file of the directory comes from, to report a page elsewhere that claims one.
    let sources: [String: SourceLocation]
    /// Two directory pages with one output file.
    let collisions: [Diagnostic]

    init(_ directory: Directory) {
        revision = directory.revision
        index = DirectoryIndex(directory)
        specs = SitePlan.directoryPages(index).sorted { $0.route < $1.route }
        var sitemap = [SitemapEntry(route: DirectoryIndex.root, lastModified: SitePlan.newest(directory.facilities))]
        for state in index.states {
            let facilities = index.facilities(in: state)
            sitemap.append(SitemapEntry(route: index.route(state), lastModified: SitePlan.newest(facilities)))
            for facility in facilities { sitemap.append(SitemapEntry(route: index.route(facility), lastModified: SitePlan.newest([facility]))) }
        }
        self.sitemap = sitemap.sorted { $0.route < $1.route }
        groups = index.groups()
        listings = Dictionary(directory.facilities.map { ($0.id.value, $0) }) { first, _ in first }
        sources = Dictionary(specs.map { ($0.route.outputFile, $0.source) }) { first, _ in first }
        collisions = SitePlan.collisions(specs)
    }
}
