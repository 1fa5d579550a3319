import SiteCitations
import SiteContent
import SiteCore
import SiteMarkdown
import SiteTemplates

/// Renders planned pages. Pure and thread-safe: every page renders independently.
struct PageRenderer: Sendable {
    let content: SiteContent
    let templates: TemplateLibrary

    private var config: SiteConfig { content.config }

    func render(_ spec: PageSpec) -> RenderedPage {
        let disclaimer = config.disclaimer.map { MarkdownRenderer().render($0.document, hooks: linkHooks()) }
        let site = SiteView(config: config, disclaimerHTML: disclaimer)
        let canonical = config.absoluteURL(spec.route)
        var markdownLinks: [(url: String, location: SourceLocation)] = []
        let html: String
        switch spec.kind {
        case .home:
            let guides = content.guides.map {
                GuideLinkView(title: $0.title, url: $0.route.prefixed(by: config.basePath), description: $0.description)
            }
            let head = PageHead(site: site, title: config.title, description: config.description, canonical: canonical, isHome: true)
            html = templates.render(spec.template, HomeView(head: head, guides: guides))
        case .guide(let guide):
            let numbering = CitationNumbering(citations: guide.body.citations, bibliography: content.bibliography)
            var hooks = linkHooks()
            hooks.citation = numbering.mark
            hooks.shortcode = { name in name == "sources" ? numbering.sourcesList() : "" }
            let body = MarkdownRenderer().render(guide.body, hooks: hooks)
            markdownLinks = guide.body.links
            let head = PageHead(site: site, title: guide.title, description: guide.description, canonical: canonical)
            html = templates.render(spec.template, GuideView(head: head, body: body, reviewer: guide.reviewedBy ?? config.reviewer, page: guide))
        case .notFound:
            let head = PageHead(site: site, title: "Page not found", description: config.description, canonical: canonical)
            html = templates.render(spec.template, NotFoundView(head: head))
        }
        return RenderedPage(route: spec.route, file: spec.route.outputFile, html: html,
                            inputs: (spec.inputs + templates.files(of: spec.template)).sorted(),
                            links: linkOrigins(template: spec.template, markdown: markdownLinks))
    }

    private func linkHooks() -> MarkdownRenderer.Hooks {
        let basePath = config.basePath
        return MarkdownRenderer.Hooks(url: { InternalURL.resolve($0, basePath: basePath) })
    }

    /// Origins of the page's links: the template's literal links, the data links the layout shows,
    /// then the Markdown links of the body and the disclaimer.
    private func linkOrigins(template: String, markdown: [(url: String, location: SourceLocation)]) -> [LinkOrigin] {
        let basePath = config.basePath
        var origins = templates.literalLinks(of: template).map {
            LinkOrigin(href: $0.href, ordinal: 0, kind: .template, origin: $0.location)
        }
        origins += config.navigation.map {
            LinkOrigin(href: InternalURL.resolve($0.url.value, basePath: basePath), ordinal: 0, kind: .data, origin: $0.url.location)
        }
        if let helpline = config.helpline {
            origins.append(LinkOrigin(href: HelplineView.telURL(helpline.phone.value), ordinal: 0, kind: .data, origin: helpline.phone.location))
        }
        let disclaimerLinks = config.disclaimer?.document.links ?? []
        origins += (markdown + disclaimerLinks).map {
            LinkOrigin(href: InternalURL.resolve($0.url, basePath: basePath), ordinal: 0, kind: .markdown, origin: $0.location)
        }
        return origins.numberedByHref()
    }
}
