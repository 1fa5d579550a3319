import SiteCore
import SiteTestSupport
import Testing
@testable import SiteLinks
import SiteLinksReference

@Suite(.cleansUp) struct HTMLExtractorTests {
    @Test func linksOfEveryKindComeOutInDocumentOrderWithPositions() {
        let html = """
            <!doctype html>
            <html><head><link rel="stylesheet" href="/a.css"><meta http-equiv="refresh" content="5; URL='/next/'"></head>
            <body><a href="/x/?a=1&amp;b=2">x</a> <a name="top"></a><p id="intro">Hi</p>
            <img src="/i.png" srcset="/i-1.png 1x, /i-2.png 2x" alt=""><video poster="/p.jpg" src="/v.mp4"></video>
            <form action="/search/"></form><svg><a xlink:href="/map/"><rect/></a></svg>
            </body></html>
            """
        let page = HTMLExtractor.extract(html)
        #expect(page.links.map(\.href) == ["/a.css", "/next/", "/x/?a=1&b=2", "/i.png", "/i-1.png", "/i-2.png", "/p.jpg", "/v.mp4", "/search/", "/map/"])
        #expect(page.links.map(\.attribute) == ["link href", "meta content", "a href", "img src", "img srcset", "img srcset",
                                                "video poster", "video src", "form action", "a xlink:href"])
        #expect(page.links[2].line == 3)
        #expect(page.links[2].column == 10)
        #expect(page.targets == ["top", "intro"])
    }

    @Test func brokenMarkupIsStillRead() {
        let page = HTMLExtractor.extract("<p><a href='/a/'>unclosed <div id=x><a href=/b/>b")
        #expect(page.links.map(\.href) == ["/a/", "/b/"])
        #expect(page.targets == ["x"])
    }

    @Test func hrefsResolveAgainstTheBasePath() {
        let resolver = LinkResolver(baseURL: "https://example.org/sub/", basePath: "/sub/")
        #expect(resolver.resolve("/sub/a/", onPage: "b/index.html") == .page(path: "a/index.html", fragment: nil, slashless: false))
        #expect(resolver.resolve("https://example.org/sub/a/#f", onPage: "index.html") == .page(path: "a/index.html", fragment: "f", slashless: false))
        #expect(resolver.resolve("../c/d.css?v=1", onPage: "b/index.html") == .page(path: "c/d.css", fragment: nil, slashless: true))
        #expect(resolver.resolve("/other/", onPage: "index.html") == .outsideSite("/other/"))
        #expect(resolver.resolve("/sub/caf%C3%A9/", onPage: "index.html") == .page(path: "café/index.html", fragment: nil, slashless: false))
        #expect(resolver.resolve("https://example.com/", onPage: "index.html") == .external("https://example.com/"))
        #expect(resolver.resolve("JavaScript:alert(1)", onPage: "index.html") == .unsafe(scheme: "javascript"))
    }

    @Test func mailtoAndTelSyntax() {
        #expect(LinkChecker.isValidMailto("a@example.org"))
        #expect(LinkChecker.isValidMailto("a@example.org,b@example.org?subject=Hi"))
        #expect(!LinkChecker.isValidMailto("nobody"))
        #expect(!LinkChecker.isValidMailto("a b@example.org"))
        #expect(LinkChecker.isValidTel("+1-434-979-8871;ext=12"))
        #expect(LinkChecker.isValidTel("988"))
        #expect(!LinkChecker.isValidTel("call-me"))
        #expect(!LinkChecker.isValidTel("1+2"))
    }
}
