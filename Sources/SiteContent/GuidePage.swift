public import SiteCore
public import SiteMarkdown

/// A guide article: `Content/guide/<slug>.md`, published at `/<slug>/`.
public struct GuidePage: Sendable {
    public var path: String
    public var slug: String
    public var title: String
    public var description: String
    /// Overrides the site's default reviewer.
    public var reviewedBy: SiteConfig.Reviewer?
    public var published: ContentDate
    public var reviewed: ContentDate?
    public var updated: ContentDate?
    public var body: MarkdownDocument

    public var route: Route { Route("/\(slug)/") }
}
