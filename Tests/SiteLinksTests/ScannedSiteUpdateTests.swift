import SiteCore
import SiteLinks
import Testing

/// A scanned site updated page by page judges links exactly as one scanned afresh.
@Suite struct ScannedSiteUpdateTests {
    let checker = LinkChecker(baseURL: "https://example.org/", basePath: "/")

    func problems(_ site: ScannedSite, files: Set<String>) -> [String] {
        checker.check(site, files: files).problems.map { "\($0.location): \($0.message)" }
    }

    @Test func replacingAddingAndRemovingPagesGivesTheReportOfAFreshScan() {
        var pages = [
            "index.html": "<a href=\"/a/#top\">a</a> <a href=\"/b/\">b</a>",
            "a/index.html": "<h1 id=\"top\">A</h1>",
            "b/index.html": "<a href=\"/a/#gone\">a</a>",
        ]
        var site = ScannedSite(html: pages.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        func expectSameAsFresh() {
            let fresh = ScannedSite(html: pages.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            #expect(problems(site, files: Set(pages.keys)) == problems(fresh, files: Set(pages.keys)))
        }
        expectSameAsFresh()
        // The anchor a page links to goes away, and comes back.
        pages["a/index.html"] = "<h1 id=\"other\">A</h1>"
        site.update("a/index.html", html: pages["a/index.html"]!)
        expectSameAsFresh()
        #expect(problems(site, files: Set(pages.keys)).contains { $0.contains("no element with id 'top' on a/index.html") })
        pages["a/index.html"] = "<h1 id=\"top\">A</h1><p id=\"gone\">"
        site.update("a/index.html", html: pages["a/index.html"]!)
        expectSameAsFresh()
        #expect(problems(site, files: Set(pages.keys)).isEmpty)
        // A page linked to is removed; a new page appears.
        pages["b/index.html"] = nil
        site.remove("b/index.html")
        pages["c/index.html"] = "<a href=\"/\">home</a>"
        site.update("c/index.html", html: pages["c/index.html"]!)
        expectSameAsFresh()
        #expect(problems(site, files: Set(pages.keys)) == ["index.html:1:28: broken link '/b/': no file b/index.html in the output"])
    }
}
