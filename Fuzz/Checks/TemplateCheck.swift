import SiteCore
@testable import SiteTemplates

extension FuzzTarget {
    /// The template checker on a page template, against a fixed view model.
    public static let templates = FuzzTarget(
        name: "templates",
        summary: "A page template through swift-mustache's parser and the template checker, against a fixed view model "
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
        let checked = TemplateLibrary.check(files, bindings: ["page": FuzzPage.schema], constants: ["root": "/"])
        var bounds = InputBounds([path: text])
        bounds.add(footer, at: "Templates/footer.mustache")
        bounds.add(base, at: "Templates/base.mustache")
        var problems = bounds.problems(checked.diagnostics)
        if let library = checked.checked.map({ TemplateLibrary($0) }) {
            let page = library.render("page", FuzzPage(), recorder: DependencyRecorder())
            if page.contains(marker) && !text.contains(marker) { problems.append("a text value reached the page unescaped") }
        }
        return problems
    }
}

/// The view model the fuzzed template is checked against and rendered with: one field of every kind.
struct FuzzPage: ViewModel {
    static let link = ViewSchema("FuzzLink", ["label": .text, "href": .text])
    static let site = ViewSchema("FuzzSite", ["name": .text, "root": .text])
    static let schema = ViewSchema("FuzzPage", [
        "title": .text, "body": .html, "draft": .flag, "site": .object(site), "links": .list(link), "tags": .textList, "root": .text,
    ])

    func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateCheck.marker
        case "body": "<p>body</p>"
        case "draft": true
        case "site": FuzzObject(values: ["name": TemplateCheck.marker, "root": "/"])
        case "links": [FuzzObject(values: ["label": TemplateCheck.marker, "href": "/a/"]), FuzzObject(values: ["label": "b", "href": "/b/"])]
        case "tags": [TemplateCheck.marker, "tag"]
        case "root": "/"
        default: nil
        }
    }
}

/// A nested view model given by its values.
struct FuzzObject: ViewModel {
    static let schema = ViewSchema("FuzzObject", [:])
    let values: [String: String]
    func child(named name: String) -> Any? { values[name] }
}
