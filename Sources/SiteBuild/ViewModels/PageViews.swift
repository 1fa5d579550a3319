import SiteContent
import SiteCore
import SiteTemplates
import Foundation

/// Fields every page template shares: the site, the page's title, description and canonical URL.
/// A class: every page model includes its fields, and each read of one goes through `head`, which for a
/// struct would copy (and retain) all of it.
final class PageHead: Sendable {
    static let fields = ViewFields<PageHead>("PageHead", [
        .object("site") { $0.site },
        .text("title") { $0.title },
        .text("description") { $0.description },
        .text("canonical") { $0.canonical },
        .flag("is_home") { $0.isHome },
        .list("alternates") { $0.versions.alternates.isEmpty ? nil : $0.versions.alternates },
        .list("switcher") { $0.versions.languages.isEmpty ? nil : $0.versions.languages },
        .flag("has_switcher") { !$0.versions.languages.isEmpty },
    ])

    let site: SiteView
    let title: String
    let description: String
    let canonical: String
    let isHome: Bool
    /// The page in the site's other languages.
    let versions: PageVersions

    init(site: SiteView, title: String, description: String, canonical: String, isHome: Bool = false, versions: PageVersions = .none) {
        self.versions = versions
        self.site = site
        self.title = title
        self.description = description
        self.canonical = canonical
        self.isHome = isHome
    }
}

/// `home.mustache`: the home page.
struct HomeView: ViewModel {
    static let fields = ViewFields<HomeView>("HomeView", including: PageHead.fields, via: { $0.head }, [
        .list("guides") { $0.guides },
    ])
    let head: PageHead
    let guides: [GuideLinkView]
}

/// A link to a guide from the home page.
struct GuideLinkView: ViewModel {
    static let fields = ViewFields<GuideLinkView>("GuideLinkView", [
        .text("title") { $0.title },
        .text("url") { $0.url },
        .text("description") { $0.description },
    ])
    let title: String
    let url: String
    let description: String
}

/// `guide.mustache`: a guide article.
struct GuideView: ViewModel {
    static let fields = ViewFields<GuideView>("GuideView", including: PageHead.fields, via: { $0.head }, [
        .html("body") { $0.body },
        .object("review") { $0.review },
        .html("structured_data") { $0.structuredData.map { "<script type=\"application/ld+json\">\($0)</script>" }.joined(separator: "\n") },
    ])
    let head: PageHead
    let body: String
    let review: ReviewLineView
    /// The JSON-LD documents, already escaped for a `<script>` element.
    let structuredData: [String]

    /// Stands for the body while the template renders; content cannot contain it (a NUL is refused on reading).
    static let bodyMarker = "\u{0}iopsite-guide-body\u{0}"

    /// The page: the template's output with the body written in place of its marker, in one allocation.
    static func page(_ frame: String, reservingForBody size: Int, body: (inout String) -> Void) -> String {
        guard let range = frame.range(of: bodyMarker) else { return frame }
        var page = ""
        page.reserveCapacity(frame.utf8.count + size)
        page += frame[..<range.lowerBound]
        body(&page)
        page += frame[range.upperBound...]
        return page
    }
}

/// `review-line.mustache`: who reviewed the page and when it was published, reviewed and updated.
struct ReviewLineView: ViewModel {
    static let fields = ViewFields<ReviewLineView>("ReviewLineView", [
        .object("reviewer") { $0.reviewer.map(ReviewerView.init) },
        .object("published") { DateView(date: $0.page.published, words: $0.words) },
        .object("reviewed") { view in view.reviewer == nil ? nil : view.page.reviewed.map { DateView(date: $0, words: view.words) } },
        .object("updated") { view in view.page.updated.map { DateView(date: $0, words: view.words) } },
    ])
    let reviewer: SiteConfig.Reviewer?
    let page: GuidePage
    let words: Words
}

/// `404.mustache`: the page a host serves for a missing path.
struct NotFoundView: ViewModel {
    static let fields = ViewFields<NotFoundView>("NotFoundView", including: PageHead.fields, via: { $0.head })
    let head: PageHead
}
