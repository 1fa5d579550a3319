import SiteCore
import SiteTestSupport
import Testing
@testable import SiteTemplates

struct LinkModel: ViewModel {
    static let fields = ViewFields<LinkModel>("LinkModel", [
        .text("title") { $0.title },
        .text("url") { $0.url },
    ])
    var title: String
    var url: String
}

struct PageModel: ViewModel {
    static let fields = ViewFields<PageModel>("PageModel", [
        .text("title") { $0.title },
        .html("body") { $0.body },
        .text("root") { _ in "/sub/" },
        .list("links") { $0.links },
        .textList("tags") { $0.tags },
        .flag("draft") { _ in false },
    ])
    var title: String
    var body: String
    var links: [LinkModel] = []
    var tags: [String] = []
}

@Suite(.cleansUp) struct TemplateLibraryTests {
    static let layout = """
        <html><head><link rel="stylesheet" href="{{root}}assets/site.css"></head>
        <body><a href="/">Home</a>{{$main}}{{/main}}{{> footer}}</body></html>
        """

    func load(_ templates: [String: String]) throws -> (TemplateLibrary?, [String]) {
        var files: [String: String] = [:]
        for (name, text) in templates { files["Templates/\(name).mustache"] = text }
        let site = try FixtureSite(files)
        let result = TemplateLibrary.load(root: site.root, bindings: [.template("page", renders: PageModel.self)], constants: ["root": "/sub/"])
        return (result.library, result.diagnostics.map(\.description))
    }

    @Test func layoutsPartialsAndSectionsRenderWithEscaping() throws {
        let (library, messages) = try load([
            "layout": Self.layout,
            "footer": "<footer>{{title}}</footer>",
            "page": "{{<layout}}{{$main}}<h1>{{title}}</h1>{{{body}}}{{#links}}<a href=\"{{url}}\">{{title}}</a>{{/links}}{{#tags}}[{{.}}]{{/tags}}{{/main}}{{/layout}}",
        ])
        #expect(messages == [])
        let html = try #require(library).render("page", PageModel(title: "A <b>&", body: "<p>ok</p>",
                                                                     links: [LinkModel(title: "x\"", url: "/a/?q=\"")], tags: ["t<"]), recorder: DependencyRecorder())
        #expect(html == "<html><head><link rel=\"stylesheet\" href=\"/sub/assets/site.css\"></head>\n<body><a href=\"/\">Home</a><h1>A &lt;b&gt;&amp;</h1><p>ok</p><a href=\"/a/?q=&quot;\">x&quot;</a>[t&lt;]<footer>A &lt;b&gt;&amp;</footer></body></html>")
    }

    @Test func aNameTheViewModelLacksIsAnErrorAtTheTemplatePosition() throws {
        let (library, messages) = try load([
            "page": "<h1>{{title}}</h1>\n  <p>{{subtitle}}</p>{{#links}}{{url}} {{nope}}{{/links}}",
        ])
        #expect(library == nil)
        #expect(messages == [
            "Templates/page.mustache:2:6: error: 'subtitle' is not a field of PageModel",
            "Templates/page.mustache:2:40: error: 'nope' is not a field of LinkModel or PageModel",
        ])
    }

    @Test func namesInPartialsAndLayoutsAreCheckedWhereTheyAreWritten() throws {
        let (_, messages) = try load([
            "layout": "<main>{{$main}}{{/main}}</main>{{> footer}}{{missingInLayout}}",
            "footer": "<footer>\n{{ missingInFooter }}</footer>",
            "page": "{{<layout}}{{$main}}{{missingInPage}}{{/main}}{{/layout}}",
        ])
        #expect(messages == [
            "Templates/footer.mustache:2:1: error: 'missingInFooter' is not a field of PageModel",
            "Templates/layout.mustache:1:44: error: 'missingInLayout' is not a field of PageModel",
            "Templates/page.mustache:1:21: error: 'missingInPage' is not a field of PageModel",
        ])
    }

    @Test func textMustBeEscapedAndHTMLMustNotBe() throws {
        let (_, messages) = try load(["page": "{{{title}}} {{body}} {{links}}"])
        #expect(messages == [
            "Templates/page.mustache:1:1: error: 'title' is text; write {{title}} so that it is escaped",
            "Templates/page.mustache:1:13: error: 'body' is HTML; write {{{body}}} to insert it",
            "Templates/page.mustache:1:22: error: 'links' is a list; use it as a section {{#links}}…{{/links}}",
        ])
    }

    @Test func missingPartialsAndUnclosedSectionsAreErrors() throws {
        let (_, messages) = try load(["page": "{{> nothing}}\n{{#links}}open"])
        #expect(messages.contains("Templates/page.mustache:1:1: error: no partial named 'nothing' in Templates/"))
        #expect(messages.contains("Templates/page.mustache:2:1: error: section 'links' is never closed"))
    }

    @Test func literalLinksAreCollectedInRenderOrderWithConstantsFilledIn() throws {
        let (library, _) = try load([
            "layout": Self.layout,
            "footer": "<footer><a href=\"/about/\">About</a></footer>",
            "page": "{{<layout}}{{$main}}<a href=\"#top\">Top</a><a href=\"{{title}}\">dynamic</a>{{/main}}{{/layout}}",
        ])
        let links = try #require(library).literalLinks(of: "page")
        #expect(links.map(\.href) == ["/sub/assets/site.css", "/", "#top", "/about/"])
        #expect(links.map(\.location.description) == [
            "Templates/layout.mustache:1:42", "Templates/layout.mustache:2:16",
            "Templates/page.mustache:1:30", "Templates/footer.mustache:1:18",
        ])
        #expect(try #require(library).files(of: "page") == ["Templates/footer.mustache", "Templates/layout.mustache", "Templates/page.mustache"])
    }

    @Test func anEmptyOrBrokenNameIsAnErrorNotACrash() throws {
        let (library, messages) = try load(["page": "<p>{{}}</p>\n<p>{{ site..name }}</p>\n"])
        #expect(library == nil)
        #expect(messages.contains("Templates/page.mustache:1:4: error: '' is not a name: write field names joined by single dots (e.g. site.name)"))
        #expect(messages.contains { $0.hasPrefix("Templates/page.mustache:2:4: error: 'site..name' is not a name") })
    }

    @Test func aSyntaxErrorAfterAVerticalTabIsOnItsOwnLine() throws {
        // Unicode counts a vertical tab as a line break; the file's lines end at "\n".
        let (_, messages) = try load(["page": "<p>a\u{0B}b</p>\n{{#title}}{{/body}}\n"])
        #expect(messages.contains("Templates/page.mustache:2:11: error: '{{/body}}' closes 'title'"), "\(messages)")
    }
}

/// A page buffer escapes text as `Escape.html` does, whatever the text and wherever its special bytes fall.
@Suite struct PageBufferTests {
    @Test func escapedTextIsWhatEscapeHTMLMakes() {
        var generator = SplitMix64(seed: 11)
        let pieces = ["a", "bcdefgh", "&", "<", ">", "\"", "'", "é", "—", "🙂", "0123456789", " "]
        for _ in 0..<3_000 {
            let text = (0..<Int(generator.next() % 40)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let page = PageBuffer(capacity: 0)
            page.appendEscaped(text)
            #expect(page.text == Escape.html(text), "\(Array(text.utf8))")
        }
    }
}
