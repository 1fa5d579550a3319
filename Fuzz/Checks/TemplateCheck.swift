import SiteContent
import SiteCore
import SiteTemplates

extension FuzzTarget {
    /// The template checker on a page template, against a fixed view model.
    public static let templates = FuzzTarget(
        name: "templates",
        summary: "A page template through the template parser, checker and compiler, against a fixed view model "
            + "(with a partial 'footer' and a layout 'base' beside it). Every diagnostic lies inside the template; a "
            + "template the checker accepts renders, and no value reaches the page unescaped unless it is declared HTML.",
        check: TemplateCheck.problems)
}

/// The templates target's checks.
enum TemplateCheck {
    static let path = "Templates/page.mustache"
    static let footer = "<footer>{{#site}}<a href=\"{{root}}\">{{name}}</a>{{/site}}</footer>"
    static let base = "<!doctype html><html><head><title>{{$title}}{{/title}}</title></head><body>{{$main}}{{/main}}{{> footer}}</body></html>"
    /// A text no template writes and escaping always changes: if it reaches the page, a text was not escaped.
    static let marker = "<i\"fuzz'&>"

    static func problems(_ input: [UInt8]) -> [String] {
        guard let text = String(validating: input, as: UTF8.self) else { return [] }
        let files = [("page", path, text), ("footer", "Templates/footer.mustache", footer), ("base", "Templates/base.mustache", base)]
        let checked = TemplateLibrary.check(files, bindings: [.template("page", renders: FuzzPage.self)], constants: ["root": "/"], strings: strings)
        var bounds = InputBounds([path: text])
        bounds.add(footer, at: "Templates/footer.mustache")
        bounds.add(base, at: "Templates/base.mustache")
        bounds.add("word: A & <b>\ntitled: Of {title}\ncount: {one: '{root} one', other: '{title} more'}\n", at: "Templates/i18n/en.yaml")
        var problems = bounds.problems(checked.diagnostics)
        if let library = checked.checked.map({ TemplateLibrary($0) }) {
            let page = library.render("page", FuzzPage(), recorder: DependencyRecorder())
            if page.contains(marker) && !text.contains(marker) { problems.append("a text value reached the page unescaped") }
        }
        return problems
    }
}

extension TemplateCheck {
    /// The words a fuzzed `{{@key}}` may name: a text, a text with a field, and a count's forms.
    static let strings = StringTable(language: "en", path: "Templates/i18n/en.yaml", entries: [
        "word": .init(forms: .text("A & <b>"), location: SourceLocation(path: "Templates/i18n/en.yaml", line: 1, column: 1)),
        "titled": .init(forms: .text("Of {title}"), location: SourceLocation(path: "Templates/i18n/en.yaml", line: 2, column: 1)),
        "count": .init(forms: .plural(one: "{root} one", other: "{title} more"), location: SourceLocation(path: "Templates/i18n/en.yaml", line: 3, column: 1)),
    ])
}

/// The view model the fuzzed template is checked against and rendered with: one field of every kind.
struct FuzzPage: ViewModel {
    static let fields = ViewFields<FuzzPage>("FuzzPage", [
        .text("title") { _ in TemplateCheck.marker },
        .html("body") { _ in "<p>body</p>" },
        .flag("draft") { _ in true },
        .object("site") { _ in FuzzSite() },
        .list("links") { _ in [FuzzLink(label: TemplateCheck.marker, href: "/a/"), FuzzLink(label: "b", href: "/b/")] },
        .textList("tags") { _ in [TemplateCheck.marker, "tag"] },
        .text("root") { _ in "/" },
    ])
}

/// The site of the fuzzed page.
struct FuzzSite: ViewModel {
    static let fields = ViewFields<FuzzSite>("FuzzSite", [
        .text("name") { _ in TemplateCheck.marker },
        .text("root") { _ in "/" },
    ])
}

/// A link of the fuzzed page.
struct FuzzLink: ViewModel {
    static let fields = ViewFields<FuzzLink>("FuzzLink", [
        .text("label") { $0.label },
        .text("href") { $0.href },
    ])
    let label: String
    let href: String
}
