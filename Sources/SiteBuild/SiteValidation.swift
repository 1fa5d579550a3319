import SiteCitations
import SiteContent
import SiteCore
import SiteMarkdown
import SiteTemplates

/// Checks that span files: citations against the bibliography, routes against each other.
enum SiteValidation {
    /// `templates` is nil when the theme has errors of its own; then only content is checked.
    static func check(_ content: SiteContent, templates: TemplateLibrary?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var cited: Set<String> = []
        for guide in content.guides {
            let citations = GuideCitations.inOrder(guide, data: content.guideData)
            cited.formUnion(citations.flatMap(\.items).map(\.key))
            for (name, location) in guide.body.collect({ node -> (String, SourceLocation)? in
                if case .shortcode(let name) = node.kind { (name, guide.body.location(of: node)) } else { nil }
            }) {
                if !content.guideData.has(name) {
                    diagnostics.append(.error("{{< \(name) >}} needs Content/guide/data/\(GuideData.files[name] ?? name)", at: location))
                }
                if let templates, SitePlan.components[name] != nil, !templates.has(name) {
                    diagnostics.append(.error("{{< \(name) >}} needs Templates/\(name).mustache", at: location))
                }
            }
            diagnostics += CitationCheck.unknownKeys(in: citations, bibliography: content.bibliography)
            if let first = citations.first, !guide.body.shortcodes.contains("sources") {
                diagnostics.append(.error("this guide cites sources but never places {{< sources >}}", at: first.location))
            }
        }
        for facility in content.directory.facilities {
            cited.formUnion(facility.description?.document.citations.flatMap(\.items).map(\.key) ?? [])
            if let description = facility.description {
                diagnostics += CitationCheck.unknownKeys(in: description.document.citations, bibliography: content.bibliography)
            }
        }
        if !content.directory.isEmpty, let templates {
            for name in SitePlan.directoryTemplates.keys.sorted() where !templates.has(name) {
                diagnostics.append(.error("the directory needs Templates/\(name).mustache", at: SourceLocation(path: "Content/directory/_states.csv", line: 1, column: 1)))
            }
        }
        diagnostics += BibliographyCheck.check(content.bibliography, cited: cited)
        if let disclaimer = content.config.disclaimer, let citation = disclaimer.document.citations.first {
            diagnostics.append(.error("the disclaimer cannot cite sources; cite them in the guide", at: citation.location))
        }
        var routes: [Route: String] = [Route("/"): "the home page", Route("/404.html"): "the 404 page"]
        for guide in content.guides {
            if let other = routes[guide.route] {
                diagnostics.append(.error("the route \(guide.route) is already used by \(other)", at: SourceLocation(path: guide.path, line: 1, column: 1)))
            }
            routes[guide.route] = guide.path
        }
        return diagnostics
    }
}
