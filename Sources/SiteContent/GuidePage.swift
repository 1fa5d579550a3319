public import SiteCore
public import SiteMarkdown

/// A guide article: `Content/guide/<slug>.md`, published at `/<slug>/`; or its translation,
/// `Content/guide/<language>/<the original's file name>`, published at `/<language>/<its slug>/`.
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
    /// Where the language's pages live ("" for the default language, else "es/").
    public var prefix = ""
    /// The file name a translation shares with its original (`intensive-outpatient-program.md`): what pairs them.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }

    public var route: Route { Route("/\(prefix)\(slug)/") }
}
