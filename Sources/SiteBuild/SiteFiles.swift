import SiteContent
import SiteCore

/// The two plain files every site needs: the sitemap and robots.txt.
enum SiteFiles {
    static func sitemap(_ entries: [SitemapEntry], config: SiteConfig) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "<url><loc>\(Escape.html(config.absoluteURL(entry.route)))</loc>"
            if let date = entry.lastModified { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
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
