import SiteCitations
import SiteContent
import SiteCore
import SiteMarkdown
import SiteTemplates

/// Checks that span files: citations against the bibliography, shortcodes against components and data.
/// (Routes are checked against each other on the plan, by `SitePlan.collisions`.)
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
                guard let component = Component.byName[name] else { continue }
                if let part = component.data, !content.guideData.has(part) {
                    diagnostics.append(.error("{{< \(name) >}} needs \(content.guideData.path(of: part))", at: location))
                }
                if let templates, !templates.has(component.template) {
                    diagnostics.append(.error("{{< \(name) >}} needs Templates/\(component.template).mustache", at: location))
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
            for name in SitePlan.directoryTemplates.map(\.template).sorted() where !templates.has(name) {
                diagnostics.append(.error("the directory needs Templates/\(name).mustache", at: SourceLocation(path: "Content/directory/_states.csv", line: 1, column: 1)))
            }
        }
        diagnostics += BibliographyCheck.check(content.bibliography, cited: cited)
        if let disclaimer = content.config.disclaimer, let citation = disclaimer.document.citations.first {
            diagnostics.append(.error("the disclaimer cannot cite sources; cite them in the guide", at: citation.location))
        }
        return diagnostics
    }
}
