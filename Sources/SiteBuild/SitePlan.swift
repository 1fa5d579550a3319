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
    ]

    /// The shortcodes guide Markdown may place.
    static let shortcodes: Set<String> = ["comparison", "schedule", "modalities", "faq", "insurers", "sources", "featured-centers"]

    static func pages(for content: SiteContent) -> [PageSpec] {
        let site = [content.config.path]
        var pages = [
            PageSpec(route: Route("/"), template: "home", kind: .home, inputs: site + content.guides.map(\.path)),
            PageSpec(route: Route("/404.html"), template: "404", kind: .notFound, inputs: site),
        ]
        for guide in content.guides {
            pages.append(PageSpec(route: guide.route, template: "guide", kind: .guide(guide),
                                  inputs: site + [guide.path] + content.bibliography.paths + content.guideData.paths))
        }
        let sitemap = [SitemapEntry(route: Route("/"), lastModified: content.guides.map(lastModified).max())]
            + content.guides.map { SitemapEntry(route: $0.route, lastModified: lastModified($0)) }
        pages.append(PageSpec(route: Route("/sitemap.xml"), template: "", kind: .sitemap(sitemap.sorted { $0.route < $1.route }),
                              inputs: site + content.guides.map(\.path)))
        pages.append(PageSpec(route: Route("/robots.txt"), template: "", kind: .robots, inputs: site))
        return pages.sorted { $0.route < $1.route }
    }
}
