import SiteContent
import SiteCore

/// The two plain files every site needs: the sitemap and robots.txt.
enum SiteFiles {
    static func sitemap(_ entries: [SitemapEntry], config: SiteConfig) -> String {
        // Written as bytes: a directory's sitemap has an entry per listing, and building each line of Strings
        // (the URL, its escaped form, the line) cost more than the bytes. Escaping the prefix and the path
        // apart is escaping the URL: each byte is escaped alone.
        let prefix = Array(Escape.html(config.absolutePrefix).utf8)
        var xml: [UInt8] = []
        let alternates = entries.contains { !$0.alternates.isEmpty }
        xml.reserveCapacity(200 + entries.count * (prefix.count + 80) * (alternates ? 4 : 1))
        xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"".utf8
        // The alternates of a multilingual site, in the namespace search engines read them from.
        if alternates { xml += " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"".utf8 }
        xml += ">\n".utf8
        for entry in entries {
            xml += "<url><loc>".utf8
            xml += prefix
            xml += Escape.html(entry.route.path).utf8
            xml += "</loc>".utf8
            if let date = entry.lastModified {
                xml += "<lastmod>".utf8
                xml += date.utf8
                xml += "</lastmod>".utf8
            }
            for alternate in entry.alternates {
                xml += "<xhtml:link rel=\"alternate\" hreflang=\"".utf8
                xml += Escape.html(alternate.hreflang).utf8
                xml += "\" href=\"".utf8
                xml += prefix
                xml += Escape.html(alternate.route.path).utf8
                xml += "\"/>".utf8
            }
            xml += "</url>\n".utf8
        }
        xml += "</urlset>\n".utf8
        return xml.withUnsafeBufferPointer { UTF8Text.string(joiningWholeStrings: $0) }
    }

    static func sitemapIndex(_ routes: [Route], config: SiteConfig) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for route in routes { xml += "<sitemap><loc>\(Escape.html(config.absoluteURL(route)))</loc></sitemap>\n" }
        return xml + "</sitemapindex>\n"
    }

    static func robots(config: SiteConfig) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(config.absoluteURL(Route("/sitemap.xml")))\n"
    }
}
