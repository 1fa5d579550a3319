public import Foundation
public import SiteContent
public import SiteCore
public import SiteTemplates

/// A build that a long-lived process keeps: loading, planning and rendering as steps over values, with
/// every file's parse cached by path and content, and the last good snapshot kept, so that a change
/// re-reads only the files that changed and re-renders exactly the pages that read them.
///
/// Not thread-safe: one step at a time (the watcher's rebuild loop, or one command).
public final class BuildSession: @unchecked Sendable {
    /// What a build is asked for.
    public struct Settings: Sendable {
        public var root: URL
        /// Warnings fail the build.
        public var strict: Bool
        /// Today, for checks that depend on it (the age of directory verifications); never written to the output.
        public var today: ContentDate?
        /// URLs per sitemap file; above it `/sitemap.xml` becomes an index (a parameter so tests can reach it).
        public var sitemapLimit: Int
        /// Whether the session will be asked for later steps (`serve`, `build --watch`): then it indexes
        /// which pages read what. A one-shot build skips that index.
        public var incremental: Bool
        /// Collects where the time goes (`iopsite build --metrics`).
        public var metrics: BuildMetrics?
        /// Whether each rendered page says what it read and where its links come from (for a link check,
        /// or a caller that asks). A build that only writes (`iopsite build`) does not ask, and is spared
        /// collecting them.
        public var describesPages: Bool
        /// What a write does when another process is writing the same output folder: wait (the default) or fail.
        public var outputLock: FolderLock.Policy

        public init(root: URL, strict: Bool = false, today: ContentDate? = nil, sitemapLimit: Int = 50_000, incremental: Bool = true,
                    metrics: BuildMetrics? = nil, describesPages: Bool = true, outputLock: FolderLock.Policy = .wait(announce: nil)) {
            self.outputLock = outputLock
            self.metrics = metrics
            self.describesPages = describesPages
            self.root = root
            self.strict = strict
            self.today = today
            self.sitemapLimit = sitemapLimit
            self.incremental = incremental
        }
    }

    /// Why a step produced no snapshot: problems in content or templates (the CLI's exit 1).
    public struct Failure: Error, Sendable {
        /// Every diagnostic of the step, errors and the rest, sorted.
        public let diagnostics: [Diagnostic]
    }

    /// Content and theme as read, before any check across files.
    public struct Loaded: Sendable {
        public let content: SiteContent?
        public let templates: TemplateLibrary?
        public let diagnostics: [Diagnostic]
        let versions: [String: Int]
    }

    /// A checked site and its pages, ready to render.
    public struct Planned: Sendable {
        public let content: SiteContent
        public let templates: TemplateLibrary
        public let specs: [PageSpec]
        public let diagnostics: [Diagnostic]
        let directory: DirectoryPlan?
        let search: SearchIndex?
        let versions: [String: Int]
        /// The sitemap's entries, made once for the plan's pages and the snapshot.
        let sitemap: [SitemapEntry]
        /// The site in each of its languages.
        let editions: SiteEditions
    }

    public let settings: Settings
    /// Every file's text and parse, kept for the next step; nil in a session of one step (a one-shot build or check),
    /// which has no next step to spare work and would only hold a second copy of every file and record until it exits.
    private let cache: ContentCache?
    private let reader: SourceFileReader
    /// The last snapshot a step produced without errors.
    public private(set) var snapshot: SiteSnapshot?
    /// The last directory plan, reused while the directory's revision is the same.
    private var directoryPlan: DirectoryPlan?
    /// The last search index, reused while the directory's revision and `Content/geo/` are the same.
    private var searchIndex: SearchIndex?
    /// The directory plans of the languages after the first, by code, reused as `directoryPlan` is.
    private var translatedPlans: [String: DirectoryPlan] = [:]
    /// Listings rendered with the current theme, per language (`PageSpec.language`).
    private var fragments: [String: FragmentCache]
    /// The last theme loaded, with what it was loaded from (the versions of Templates/ and the constants).
    private var theme: (key: [String: Int], editions: [TemplateLibrary.Edition], library: TemplateLibrary?, diagnostics: [Diagnostic])?

    public init(_ settings: Settings) {
        self.settings = settings
        cache = settings.incremental ? ContentCache() : nil
        reader = SourceFileReader(root: settings.root, cache: cache?.texts)
        fragments = [:]
    }

    /// The folders whose files are the site's sources.
    public static let sourceFolders = ["Content", "Templates"]

    /// Reads `Content/` and `Templates/`; unchanged files come from the cache.
    public func load() -> Loaded {
        let root = settings.root
        // Versions tell a later step what changed: a session of one step has none.
        let versions = settings.incremental ? settings.metrics.step("versions") { sourceVersions() } : [:]
        let loader = ContentLoader(root: root, shortcodes: Component.shortcodes, guideParts: Component.dataParts, today: settings.today, cache: cache)
        // The templates need the site's base path and languages alone: loaded on another core while the content loads.
        let editions = Self.editions(of: loader.loadConfig().config)
        let themeVersions = versions.filter { $0.key.hasPrefix("Templates/") }
        let loading = loadTheme(versions: themeVersions, editions: editions)
        let loaded = settings.metrics.step("load content") { loader.load() }
        let theme = settings.metrics.step("load templates") { keepTheme(loading.value, versions: themeVersions, editions: editions) }
        return Loaded(content: loaded.content, templates: theme.library, diagnostics: loaded.diagnostics + theme.diagnostics, versions: versions)
    }

    /// The theme, made on another thread; the kept one when no file of Templates/ changed (parsing and checking
    /// every template is most of what a small change would otherwise cost).
    private func loadTheme(versions: [String: Int], editions: [TemplateLibrary.Edition]) -> BackgroundValue<(library: TemplateLibrary?, diagnostics: [Diagnostic])> {
        let kept = theme, root = settings.root, texts = cache?.texts
        return BackgroundValue {
            if let kept, kept.key == versions, kept.editions == editions { return (kept.library, kept.diagnostics) }
            return TemplateLibrary.load(root: root, bindings: SitePlan.bindings, optional: Component.bindings + SitePlan.directoryTemplates,
                                        editions: editions, buildKeys: Words.keys, cache: texts)
        }
    }

    /// The languages the theme is compiled for, each with the links every one of its pages has.
    static func editions(of config: SiteConfig?) -> [TemplateLibrary.Edition] {
        let base = config?.basePath ?? "/"
        return (config?.languages ?? [.english]).map { language in
            TemplateLibrary.Edition(language: language.code, constants: [
                "site.root": base, "site.home": language.home.prefixed(by: base),
                "site.directory": language.directory.prefixed(by: base), "site.search": language.search.prefixed(by: base),
            ])
        }
    }

    /// Keeps a newly loaded theme (and starts its fragments afresh).
    private func keepTheme(_ loaded: (library: TemplateLibrary?, diagnostics: [Diagnostic]), versions: [String: Int],
                           editions: [TemplateLibrary.Edition]) -> (library: TemplateLibrary?, diagnostics: [Diagnostic]) {
        if let theme, theme.key == versions, theme.editions == editions { return loaded }
        theme = (versions, editions, loaded.library, loaded.diagnostics)
        fragments = [:]
        return loaded
    }

    /// Checks across files and plans every page; fails when anything is wrong (warnings too, when strict).
    public func plan(_ loaded: Loaded) -> Result<Planned, Failure> {
        var diagnostics = loaded.diagnostics
        // The checks across files only find problems: they run on another core while the pages are planned, and a
        // build they fail gives their diagnostics alone, as if the plan had not been made.
        let metrics = settings.metrics, templates = loaded.templates
        let validation = loaded.content.map { content in
            BackgroundValue { metrics.step("validate") { SiteValidation.check(content, templates: templates) } }
        }
        guard let content = loaded.content, let templates, !diagnostics.fails(strict: settings.strict) else {
            return .failure(Failure(diagnostics: (diagnostics + (validation?.value ?? [])).sortedUnique))
        }
        var planDiagnostics: [Diagnostic] = []
        let (directory, search, specs, sitemap, editions) = settings.metrics.step("plan") {
            // The search's geography lookups do not depend on the directory: made on the other core meanwhile.
            let lookups = LookupsTask(kept: searchIndex?.lookups, geography: content.geography, needed: !content.directory.isEmpty)
            // The search index needs the listings and the lookups, not the directory's plan: made on another core meanwhile.
            let searching = content.directory.isEmpty ? nil : searchPlan(content.directory, lookups: lookups)
            let directory = plan(content.directory, language: content.config.edition, words: Words(templates.strings))
            let editions = self.editions(content, templates: templates, directory: directory)
            let search = searching?.value
            searchIndex = search ?? searchIndex
            planDiagnostics += search.map(SearchIndex.notes) ?? []
            let sitemap = SitePlan.sitemapEntries(editions, search: search)
            let specs = SitePlan.pages(for: editions, search: search, sitemapLimit: settings.sitemapLimit, sitemap: sitemap)
            planDiagnostics += SitePlan.collisions(specs, editions: editions)
            return (directory, search, specs, sitemap, editions)
        }
        diagnostics += validation?.value ?? []
        guard !diagnostics.fails(strict: settings.strict) else { return .failure(Failure(diagnostics: diagnostics.sortedUnique)) }
        diagnostics = (diagnostics + planDiagnostics).sortedUnique
        guard !diagnostics.fails(strict: settings.strict) else { return .failure(Failure(diagnostics: diagnostics)) }
        return .success(Planned(content: content, templates: templates, specs: specs, diagnostics: diagnostics, directory: directory,
                                search: search, versions: loaded.versions, sitemap: sitemap, editions: editions))
    }

    /// The site in each language of site.yaml: the content as that language shows it, and the directory under its
    /// routes (the default language's plan is `directory`; the others' are kept as it is).
    private func editions(_ content: SiteContent, templates: TemplateLibrary, directory: DirectoryPlan?) -> SiteEditions {
        var editions = [SiteEditions.Edition(language: content.config.edition, content: content, directory: directory)]
        var kept: [String: DirectoryPlan] = [:]
        for language in content.config.languages.dropFirst() {
            var plan: DirectoryPlan?
            if directory != nil {
                let previous = translatedPlans[language.code], words = Words(templates.edition(language.code).strings)
                if content.directory.revision != 0, let previous, previous.revision == content.directory.revision, previous.index.words == words {
                    plan = previous
                } else {
                    plan = DirectoryPlan(content.directory, language: language, words: words, reusing: previous)
                }
                kept[language.code] = plan
            }
            editions.append(SiteEditions.Edition(language: language, content: content.localized(language.code), directory: plan))
        }
        translatedPlans = kept
        return SiteEditions(editions: editions)
    }

    /// The directory's plan: the kept one when the directory is the same revision, else a new one.
    /// Its words are the default language's (the theme's table, or English): a plan of other words is made again.
    private func plan(_ directory: Directory, language: SiteLanguage, words: Words) -> DirectoryPlan? {
        guard !directory.isEmpty else { return nil }
        if directory.revision != 0, let kept = directoryPlan, kept.revision == directory.revision, kept.index.words == words { return kept }
        let plan = DirectoryPlan(directory, language: language, words: words, reusing: directoryPlan)
        directoryPlan = plan
        return plan
    }

    /// The search index, made on another thread: the kept one while the directory's revision and the geography are the same.
    private func searchPlan(_ directory: Directory, lookups: LookupsTask) -> BackgroundValue<SearchIndex> {
        let kept = searchIndex
        return BackgroundValue {
            let lookups = lookups.value
            if directory.revision != 0, let kept, kept.revision == directory.revision, kept.geography == lookups.geography { return kept }
            return SearchIndex(facilities: directory.facilities, lookups: lookups, revision: directory.revision, reusing: kept)
        }
    }

    /// Renders the planned site: every page, or, given the snapshot it follows, only the pages whose
    /// recorded inputs changed and the new ones. The change lists the output files that differ.
    /// The previous snapshot is consumed: its pages move into the next one rather than being copied.
    public func render(_ planned: Planned, after previous: consuming SiteSnapshot?) -> (SiteSnapshot, SiteChange) {
        if let directory = planned.directory, directory.revision != previous?.directory?.revision {
            for cache in fragments.values { cache.keep(only: directory.index.directory.facilities) }
        }
        let renderer = renderer(for: planned)
        var next = SiteSnapshot(content: planned.content, templates: planned.templates, directory: planned.directory, specs: planned.specs,
                                pages: PageTable(), diagnostics: planned.diagnostics, versions: planned.versions,
                                groups: [.guides: planned.editions.editions.flatMap { $0.content.guides.map(\.path) }, .search: planned.search?.layout ?? [],
                                         .searchNames: planned.search?.names ?? []],
                                sitemap: planned.sitemap)
        var change = SiteChange()
        let stale: Set<Route>
        let oldAssets = Dictionary((previous?.assets ?? []).map { ($0.path, $0.data) }) { first, _ in first }
        var previousSpecs: [PageSpec]?
        // A session of one step keeps no versions to compare: were it asked for another, every page renders again.
        if settings.incremental, var previous = previous.take() {
            change.files = Self.changedFiles(previous.versions, next.versions)
            stale = settings.metrics.step("stale pages") { Self.stalePages(previous: previous, next: next, files: change.files) }
            swap(&next.pages, &previous.pages)
            swap(&next.dependents, &previous.dependents)
            previousSpecs = previous.specs
            // What is left of it (the content and plan it was made from) is freed on another thread: letting go of
            // 14,000 listings' values one by one is no part of the editor's wait.
            DispatchQueue.global(qos: .utility).async { [previous] in withExtendedLifetime(previous) {} }
        } else {
            stale = Set(planned.specs.map(\.route))
        }
        let (due, new) = Self.due(planned.specs, previous: previousSpecs, kept: next.pages, stale: stale)
        // Each page is compared with the one it replaces on the core that rendered it (after a layout edit, 15,000
        // sets of reads and pages of text), not one by one afterwards. The old pages are let go before `next`
        // changes, so that its dictionary is not copied.
        // After an edit of templates only, a page whose view read none of them is its new template run on its kept view.
        let editedTemplates = Self.editedTemplates(change.files)
        let pages = settings.metrics.step("render") { [pages = next.pages] in
            ParallelMap.map(due) { spec -> (page: RenderedPage, sameReads: Bool, sameHTML: Bool) in
                let old = pages[spec.route]
                var kept: RenderedPage?
                if let old, let editedTemplates { kept = renderer.rerender(old, afterEditing: editedTemplates) }
                let page = kept ?? renderer.render(spec)
                return (page, old.map { $0.dependencies == page.dependencies } ?? false, old.map { $0.html == page.html } ?? false)
            }
        }
        settings.metrics.step("record changes") {
            // Pages of routes the plan no longer has: only when the kept pages outnumber the planned routes they hold.
            if next.pages.count > planned.specs.count - new {
                let routes = Set(planned.specs.map(\.route))
                for route in Array(next.pages.keys) where !routes.contains(route) {
                    next.unindex(next.pages[route]!)
                    next.pages[route] = nil
                    change.removed.append(route.outputFile)
                    change.routes.append(route)
                }
            }
            for (page, sameReads, sameHTML) in pages {
                // A page that read the same things as before (every page, after a layout edit) keeps its entries
                // in the index: comparing its reads costs a fraction of moving them.
                if !sameReads {
                    if let old = next.pages[page.route] { next.unindex(old) }
                    if settings.incremental { next.index(page) }
                }
                next.pages[page.route] = page
                change.rendered.append(page.route)
                if !sameHTML {
                    change.written.append(page.file)
                    change.routes.append(page.route)
                }
            }
            let newAssets = Set(planned.templates.assets.map(\.path))
            change.written += planned.templates.assets.filter { oldAssets[$0.path] != $0.data }.map(\.path)
            change.removed += oldAssets.keys.filter { !newAssets.contains($0) }
            change.written.sort()
            change.removed.sort()
            change.rendered.sort()
            change.routes.sort()
        }
        return (next, change)
    }

    func renderer(for planned: Planned) -> PageRenderer {
        for edition in planned.editions.editions where fragments[edition.code] == nil {
            fragments[edition.code] = FragmentCache(keeps: settings.incremental)
        }
        return PageRenderer.forEditions(planned.editions, templates: planned.templates, search: planned.search, fragments: fragments,
                                        metrics: settings.metrics, recordsReads: settings.incremental || settings.describesPages,
                                        keepsLinks: settings.describesPages, keepsViews: settings.incremental)!
    }

    /// The pages to render, in route order, and how many of them are new: each planned page that has no page kept, and
    /// the stale ones. When the plan has the previous plan's routes (any edit that adds or removes no page), the stale
    /// routes are found in it by binary search, rather than every planned route looked up.
    static func due(_ specs: [PageSpec], previous: [PageSpec]?, kept: PageTable, stale: Set<Route>) -> (due: [PageSpec], new: Int) {
        if let previous, previous.count == specs.count, zip(previous, specs).allSatisfy({ $0 === $1 || $0.route == $1.route }) {
            // Many stale pages (a template edit): one pass over the plan beats sorting them.
            guard stale.count * 8 < specs.count else { return (specs.filter { stale.contains($0.route) }, 0) }
            var due: [PageSpec] = []
            for route in stale.sorted() {
                var low = 0, high = specs.count
                while low < high {
                    let middle = (low + high) / 2
                    if specs[middle].route < route { low = middle + 1 } else { high = middle }
                }
                if low < specs.count, specs[low].route == route { due.append(specs[low]) }
            }
            return (due, 0)
        }
        var new = 0
        let due = specs.filter { spec in
            if kept[spec.route] == nil { new += 1; return true }
            return stale.contains(spec.route)
        }
        return (due, new)
    }

    /// The changed files as dependencies when every one is a template (not an asset), else nil.
    static func editedTemplates(_ files: [String]) -> Set<Dependency>? {
        guard !files.isEmpty, files.allSatisfy({ $0.hasPrefix("Templates/") && $0.hasSuffix(".mustache") && !$0.dropFirst(10).contains("/") })
        else { return nil }
        return Set(files.map(Dependency.file))
    }

    /// Loads, plans and renders after the last good snapshot, and keeps the result when it succeeded.
    /// On failure the last good snapshot stays (a dev server keeps serving it).
    public func update() -> Result<(SiteSnapshot, SiteChange), Failure> {
        switch plan(load()) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let planned):
            let (next, change) = render(planned, after: snapshot.take())
            snapshot = next
            return .success((next, change))
        }
    }

    /// The version of every file under the source folders.
    private func sourceVersions() -> [String: Int] {
        let paths = Self.sourceFolders.flatMap { folder in
            FileTree.entries(under: settings.root.appendingPathComponent(folder).path).filter { $0.kind != .folder }.map { folder + "/" + $0.path }
        }
        // Read on every core (a version reads the file, which loading then takes from the cache), the state files first.
        let reader = reader
        let versions = ParallelMap.map(paths, costliestFirst: { $0.hasPrefix("Content/directory/") ? 1 : 0 }) { reader.version($0) }
        return Dictionary(zip(paths, versions)) { first, _ in first }
    }

    static func changedFiles(_ old: [String: Int], _ new: [String: Int]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    /// The pages that read something that changed: a changed file, a listing whose value changed, or a
    /// set of listings whose members changed.
    static func stalePages(previous: SiteSnapshot, next: SiteSnapshot, files: [String]) -> Set<Route> {
        var changed = files.map(Dependency.file)
        let before = previous.directory, after = next.directory
        if before?.revision != after?.revision || before?.revision == 0 {
            // Only the states whose listings are not the very same values can hold a change.
            let codes = Set((before?.parts ?? [:]).keys).union((after?.parts ?? [:]).keys)
            for code in codes {
                let old = before?.parts[code], new = after?.parts[code]
                if let old, let new, old.isSame(as: new) { continue }
                let oldListings = old?.listings ?? [:], newListings = new?.listings ?? [:]
                for id in Set(oldListings.keys).union(newListings.keys) where oldListings[id] != newListings[id] { changed.append(.listing(id)) }
                let oldGroups = old?.groups ?? [:], newGroups = new?.groups ?? [:]
                for name in Set(oldGroups.keys).union(newGroups.keys) where oldGroups[name] != newGroups[name] { changed.append(.group(name)) }
            }
            let oldGroups = before?.groups ?? [:], newGroups = after?.groups ?? [:]
            for name in Set(oldGroups.keys).union(newGroups.keys) where oldGroups[name] != newGroups[name] { changed.append(.group(name)) }
        }
        for name in Set(previous.groups.keys).union(next.groups.keys) where previous.groups[name] != next.groups[name] {
            changed.append(.group(name))
        }
        if previous.sitemap != next.sitemap { changed.append(.group(.sitemap)) }
        var stale: Set<Route> = []
        for dependency in changed { stale.formUnion(previous.dependents[dependency] ?? []) }
        return stale
    }
}
