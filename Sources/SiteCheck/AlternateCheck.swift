import Foundation
import SiteBuild
import SiteContent
import SiteCore
import SiteLinks

/// Checks the pages' `<link rel="alternate" hreflang>` links between languages: each must lead to a page of the
/// site (else a search engine drops the pair), and that page must name this one in return, as search engines
/// require of every pair. Read from the head of each built page, where the layout writes them.
enum AlternateCheck {
    /// One alternate of a page: its language, its absolute URL, and where it is in the page.
    struct Alternate: Equatable {
        let hreflang: String
        let href: String
        let line: Int
        let column: Int
    }

    /// The problems of every page's alternates.
    static func problems(_ snapshot: SiteSnapshot, pagePrefix: String = "") -> [LinkProblem] {
        let config = snapshot.content.config
        var alternatesByURL: [String: [Alternate]] = [:]
        var fileByURL: [String: String] = [:]
        for page in snapshot.pages.values where page.file.hasSuffix(".html") {
            let url = config.absoluteURL(page.route)
            fileByURL[url] = page.file
            let found = alternates(in: page.html)
            if !found.isEmpty { alternatesByURL[url] = found }
        }
        var problems: [LinkProblem] = []
        for (url, alternates) in alternatesByURL {
            guard let file = fileByURL[url] else { continue }
            for alternate in alternates where alternate.hreflang != "x-default" && alternate.href != url {
                let at = SourceLocation(path: pagePrefix + file, line: alternate.line, column: alternate.column)
                guard fileByURL[alternate.href] != nil else {
                    problems.append(LinkProblem(severity: .error, message: "the \(alternate.hreflang) alternate '\(alternate.href)' is no page of the site",
                                                href: alternate.href, page: at))
                    continue
                }
                if !(alternatesByURL[alternate.href] ?? []).contains(where: { $0.href == url }) {
                    problems.append(LinkProblem(severity: .error,
                                                message: "the \(alternate.hreflang) alternate '\(alternate.href)' does not name this page in return",
                                                href: alternate.href, page: at))
                }
            }
        }
        return problems.sorted { ($0.page.path, $0.page.line, $0.page.column) < ($1.page.path, $1.page.line, $1.page.column) }
    }

    /// The `<link rel="alternate" hreflang="…" href="…">` elements of a page's head, attributes in any order.
    static func alternates(in html: String) -> [Alternate] {
        var found: [Alternate] = []
        var line = 1
        // The head alone is read: a check after every edit reads every page's, and a head is a few lines of a page.
        let head = html.range(of: "</head>").map { html[..<$0.lowerBound] } ?? html[...]
        guard head.contains("hreflang") else { return [] }
        for text in head.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            var rest = Substring(text)
            while let start = rest.range(of: "<link ") {
                let tag = rest[start.lowerBound...].prefix { $0 != ">" }
                rest = rest[tag.endIndex...]
                guard attribute("rel", in: tag)?.lowercased() == "alternate", let language = attribute("hreflang", in: tag),
                      let href = attribute("href", in: tag) else { continue }
                let column = text.distance(from: text.startIndex, to: start.lowerBound) + 1
                found.append(Alternate(hreflang: language, href: CharacterReferences.decoded(href), line: line, column: column))
            }
        }
        return found
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }
}
