public import SiteCore

/// A link that leaves the site, where it is in the output and where an editor fixes it.
public struct OutsideLink: Sendable, Hashable {
    /// The absolute `http` or `https` URL (a protocol-relative `//host/` link is taken as `https:`).
    public var url: String
    public var page: SourceLocation
    /// From the build's link origins; nil with `--site`.
    public var source: SourceLocation?

    public init(url: String, page: SourceLocation, source: SourceLocation?) {
        self.url = url
        self.page = page
        self.source = source
    }
}

extension LinkChecker {
    /// Every link of the site to an outside `http(s)` URL, in page order.
    public func outsideLinks(in site: ScannedSite, origins: [String: [LinkOrigin]] = [:]) -> [OutsideLink] {
        var found: [OutsideLink] = []
        // Whether an href of a table leaves the site, judged once per distinct href.
        var verdicts = site.tables.map { [String?](repeating: nil, count: $0.count) }
        var judged = site.tables.map { [Bool](repeating: false, count: $0.count) }
        for (pageIndex, page) in site.pages.enumerated() {
            let table = site.tableOfPage[pageIndex]
            let path = site.paths[pageIndex]
            // Built on the first outside link of the page: its origins by href, and each href's count so far.
            var originsByHref: [String: [LinkOrigin]]?
            var ordinals: [Int32: Int] = [:]
            for link in page.links {
                let id = Int(link.href)
                let ordinal = ordinals[link.href, default: 0]
                ordinals[link.href] = ordinal + 1
                if !judged[table][id] {
                    judged[table][id] = true
                    verdicts[table][id] = outsideURL(site.tables[table].string(link.href))
                }
                guard let url = verdicts[table][id] else { continue }
                if originsByHref == nil { originsByHref = Dictionary(grouping: origins[path] ?? [], by: \.href) }
                // The origins are keyed by the href as written, which the URL may have normalised.
                let candidates = originsByHref?[site.tables[table].string(link.href)] ?? []
                let origin = candidates.first { $0.ordinal == ordinal } ?? candidates.first
                found.append(OutsideLink(url: url, page: SourceLocation(path: pagePrefix + path, line: Int(link.line), column: Int(link.column)),
                                         source: origin?.origin))
            }
        }
        return found
    }

    /// The absolute URL of an href that leaves the site, or nil.
    func outsideURL(_ href: String) -> String? {
        guard case .external(let url) = resolver.resolve(href, onPage: "") else { return nil }
        return url.hasPrefix("//") ? "https:" + url : url
    }
}
