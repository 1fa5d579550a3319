import SiteContent
import SiteCore
import SiteTemplates

/// Plans the pages of a loaded site. Pure: content in, page specs out.
enum SitePlan {
    /// The date a guide last changed, from its content: updated, else reviewed, else published.
    static func lastModified(_ guide: GuidePage) -> String {
        (guide.updated ?? guide.reviewed ?? guide.published).description
    }

    /// The page templates and the view model each renders.
    static let bindings: [TemplateBinding] = [
        .template("home", renders: HomeView.self),
        .template("guide", renders: GuideView.self),
        .template("404", renders: NotFoundView.self),
    ]

    /// The directory's page templates; needed when Content/directory/ exists.
    static let directoryTemplates: [TemplateBinding] = [
        .template("directory", renders: DirectoryIndexView.self),
        .template("state", renders: StatePageView.self),
        .template("facility", renders: FacilityPageView.self),
        .template("listing", renders: ListingView.self),
        .template("find", renders: SearchPageView.self),
        .template("retired", renders: RetiredPageView.self),
    ]

    /// URLs per sitemap file (the sitemaps protocol's limit).
    static let sitemapLimit = 50_000

    /// Where the pages iopsite always makes come from.
    static let settings = SourceLocation(path: "Content/site.yaml", line: 1, column: 1)

    /// Every page of the site, in route order: the guide's, the directory's and the plain files.
    /// `sitemap`, when given, is `sitemapEntries` of the same arguments (made once for a build that keeps them too).
    /// `languages` is how many languages each sitemap entry may name as alternates (the files are sized for them).
    static func pages(for content: SiteContent, directory: DirectoryPlan?, search: SearchIndex? = nil, sitemapLimit: Int = sitemapLimit,
                      sitemap: [SitemapEntry]? = nil, languages: Int = 1) -> [PageSpec] {
        var pages = [
            PageSpec(route: Route("/"), template: "home", kind: .home, source: settings),
            PageSpec(route: Route("/404.html"), template: "404", kind: .notFound, source: settings),
        ]
        for guide in content.guides {
            pages.append(PageSpec(route: guide.route, template: "guide", kind: .guide(guide), source: SourceLocation(path: guide.path, line: 1, column: 1)))
        }
        if let search {
            let source = SourceLocation(path: DirectoryIndex.statesFile, line: 1, column: 1)
            pages.append(PageSpec(route: SearchIndex.root, template: "find", kind: .search, source: source))
            pages += search.files.map { PageSpec(route: $0.route, template: "", kind: .searchData($0), source: source) }
        }
        pages += sitemapPages(sitemap ?? sitemapEntries(content, directory: directory, search: search), limit: sitemapLimit, languages: languages)
        pages.append(PageSpec(route: Route("/robots.txt"), template: "", kind: .robots, source: settings))
        return merged(pages.sorted { $0.route < $1.route }, directory?.specs ?? []) { $0.route < $1.route }
    }

    /// Every page a search engine should know, in route order, with the date its content last changed.
    static func sitemapEntries(_ content: SiteContent, directory: DirectoryPlan?, search: SearchIndex? = nil) -> [SitemapEntry] {
        var sitemap = [SitemapEntry(route: Route("/"), lastModified: content.guides.map(lastModified).max())]
        for guide in content.guides { sitemap.append(SitemapEntry(route: guide.route, lastModified: lastModified(guide))) }
        if let search { sitemap.append(SitemapEntry(route: SearchIndex.root, lastModified: search.newest)) }
        return merged(sitemap.sorted { $0.route < $1.route }, directory?.sitemap ?? []) { $0.route < $1.route }
    }

    /// Every page of every language: the default language's as `pages(for:directory:…)` plans them, then each other
    /// language's home, 404 page, translated guides, search page and directory (whose search data files are the default
    /// language's: one index serves every language's search page). `sitemap` lists every language's pages.
    static func pages(for editions: SiteEditions, search: SearchIndex?, sitemapLimit: Int = sitemapLimit, sitemap: [SitemapEntry]) -> [PageSpec] {
        guard let first = editions.editions.first else { return [] }
        let own = pages(for: first.content, directory: first.directory, search: search, sitemapLimit: sitemapLimit, sitemap: sitemap,
                        languages: editions.editions.count)
        guard editions.isMultilingual else { return own }
        var pages = own
        for edition in editions.editions.dropFirst() {
            let language = edition.language, code = edition.code
            var specs = [
                PageSpec(route: language.home, template: "home", kind: .home, source: settings, language: code),
                PageSpec(route: language.notFound, template: "404", kind: .notFound, source: settings, language: code),
            ]
            for guide in edition.content.guides {
                specs.append(PageSpec(route: guide.route, template: "guide", kind: .guide(guide), source: SourceLocation(path: guide.path, line: 1, column: 1),
                                      language: code))
            }
            if search != nil {
                specs.append(PageSpec(route: language.search, template: "find", kind: .search,
                                      source: SourceLocation(path: DirectoryIndex.statesFile, line: 1, column: 1), language: code))
            }
            // Each part is in route order already (the directory's plan is): merged in linear time, not sorted again
            // at every rebuild (30,000 routes compared as strings).
            let own = merged(specs.sorted { $0.route < $1.route }, edition.directory?.specs ?? []) { $0.route < $1.route }
            pages = merged(pages, own) { $0.route < $1.route }
        }
        return pages
    }

    /// The sitemap's entries of every language, in route order. Their alternates are written with the sitemap's files
    /// (`alternates(ofSitemapRoute:editions:)`), not made at every plan: they follow from the routes and the languages.
    static func sitemapEntries(_ editions: SiteEditions, search: SearchIndex?) -> [SitemapEntry] {
        guard let first = editions.editions.first else { return [] }
        var entries = sitemapEntries(first.content, directory: first.directory, search: search)
        for edition in editions.editions.dropFirst() {
            var own = [SitemapEntry(route: edition.language.home, lastModified: edition.content.guides.map(lastModified).max())]
            for guide in edition.content.guides { own.append(SitemapEntry(route: guide.route, lastModified: lastModified(guide))) }
            if let search { own.append(SitemapEntry(route: edition.language.search, lastModified: search.newest)) }
            own.sort { $0.route < $1.route }
            entries = merged(entries, merged(own, edition.directory?.sitemap ?? []) { $0.route < $1.route }) { $0.route < $1.route }
        }
        return entries
    }

    /// The alternates of a sitemap route: its language told by its folder (the longest prefix of a language's).
    static func alternates(ofSitemapRoute route: Route, editions: SiteEditions) -> [PageAlternate] {
        guard editions.isMultilingual else { return [] }
        let edition = editions.editions.dropFirst().first { route.path.hasPrefix($0.language.home.path) } ?? editions.editions[0]
        return alternates(of: route, in: edition, editions: editions)
    }

    /// The alternates of a sitemap route of `edition`: its kind told from the route (the home, the search page, a guide,
    /// or a page of the directory, whose routes differ between languages by the directory's folder alone).
    private static func alternates(of route: Route, in edition: SiteEditions.Edition, editions: SiteEditions) -> [PageAlternate] {
        let kind: PageSpec.Kind
        if route == edition.language.home {
            kind = .home
        } else if route == edition.language.search {
            kind = .search
        } else if let guide = edition.content.guides.first(where: { $0.route == route }) {
            kind = .guide(guide)
        } else if route.path.hasPrefix(edition.language.directory.path) {
            // A directory page's route differs between languages by the directory's folder alone.
            let rest = route.path.dropFirst(edition.language.directory.path.count)
            return editions.alternates { $0.directory == nil ? nil : Route($0.language.directory.path + rest) }
        } else {
            return []
        }
        return editions.alternates(of: PageSpec(route: route, template: "", kind: kind, source: settings, language: edition.code))
    }

    /// Two pages of any language that would write one output file.
    static func collisions(_ pages: [PageSpec], editions: SiteEditions) -> [Diagnostic] {
        guard editions.isMultilingual else { return collisions(pages, directory: editions.editions.first?.directory) }
        let directoryKinds = pages.filter {
            switch $0.kind {
            case .directoryIndex, .state, .facility, .retired: false
            default: true
            }
        }
        // Each directory plan found its own collisions; the rest of the pages are compared with each other and with them.
        var diagnostics = editions.editions.flatMap { $0.directory?.collisions ?? [] }
        diagnostics += collisions(directoryKinds)
        for page in directoryKinds {
            for edition in editions.editions {
                guard let other = edition.directory?.source(ofFile: page.route.outputFile) else { continue }
                let message = { (with: SourceLocation) in "\(page.route) is written to \(page.route.outputFile), as is the page from \(with)" }
                diagnostics.append(.error(message(other), at: page.source))
                diagnostics.append(.error(message(page.source), at: other))
            }
        }
        return diagnostics
    }

    /// Two sorted arrays as one sorted array, in linear time (the directory's part is sorted once).
    static func merged<Element>(_ a: [Element], _ b: [Element], by less: (Element, Element) -> Bool) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if less(b[j], a[i]) { result.append(b[j]); j += 1 } else { result.append(a[i]); i += 1 }
        }
        result += a[i...]
        result += b[j...]
        return result
    }

    /// The latest full date a set of listings was verified or its data was dated.
    static func newest(_ facilities: [Facility]) -> String? {
        facilities.compactMap(\.newestDate).max()
    }

    /// The most bytes a sitemap file is planned to hold: the protocol allows 50 MB, but readers built on libxml2 without
    /// its "huge" option (Foundation's `XMLParser` among them) refuse a document over 10 MB.
    static let sitemapBytes = 9_000_000

    /// The bytes an entry takes in a sitemap file, near enough to split by: its URLs (an origin of up to 60 bytes
    /// and the path) and the markup around them.
    static func estimatedBytes(_ entry: SitemapEntry, languages: Int) -> Int {
        let path = entry.route.path.utf8.count
        // Each language's alternate and x-default, each about as long as the entry's own URL.
        return 50 + 60 + path + (languages > 1 ? (languages + 1) * (110 + path) : 0)
    }

    /// One `sitemap.xml`, or an index of `sitemap-N.xml` files of at most `limit` URLs and about `sitemapBytes` each.
    static func sitemapPages(_ entries: [SitemapEntry], limit: Int, languages: Int = 1) -> [PageSpec] {
        var chunks: [Range<Int>] = []
        var start = 0, bytes = 0
        for (index, entry) in entries.enumerated() {
            let size = estimatedBytes(entry, languages: languages)
            if index > start, index - start >= limit || bytes + size > sitemapBytes {
                chunks.append(start..<index)
                start = index
                bytes = 0
            }
            bytes += size
        }
        chunks.append(start..<entries.count)
        guard chunks.count > 1 else {
            return [PageSpec(route: Route("/sitemap.xml"), template: "", kind: .sitemap(entries), source: settings)]
        }
        var pages: [PageSpec] = []
        var routes: [Route] = []
        for (number, chunk) in chunks.enumerated() {
            let route = Route("/sitemap-\(number + 1).xml")
            routes.append(route)
            pages.append(PageSpec(route: route, template: "", kind: .sitemap(Array(entries[chunk])), source: settings))
        }
        pages.append(PageSpec(route: Route("/sitemap.xml"), template: "", kind: .sitemapIndex(routes), source: settings))
        return pages
    }

    /// Two pages that would write one output file, among the pages outside the directory and between
    /// them and the directory's (whose own collisions its plan found once).
    static func collisions(_ pages: [PageSpec], directory: DirectoryPlan?) -> [Diagnostic] {
        guard let directory else { return collisions(pages) }
        var diagnostics = directory.collisions
        let own = pages.filter {
            switch $0.kind {
            case .directoryIndex, .state, .facility, .retired: false
            default: true
            }
        }
        diagnostics += collisions(own)
        for page in own {
            guard let other = directory.source(ofFile: page.route.outputFile) else { continue }
            let message = { (with: SourceLocation) in "\(page.route) is written to \(page.route.outputFile), as is the page from \(with)" }
            diagnostics.append(.error(message(other), at: page.source))
            diagnostics.append(.error(message(page.source), at: other))
        }
        return diagnostics
    }

    /// Two pages that would write one output file: an error at each page's source.
    static func collisions(_ pages: [PageSpec]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for group in Dictionary(grouping: pages, by: { $0.route.outputFile }).values where group.count > 1 {
            let sorted = group.sorted { $0.source < $1.source }
            for page in sorted {
                let others = sorted.filter { $0.source != page.source }.map(\.source.description)
                let with = others.isEmpty ? "another page from here" : others.joined(separator: ", ")
                diagnostics.append(.error("\(page.route) is written to \(page.route.outputFile), as is the page from \(with)", at: page.source))
            }
        }
        return diagnostics
    }
}
