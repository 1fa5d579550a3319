import SiteContent
import SiteCore
import SiteTemplates

/// Fields every page template shares: the site, the page's title, description and canonical URL.
struct PageHead {
    static let fields: [String: ViewSchema.Field] = [
        "site": .object(SiteView.schema), "title": .text, "description": .text, "canonical": .text, "is_home": .flag,
    ]

    let site: SiteView
    let title: String
    let description: String
    let canonical: String
    var isHome = false

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "title": title
        case "description": description
        case "canonical": canonical
        case "is_home": isHome
        default: nil
        }
    }
}

/// `home.mustache`: the home page.
struct HomeView: ViewModel {
    static let schema = ViewSchema("HomeView", PageHead.fields.merging(["guides": .list(GuideLinkView.schema)]) { $1 })
    let head: PageHead
    let guides: [GuideLinkView]

    func child(named name: String) -> Any? {
        name == "guides" ? guides : head.child(named: name)
    }
}

/// A link to a guide from the home page.
struct GuideLinkView: ViewModel {
    static let schema = ViewSchema("GuideLinkView", ["title": .text, "url": .text, "description": .text])
    let title: String
    let url: String
    let description: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "description": description
        default: nil
        }
    }
}

/// `guide.mustache`: a guide article.
struct GuideView: ViewModel {
    static let schema = ViewSchema("GuideView", PageHead.fields.merging([
        "body": .html, "review": .object(ReviewLineView.schema), "structured_data": .html,
    ]) { $1 })
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

    func child(named name: String) -> Any? {
        switch name {
        case "body": body
        case "review": review
        case "structured_data": structuredData.map { "<script type=\"application/ld+json\">\($0)</script>" }.joined(separator: "\n")
        default: head.child(named: name)
        }
    }
}

/// `review-line.mustache`: who reviewed the page and when it was published, reviewed and updated.
struct ReviewLineView: ViewModel {
    static let schema = ViewSchema("ReviewLineView", [
        "reviewer": .object(ReviewerView.schema), "published": .object(DateView.schema),
        "reviewed": .object(DateView.schema), "updated": .object(DateView.schema),
    ])
    let reviewer: SiteConfig.Reviewer?
    let page: GuidePage

    func child(named name: String) -> Any? {
        switch name {
        case "reviewer": reviewer.map(ReviewerView.init)
        case "published": DateView(date: page.published)
        case "reviewed": reviewer == nil ? nil : page.reviewed.map(DateView.init)
        case "updated": page.updated.map(DateView.init)
        default: nil
        }
    }
}

/// `404.mustache`: the page a host serves for a missing path.
struct NotFoundView: ViewModel {
    static let schema = ViewSchema("NotFoundView", PageHead.fields)
    let head: PageHead

    func child(named name: String) -> Any? { head.child(named: name) }
}
