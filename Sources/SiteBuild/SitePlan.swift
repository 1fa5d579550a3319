import SiteContent
import SiteCore

/// Plans the pages of a loaded site. Pure: content in, page specs out.
enum SitePlan {
    /// The date a guide last changed, from its content: updated, else reviewed, else published.
    static func lastModified(_ guide: GuidePage) -> String {
        (guide.updated ?? guide.reviewed ?? guide.published).description
    }

    /// The page templates and the view model each is checked against.
    static let bindings = [
        "home": HomeView.schema,
        "guide": GuideView.schema,
        "404": NotFoundView.schema,
    ]

    /// The component templates shortcodes render; each is needed only where its shortcode is placed.
    static let components = [
        "comparison": ComparisonView.schema,
        "schedule": ScheduleView.schema,
        "modalities": ModalitiesView.schema,
        "faq": FAQView.schema,
        "insurers": InsurersView.schema,
        "sources": SourcesView.schema,
        "featured-centers": FeaturedCentersView.schema,
    ]

    /// The directory's page templates; needed when Content/directory/ exists.
    static let directoryTemplates = [
        "directory": DirectoryIndexView.schema,
        "state": StatePageView.schema,
        "facility": FacilityPageView.schema,
    ]

    /// URLs per sitemap file (the sitemaps protocol's limit).
    static let sitemapLimit = 50_000

    /// The shortcodes guide Markdown may place.
    static let shortcodes: Set<String> = ["comparison", "schedule", "modalities", "faq", "insurers", "sources", "featured-centers"]

    static func pages(for content: SiteContent, directory index: DirectoryIndex?, sitemapLimit: Int = sitemapLimit) -> [PageSpec] {
        let site = [content.config.path]
        var pages = [
            PageSpec(route: Route("/"), template: "home", kind: .home, inputs: site + content.guides.map(\.path)),
            PageSpec(route: Route("/404.html"), template: "404", kind: .notFound, inputs: site),
        ]
        var sitemap = [SitemapEntry(route: Route("/"), lastModified: content.guides.map(lastModified).max())]
        for guide in content.guides {
            pages.append(PageSpec(route: guide.route, template: "guide", kind: .guide(guide),
                                  inputs: site + [guide.path] + content.bibliography.paths + content.guideData.paths
                                    + (index.map { _ in content.directory.paths } ?? [])))
            sitemap.append(SitemapEntry(route: guide.route, lastModified: lastModified(guide)))
        }
        if let index {
            let (directoryPages, directoryEntries) = directoryPages(index, site: site)
            pages += directoryPages
            sitemap += directoryEntries
        }
        sitemap.sort { $0.route < $1.route }
        pages += sitemapPages(sitemap, limit: sitemapLimit, inputs: site + content.guides.map(\.path) + content.directory.paths)
        pages.append(PageSpec(route: Route("/robots.txt"), template: "", kind: .robots, inputs: site))
        return pages.sorted { $0.route < $1.route }
    }

    /// The map, a page per state and a page per facility, with their sitemap entries.
    static func directoryPages(_ index: DirectoryIndex, site: [String]) -> ([PageSpec], [SitemapEntry]) {
        let shared = site + index.directory.paths.filter { $0.hasSuffix(".csv") }
        var pages = [PageSpec(route: DirectoryIndex.root, template: "directory", kind: .directoryIndex, inputs: site + index.directory.paths)]
        var entries = [SitemapEntry(route: DirectoryIndex.root, lastModified: newest(index.directory.facilities))]
        for state in index.states {
            let files = stateFiles(state)
            let facilities = index.facilities(in: state)
            pages.append(PageSpec(route: index.route(state), template: "state", kind: .state(state), inputs: shared + files))
            entries.append(SitemapEntry(route: index.route(state), lastModified: newest(facilities)))
            for facility in facilities {
                pages.append(PageSpec(route: index.route(facility), template: "facility", kind: .facility(facility), inputs: shared + files))
                entries.append(SitemapEntry(route: index.route(facility), lastModified: newest([facility])))
            }
        }
        return (pages, entries)
    }

    /// The files a state's listings come from.
    static func stateFiles(_ state: StateInfo) -> [String] {
        let code = state.code.lowercased()
        return ["Content/directory/imported/\(code).yaml", "Content/directory/\(code).yaml"]
    }

    /// The latest full date a set of listings was verified or its data was dated.
    static func newest(_ facilities: [Facility]) -> String? {
        facilities.compactMap { $0.verified?.value.description ?? (ContentDate($0.sourceDate) != nil ? $0.sourceDate : nil) }.max()
    }

    /// One `sitemap.xml`, or an index of `sitemap-N.xml` files of at most `limit` URLs each.
    static func sitemapPages(_ entries: [SitemapEntry], limit: Int, inputs: [String]) -> [PageSpec] {
        guard entries.count > limit else {
            return [PageSpec(route: Route("/sitemap.xml"), template: "", kind: .sitemap(entries), inputs: inputs)]
        }
        var pages: [PageSpec] = []
        var routes: [Route] = []
        for (number, start) in stride(from: 0, to: entries.count, by: limit).enumerated() {
            let route = Route("/sitemap-\(number + 1).xml")
            routes.append(route)
            pages.append(PageSpec(route: route, template: "", kind: .sitemap(Array(entries[start..<min(start + limit, entries.count)])), inputs: inputs))
        }
        pages.append(PageSpec(route: Route("/sitemap.xml"), template: "", kind: .sitemapIndex(routes), inputs: inputs))
        return pages
    }
}
