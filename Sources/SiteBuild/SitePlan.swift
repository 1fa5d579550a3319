import SiteContent
import SiteCore

/// Plans the pages of a loaded site. Pure: content in, page specs out.
enum SitePlan {
    /// The page templates and the view model each is checked against.
    static let bindings = [
        "home": HomeView.schema,
        "guide": GuideView.schema,
        "404": NotFoundView.schema,
    ]

    /// The shortcodes guide Markdown may place.
    static let shortcodes: Set<String> = ["sources", "featured-centers"]

    static func pages(for content: SiteContent) -> [PageSpec] {
        let site = [content.config.path]
        var pages = [
            PageSpec(route: Route("/"), template: "home", kind: .home, inputs: site + content.guides.map(\.path)),
            PageSpec(route: Route("/404.html"), template: "404", kind: .notFound, inputs: site),
        ]
        for guide in content.guides {
            pages.append(PageSpec(route: guide.route, template: "guide", kind: .guide(guide),
                                  inputs: site + [guide.path] + content.bibliography.paths))
        }
        return pages.sorted { $0.route < $1.route }
    }
}
