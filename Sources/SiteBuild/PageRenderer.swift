import SiteCitations
import SiteContent
import SiteCore
import SiteMarkdown
import SiteTemplates

/// Renders planned pages. Pure and thread-safe: every page renders independently.
struct PageRenderer: Sendable {
    let content: SiteContent
    let templates: TemplateLibrary
    /// The directory arranged for rendering; nil when the site has none.
    let directory: DirectoryIndex?
    /// The search index; nil when the site has no directory.
    let search: SearchIndex?

    /// What every page shows of the site, made once per build.
    let site: SiteView
    /// The words the build writes in the pages' language.
    let words: Words
    /// Listings already rendered (kept by a long-lived build).
    let fragments: FragmentCache
    let metrics: BuildMetrics?
    /// Whether pages record what they read (for a later incremental step).
    let recordsReads: Bool
    /// Whether pages keep where their links come from (for a link check).
    let keepsLinks: Bool
    /// Whether pages keep their view models, for a later build after an edit of templates only.
    let keepsViews: Bool
    /// Per page template, the link origins every page of it starts with (the template's literal links, the
    /// navigation, the helpline), numbered, with their counts per href: made once, not once per page.
    private let linkPrefixes: [String: (origins: [LinkOrigin], seen: [String: Int])]
    /// The navigation's and the helpline's links.
    private let sharedOrigins: [LinkOrigin]
    /// The disclaimer's links, which end every page's origins.
    private let disclaimerOrigins: [LinkOrigin]
    /// Every language's part of the site, for the links between a page's versions.
    let editions: SiteEditions
    /// The code of this renderer's language (`PageSpec.language`), and the renderers of the others, which render
    /// their pages.
    let language: String
    private(set) var others: [String: PageRenderer] = [:]

    init(content: SiteContent, templates: TemplateLibrary, directory: DirectoryIndex?, search: SearchIndex? = nil,
         fragments: FragmentCache = FragmentCache(), metrics: BuildMetrics? = nil, recordsReads: Bool = true, keepsLinks: Bool = true,
         keepsViews: Bool = false, editions: SiteEditions? = nil, language: String = "") {
        self.editions = editions ?? SiteEditions(editions: [])
        self.language = language
        self.keepsViews = keepsViews
        self.search = search
        self.recordsReads = recordsReads
        self.keepsLinks = keepsLinks
        self.metrics = metrics
        self.content = content
        self.templates = templates
        self.directory = directory
        self.fragments = fragments
        let basePath = content.config.basePath
        let disclaimer = content.config.disclaimer.map {
            MarkdownRenderer().render($0.document, hooks: .init(url: { InternalURL.resolve($0, basePath: basePath) }))
        }
        words = Words(templates.strings)
        site = SiteView(config: content.config, disclaimerHTML: disclaimer, words: words)
        let config = content.config
        var shared = config.navigation.map {
            LinkOrigin(href: InternalURL.resolve($0.url.value, basePath: basePath), ordinal: 0, kind: .data, origin: $0.url.location)
        }
        if let helpline = config.helpline {
            shared.append(LinkOrigin(href: helpline.telURL, ordinal: 0, kind: .data, origin: helpline.phone.location))
        }
        sharedOrigins = shared
        linkPrefixes = Dictionary(templates.names.map { ($0, Self.linkPrefix(of: $0, templates: templates, shared: shared)) }) { first, _ in first }
        disclaimerOrigins = (config.disclaimer?.document.links ?? []).map {
            LinkOrigin(href: InternalURL.resolve($0.url, basePath: basePath), ordinal: 0, kind: .markdown, origin: $0.location)
        }
    }

    private var config: SiteConfig { content.config }

    /// A renderer for each language of `editions`: the default language's, which hands each other language's
    /// pages to that language's renderer (its content, templates and directory routes).
    static func forEditions(_ editions: SiteEditions, templates: TemplateLibrary, search: SearchIndex?, fragments: [String: FragmentCache],
                            metrics: BuildMetrics?, recordsReads: Bool, keepsLinks: Bool, keepsViews: Bool) -> PageRenderer? {
        let renderers = editions.editions.map { edition in
            PageRenderer(content: edition.content, templates: templates.edition(edition.language.code), directory: edition.directory?.index,
                         search: search, fragments: fragments[edition.code] ?? FragmentCache(), metrics: metrics, recordsReads: recordsReads,
                         keepsLinks: keepsLinks, keepsViews: keepsViews, editions: editions, language: edition.code)
        }
        guard var first = renderers.first else { return nil }
        first.others = Dictionary(renderers.dropFirst().map { ($0.language, $0) }) { first, _ in first }
        return first
    }

    /// The renderer of `spec`'s language.
    private func renderer(of spec: PageSpec) -> PageRenderer? {
        spec.language == language ? nil : others[spec.language]
    }

    /// The page's versions in the site's languages.
    private func versions(_ spec: PageSpec) -> PageVersions {
        editions.isMultilingual ? PageVersions(spec, editions: editions, config: config) : .none
    }

    /// What a page's template is given, when the page is made from a view: its draft, none (an empty page), or
    /// `other` for the pages made otherwise (the guide's, the search data, the sitemaps, robots.txt).
    private enum Drafted {
        case draft(PageDraft)
        case empty
        case other
    }

    /// A recorder for one page, which has read the site's settings: every page shows them (title, navigation,
    /// helpline, disclaimer).
    private func recorder() -> DependencyRecorder {
        let recorder = DependencyRecorder(metrics: metrics, active: recordsReads)
        recorder.record(.file(config.path))
        return recorder
    }

    private func draft(_ spec: PageSpec, recorder: DependencyRecorder) -> Drafted {
        switch spec.kind {
        case .home:
            recorder.record(.group(.guides))
            recorder.record(files: content.guides.map(\.path))
            let guides = content.guides.map {
                GuideLinkView(title: $0.title, url: $0.route.prefixed(by: config.basePath), description: $0.description)
            }
            let head = PageHead(site: site, title: config.title, description: config.description, canonical: config.absoluteURL(spec.route),
                                isHome: true, versions: versions(spec))
            return .draft(PageDraft(spec.template, HomeView(head: head, guides: guides)))
        case .notFound:
            let head = PageHead(site: site, title: words.text("page.not_found"), description: config.description, canonical: config.absoluteURL(spec.route),
                                versions: versions(spec))
            return .draft(PageDraft(spec.template, NotFoundView(head: head)))
        case .directoryIndex, .state, .facility, .retired, .search:
            guard let directory else { return .empty }
            let pages = DirectoryPageRenderer(config: config, templates: templates, index: directory.reading(into: recorder),
                                              bibliography: content.bibliography, site: site, fragments: fragments, keepsLinks: keepsLinks,
                                              versions: versions(spec))
            let draft: PageDraft?
            switch spec.kind {
            case .state(let state): draft = pages.draftState(state, route: spec.route)
            case .facility(let facility): draft = pages.draftFacility(facility, route: spec.route)
            case .retired(let facility): draft = pages.draftRetired(facility, route: spec.route)
            case .search: draft = search.map { pages.draftSearch(spec.route, search: $0) }
            default: draft = pages.draftIndex(spec.route)
            }
            return draft.map(Drafted.draft) ?? .empty
        case .guide, .searchData, .sitemapIndex, .sitemap, .robots:
            return .other
        }
    }

    /// Renders `spec` and hands its bytes to `body`, for a build that keeps neither links nor views (a one-shot
    /// build, which writes each page and lets it go): a page made from a view is handed over from the template's
    /// own bytes, with no String made of them.
    func write(_ spec: PageSpec, _ body: (UnsafeRawBufferPointer) -> Void) {
        if let other = renderer(of: spec) { return other.write(spec, body) }
        guard !keepsLinks, !keepsViews else { return Self.bytes(of: render(spec).html, body) }
        let recorder = recorder()
        switch draft(spec, recorder: recorder) {
        case .draft(let draft): draft.write(templates, recorder, body)
        case .empty: body(UnsafeRawBufferPointer(start: nil, count: 0))
        case .other: Self.bytes(of: render(spec).html, body)
        }
    }

    private static func bytes(of text: String, _ body: (UnsafeRawBufferPointer) -> Void) {
        UTF8Text.withBytes(of: text) { body(UnsafeRawBufferPointer($0)) }
    }

    func render(_ spec: PageSpec) -> RenderedPage {
        if let other = renderer(of: spec) { return other.render(spec) }
        let recorder = recorder()
        switch draft(spec, recorder: recorder) {
        case .draft(let draft): return finish(spec, draft, recorder: recorder)
        case .empty: return RenderedPage(route: spec.route, html: "", dependencies: recorder.reads, links: [])
        case .other: break
        }
        let canonical = config.absoluteURL(spec.route)
        var markdownLinks: [(url: String, location: SourceLocation)] = []
        var componentLinks: [LinkOrigin] = []
        let html: String
        switch spec.kind {
        case .home, .notFound, .directoryIndex, .state, .facility, .retired, .search:
            preconditionFailure("made from a draft above")
        case .guide(let guide):
            recorder.record(.file(guide.path))
            // Its versions in other languages are the guides there that share its file name.
            if editions.isMultilingual { recorder.record(.group(.guides)) }
            recorder.record(files: content.bibliography.paths)
            let numbering = CitationNumbering(citations: GuideCitations.inOrder(guide, data: content.guideData),
                                              bibliography: content.bibliography, sourceWord: words.text("page.source"))
            let components = ComponentRenderer(templates: templates, data: content.guideData, numbering: numbering, basePath: config.basePath,
                                               directory: directory, recorder: recorder, words: words)
            if keepsLinks { markdownLinks = guide.body.links }
            let reviewer = guide.reviewedBy ?? config.reviewer
            let head = PageHead(site: site, title: guide.title, description: guide.description, canonical: canonical, versions: versions(spec))
            let structured = StructuredData.guide(guide, reviewer: reviewer, config: config, faq: content.guideData.faq,
                                                 citations: numbering.citedEntries)
            // The body is rendered straight into the page after the template has rendered around a marker:
            // a large body is then written once, not copied at every level of the layout.
            let frame = templates.render(spec.template, GuideView(head: head, body: GuideView.bodyMarker,
                                                                  review: ReviewLineView(reviewer: reviewer, page: guide, words: words),
                                                                  structuredData: structured), recorder: recorder)
            html = GuideView.page(frame, reservingForBody: guide.body.sourceLength * 3) { page in
                recorder.metrics.markdown { MarkdownRenderer().render(guide.body, hooks: components.hooks, into: &page) }
            }
            componentLinks = components.links
        case .searchData(let file):
            guard let directory, let search else { return RenderedPage(route: spec.route, html: "", dependencies: recorder.reads, links: []) }
            let data = search.text(of: file, directory: directory, basePath: config.basePath, recorder: recorder)
            return RenderedPage(route: spec.route, html: data.text, dependencies: recorder.reads, links: [], dataLinks: keepsLinks ? data.links : [])
        case .sitemapIndex(let routes):
            recorder.record(.group(.sitemap))
            return RenderedPage(route: spec.route, html: SiteFiles.sitemapIndex(routes, config: config), dependencies: recorder.reads, links: [])
        case .sitemap(let entries):
            recorder.record(.group(.sitemap))
            let annotated = !editions.isMultilingual ? entries : entries.map { entry in
                var entry = entry
                entry.alternates = SitePlan.alternates(ofSitemapRoute: entry.route, editions: editions)
                return entry
            }
            return RenderedPage(route: spec.route, html: SiteFiles.sitemap(annotated, config: config), dependencies: recorder.reads, links: [])
        case .robots:
            return RenderedPage(route: spec.route, html: SiteFiles.robots(config: config), dependencies: recorder.reads, links: [])
        }
        guard keepsLinks else { return RenderedPage(route: spec.route, html: html, dependencies: recorder.reads, links: []) }
        return RenderedPage(route: spec.route, html: html, dependencies: recorder.reads,
                            links: linkOrigins(template: spec.template, markdown: markdownLinks, components: componentLinks))
    }

    /// The page of a view made: its template run on the view, the view kept when a later build may use it.
    private func finish(_ spec: PageSpec, _ draft: PageDraft, recorder: DependencyRecorder) -> RenderedPage {
        let made = readsSoFar(recorder)
        let html = draft.render(templates, recorder)
        let links = keepsLinks ? linkOrigins(template: draft.template, markdown: [], components: draft.links) : []
        let kept = made.map {
            KeptView(draft: draft, reads: $0, templateFiles: templates.files(of: draft.template), linkPrefix: linkPrefixes[draft.template]?.origins ?? [],
                     language: language)
        }
        return RenderedPage(route: spec.route, html: html, dependencies: recorder.reads, links: links, kept: kept)
    }

    /// The reads so far, when pages keep their views (a long-lived build, which records reads).
    private func readsSoFar(_ recorder: DependencyRecorder) -> Set<Dependency>? {
        keepsViews && recorder.isActive ? recorder.reads : nil
    }

    /// `page` again with this renderer's templates, from the view it kept, after an edit of the templates `edited`
    /// alone; nil when it kept no view or its view read one of them (then the view must be made again). Its reads
    /// are the view's and the new template's files.
    func rerender(_ page: RenderedPage, afterEditing edited: Set<Dependency>) -> RenderedPage? {
        if let language = page.kept?.language, language != self.language {
            return others[language]?.rerender(page, afterEditing: edited)
        }
        guard let kept = page.kept, kept.reads.isDisjoint(with: edited), templates.has(kept.draft.template) else { return nil }
        let files = templates.files(of: kept.draft.template)
        let recorder = DependencyRecorder(metrics: metrics, active: false)
        let html = kept.draft.render(templates, recorder)
        let dependencies = files == kept.templateFiles ? page.dependencies : kept.reads.union(files.map(Dependency.file))
        // The page's own link origins are numbered after its template's: the same template links, the same numbers.
        let prefix = linkPrefixes[kept.draft.template]?.origins ?? []
        let links = !keepsLinks ? [] : prefix == kept.linkPrefix ? page.links
            : linkOrigins(template: kept.draft.template, markdown: [], components: kept.draft.links)
        return RenderedPage(route: page.route, html: html, dependencies: dependencies, links: links,
                            kept: KeptView(draft: kept.draft, reads: kept.reads, templateFiles: files, linkPrefix: prefix, language: language))
    }

    /// Origins of the page's links: the template's literal links, the data links the layout shows,
    /// the Markdown links of the body, the links of its components, then those of the disclaimer.
    private static func linkPrefix(of template: String, templates: TemplateLibrary, shared: [LinkOrigin]) -> (origins: [LinkOrigin], seen: [String: Int]) {
        var seen: [String: Int] = [:]
        let literal = templates.literalLinks(of: template).map { LinkOrigin(href: $0.href, ordinal: 0, kind: .template, origin: $0.location) }
        let origins = (literal + shared).numberedByHref(continuing: &seen)
        return (origins, seen)
    }

    private func linkOrigins(template: String, markdown: [(url: String, location: SourceLocation)], components: [LinkOrigin]) -> [LinkOrigin] {
        let basePath = config.basePath
        let prefix = linkPrefixes[template] ?? Self.linkPrefix(of: template, templates: templates, shared: sharedOrigins)
        var seen = prefix.seen
        let page = markdown.map {
            LinkOrigin(href: InternalURL.resolve($0.url, basePath: basePath), ordinal: 0, kind: .markdown, origin: $0.location)
        } + components + disclaimerOrigins
        return prefix.origins + page.numberedByHref(continuing: &seen)
    }
}
