@testable import SiteBuild
@testable import SiteServer
import SiteCore
import Testing

/// How the dev server reads a request path, and what it tells browsers.
@Suite struct DevPathTests {
    @Test(arguments: ["/..", "/../x", "/a/../b", "/%2e%2e/x", "/%2E%2e/x", "/a/%2e/b", "/..%2fx", "/a%5c..%5cb", "/%00", "/a%0Ab", "/%ff"])
    func aPathThatCouldLeaveTheSiteIsRefused(path: String) {
        #expect(DevPath.resolve(path, basePath: "/") == nil, "\(path)")
    }

    @Test func aPathIsDecodedOnceAndTakenRelativeToTheBasePath() {
        #expect(DevPath.resolve("/%252e%252e/x", basePath: "/") == .site("%2e%2e/x"))
        #expect(DevPath.resolve("/sub/guide/?q=1", basePath: "/sub/") == .site("guide/"))
        #expect(DevPath.resolve("/sub/", basePath: "/sub/") == .site(""))
        #expect(DevPath.resolve("/other/", basePath: "/sub/") == .outside("/other/"))
        #expect(DevPath.resolve("/sub/__iopsite/live.js", basePath: "/sub/") == .live("live.js"))
        #expect(DevPath.resolve("/caf%C3%A9/", basePath: "/") == .site("café/"))
    }

    @Test func contentTypesFollowTheExtension() {
        #expect(ContentType.of("") == "text/html; charset=utf-8")
        #expect(ContentType.of("a/") == "text/html; charset=utf-8")
        #expect(ContentType.of("assets/site.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(ContentType.of("assets/x.WOFF2") == "font/woff2")
        #expect(ContentType.of("x.unknown") == "application/octet-stream")
    }

    @Test func aChangeEventNamesRoutesUnderTheBasePathAndTheStylesheets() {
        var change = SiteChange()
        change.routes = [Route("/guide/")]
        change.written = ["guide/index.html", "assets/site.css"]
        #expect(LiveEvent.change(change, basePath: "/sub/", reloadAll: false)
            == "event: change\ndata: {\"routes\":[\"/sub/guide/\"],\"styles\":[\"/sub/assets/site.css\"],\"reload\":false}\n\n")
        change.written.append("assets/app.js")
        #expect(LiveEvent.change(change, basePath: "/", reloadAll: false).contains("\"reload\":true"))
    }

    @Test func problemsAreSentAsJSONThatMarkupCannotBreakOutOf() {
        let event = LiveEvent.problems([.error("bad </script> <b>", at: SourceLocation(path: "Content/a.md", line: 3, column: 7))])
        #expect(event.hasPrefix("event: problems\ndata: {\"problems\":[{\"location\":\"Content/a.md:3:7\",\"severity\":\"error\""))
        #expect(!event.contains("</script>") && !event.contains("<b>"))
        #expect(event.hasSuffix("\n\n") && !event.dropLast(2).contains("\n\n"))
    }
}
