public import Foundation
public import SiteCore
import SiteMarkdown

/// Reads and validates `Content/` under a site root. The only reader of Content/.
public struct ContentLoader: Sendable {
    public let root: URL
    /// The shortcodes guide pages may place.
    public let shortcodes: Set<String>
    /// Ids the guide template uses itself, which headings must not take.
    public let reservedIDs: Set<String>
    /// Today's date, injected (never read from a clock here), for the age of directory verifications.
    public let today: ContentDate?
    /// The data files of `Content/guide/data/` the site's components show.
    public let guideParts: [GuideData.Part]
    /// Kept between loads by a long-lived process; nil reads and parses everything.
    public let cache: ContentCache?
    /// Every file of Content/ is read through it.
    private let reader: SourceFileReader

    public init(root: URL, shortcodes: Set<String>, guideParts: [GuideData.Part] = GuideData.Part.allCases, reservedIDs: Set<String> = [],
                today: ContentDate? = nil, cache: ContentCache? = nil) {
        self.root = root
        self.shortcodes = shortcodes
        self.guideParts = guideParts
        self.reservedIDs = reservedIDs
        self.today = today
        self.cache = cache
        reader = SourceFileReader(root: root, cache: cache?.texts)
    }

    /// Loads everything and returns all diagnostics, sorted. `content` holds what loaded even when there
    /// are errors, so that checks across files can still report; it is nil only without a usable site.yaml.
    public func load() -> (content: SiteContent?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        // The geography depends on nothing else: its 40,000 rows are read on another core meanwhile.
        let geography = BackgroundValue { [self] in
            let log = DiagnosticLog()
            return (loadGeography(log: log), log.diagnostics)
        }
        let config = read("Content/site.yaml", log: log).flatMap { text in
            parse(\.settings, "Content/site.yaml", text: text, context: "", log: log) { log in
                SiteConfig.read(YAMLFile(path: "Content/site.yaml", text: text, log: log), log: log)
            }
        }
        let options = MarkdownOptions(shortcodes: shortcodes, allowRawHTML: config?.allowRawHTML ?? false,
                                      reservedIDs: reservedIDs)
        // The guide, its data and the sources depend on the configuration alone: read on another core while the
        // directory loads (on every core), instead of on one while the other waits.
        let guidePart = BackgroundValue { [self] in
            let log = DiagnosticLog()
            let (guides, guideData, bibliography) = loadGuide(config: config, options: options, log: log)
            return (guides, guideData, bibliography, log.diagnostics)
        }
        let fieldOptions = MarkdownOptions(allowRawHTML: options.allowRawHTML)
        // A listing's description is only rendered whole and asked for its links and citations: a simple one is kept as HTML.
        var descriptionOptions = fieldOptions
        descriptionOptions.prerendersSimpleText = true
        let directory = loadDirectory(markdown: descriptionOptions, maxAgeDays: config?.verifiedMaxAgeDays ?? 365, log: log)
        let (guides, guideData, bibliography, guideDiagnostics) = guidePart.value
        log.append(contentsOf: guideDiagnostics)
        log.append(contentsOf: geography.value.1)
        var translations: [String: SiteContent.Translation] = [:]
        for language in (config?.languages ?? []).dropFirst() {
            translations[language.code] = loadTranslation(language, originals: guides, config: config, options: options, log: log)
        }
        let diagnostics = log.diagnostics.sortedUnique
        guard let config else { return (nil, diagnostics) }
        var content = SiteContent(config: config, guides: guides, bibliography: bibliography, guideData: guideData, directory: directory,
                                  geography: geography.value.0)
        content.translations = translations
        return (content, diagnostics)
    }

    /// The guide's pages, its structured data and the bibliography.
    private func loadGuide(config: SiteConfig?, options: MarkdownOptions, log: DiagnosticLog) -> ([GuidePage], GuideData, Bibliography) {
        var guides: [GuidePage] = []
        for path in files(in: "Content/guide", withExtension: "md") {
            guard let text = read(path, log: log) else { continue }
            let hasReviewer = config?.declaresReviewer ?? true
            let context = "\(options.shortcodes.sorted()) \(options.allowRawHTML) \(options.reservedIDs.sorted()) \(hasReviewer)"
            if let page = parse(\.guides, path, text: text, context: context, log: log, {
                GuidePage.read(path: path, text: text, options: options, siteHasReviewer: hasReviewer, log: $0)
            }) { guides.append(page) }
        }
        let fieldOptions = MarkdownOptions(allowRawHTML: options.allowRawHTML)
        let fieldContext = "\(fieldOptions.allowRawHTML)"
        let guideData = GuideData.read(parts: guideParts, exists: exists, read: { read($0, log: log) }, options: fieldOptions, log: log,
                                       parse: { path, text, log, make in parse(\.guideData, path, text: text, context: fieldContext, log: log, make) })
        var bibliography = Bibliography()
        let sourceFiles = ["Content/sources.yaml"] + files(in: "Content/sources", withExtension: "yaml")
            + files(in: "Content/sources", withExtension: "json")
        var firstDefinition: [String: SourceLocation] = [:]
        for path in sourceFiles.sorted() where exists(path) {
            guard var text = read(path, log: log) else { continue }
            // JSON is read as YAML to keep positions; tabs, which JSON allows only as whitespace, become spaces.
            if path.hasSuffix(".json") { text = text.replacingOccurrences(of: "\t", with: " ") }
            let entries = parse(\.sources, path, text: text, context: "", log: log) { log in Bibliography.read(YAMLFile(path: path, text: text, log: log), log: log) }
            for entry in entries {
                if let first = firstDefinition[entry.id.value] {
                    log.error("duplicate source id '\(entry.id.value)' (first defined at \(first))", at: entry.id.location)
                    continue
                }
                firstDefinition[entry.id.value] = entry.id.location
                bibliography.entries.append(entry)
            }
            bibliography.paths.append(path)
        }
        return (guides, guideData, bibliography)
    }

    /// A language's guides, `Content/guide/<code>/*.md`, each named as the guide it translates, and its data,
    /// `Content/guide/<code>/data/` (a part it lacks is the default language's).
    private func loadTranslation(_ language: SiteLanguage, originals: [GuidePage], config: SiteConfig?, options: MarkdownOptions,
                                 log: DiagnosticLog) -> SiteContent.Translation {
        let folder = "Content/guide/\(language.code)"
        var guides: [GuidePage] = []
        let hasReviewer = config?.declaresReviewer ?? true
        let context = "\(options.shortcodes.sorted()) \(options.allowRawHTML) \(options.reservedIDs.sorted()) \(hasReviewer) translation"
        for path in files(in: folder, withExtension: "md") {
            guard let text = read(path, log: log) else { continue }
            guard var page = parse(\.guides, path, text: text, context: context, log: log, {
                GuidePage.read(path: path, text: text, options: options, siteHasReviewer: hasReviewer, translation: true, log: $0)
            }) else { continue }
            page.prefix = language.prefix
            if !originals.contains(where: { $0.fileName == page.fileName }) {
                let names = originals.map(\.fileName).joined(separator: ", ")
                log.error("a translation is named as the guide it translates, and Content/guide/ has no '\(page.fileName)' (it has: \(names))",
                          at: SourceLocation(path: path, line: 1, column: 1))
            }
            guides.append(page)
        }
        let fieldOptions = MarkdownOptions(allowRawHTML: options.allowRawHTML)
        let fieldContext = "\(fieldOptions.allowRawHTML)"
        let data = GuideData.read(parts: guideParts, folders: ["\(folder)/data", GuideData.folder], exists: exists, read: { read($0, log: log) },
                                  options: fieldOptions, log: log,
                                  parse: { path, text, log, make in parse(\.guideData, path, text: text, context: fieldContext, log: log, make) })
        return SiteContent.Translation(guides: guides, guideData: data)
    }

    /// Reads only `Content/site.yaml` (for commands that need the base URL but not the content).
    public func loadConfig() -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        // Through the cache, as `load` reads it: a build that asks for both parses the file once.
        let config = read("Content/site.yaml", log: log).flatMap { text in
            parse(\.settings, "Content/site.yaml", text: text, context: "", log: log) { log in
                SiteConfig.read(YAMLFile(path: "Content/site.yaml", text: text, log: log), log: log)
            }
        }
        return (config, log.diagnostics.sortedUnique)
    }

    /// The directory; with a cache, reused whole when none of its files changed, and otherwise rebuilt
    /// from the state files' cached parses, so an edit re-parses only the file edited.
    private func loadDirectory(markdown: MarkdownOptions, maxAgeDays: Int, log: DiagnosticLog) -> Directory {
        // An import swaps imported/ whole while holding its lock; read under a share of that lock, the directory is all
        // of one import, never the files of two.
        let reading = FolderLock.share(root.appendingPathComponent("\(DirectoryLoader.folder)/imported"))
        defer { reading?.release() }
        let list = { (folder: String) in files(in: folder, withExtension: "yaml").map { String($0.split(separator: "/").last!) } }
        let paths = (["_states.csv", "_service-codes.csv"] + list(DirectoryLoader.folder)).map { "\(DirectoryLoader.folder)/\($0)" }
            + list("\(DirectoryLoader.folder)/imported").map { "\(DirectoryLoader.folder)/imported/\($0)" }
        guard let cache else {
            // The files are read on every core at once, the largest first (reading and checking the text of a large
            // directory is much of loading it), and each is handed to the loader when it asks, a problem reported then.
            let reader = reader, root = root
            let found = paths.filter(exists)
            let results = ParallelMap.map(found, costliestFirst: { Self.size(of: root.appendingPathComponent($0).path) }) { reader.text($0) }
            let texts = Dictionary(zip(found, results)) { first, _ in first }
            let read = { (path: String) -> String? in
                switch texts[path] ?? reader.text(path) {
                case .success(let text): return text
                case .failure(let problem): log.append(contentsOf: [problem]); return nil
                }
            }
            return DirectoryLoader(exists: exists, read: read, list: list, log: log, markdown: markdown, today: today, maxAgeDays: maxAgeDays).load()
        }
        let context = "\(markdown.allowRawHTML) \(today?.description ?? "") \(maxAgeDays)"
        var texts: [String: String] = [:]
        let stageLog = DiagnosticLog()
        for path in paths where exists(path) { texts[path] = read(path, log: stageLog) ?? "" }
        if let stage = cache.directory(texts: texts, context: context) {
            log.append(contentsOf: stage.diagnostics)
            return stage.directory
        }
        let parseContext = context + [texts["\(DirectoryLoader.folder)/_states.csv"], texts["\(DirectoryLoader.folder)/_service-codes.csv"]]
            .map { $0 ?? "" }.joined(separator: "\u{0}")
        let loader = DirectoryLoader(exists: exists, read: { read($0, log: stageLog) }, list: list, log: stageLog, markdown: markdown,
                                     today: today, maxAgeDays: maxAgeDays,
                                     parse: { path, text, log, make in cache.stateFiles.value(path, from: [text], context: parseContext, log: log, make) },
                                     mergeState: { state, texts, log, make in cache.stateMerges.value(state, from: texts, context: parseContext, log: log, make) },
                                     completeImported: { path, text, make in
                                         cache.completedImports.value(path, from: [text], context: parseContext, log: DiagnosticLog()) { _ in make() }
                                     })
        let loaded = loader.load()
        let diagnostics = stageLog.diagnostics
        let directory = cache.keep(.init(texts: texts, context: context, directory: loaded, diagnostics: diagnostics))
        log.append(contentsOf: diagnostics)
        return directory
    }

    /// The ZIP code and place tables of `Content/geo/`, each optional. With a cache, the whole value is kept
    /// while neither file changes: a rebuild neither sorts nor indexes 43,000 ZIP codes again, and the
    /// session sees the very same value (so telling that it did not change is cheap).
    private func loadGeography(log: DiagnosticLog) -> Geography {
        let zipText = exists(Geography.zipFile) ? read(Geography.zipFile, log: log) : nil
        let placesText = exists(Geography.placesFile) ? read(Geography.placesFile, log: log) : nil
        let make = { (log: DiagnosticLog) in
            Geography(zipCodes: zipText.map { Geography.readZIPCodes(path: Geography.zipFile, text: $0, log: log) } ?? [],
                      places: placesText.map { Geography.readPlaces(path: Geography.placesFile, text: $0, log: log) } ?? [],
                      paths: [zipText.map { _ in Geography.zipFile }, placesText.map { _ in Geography.placesFile }].compactMap { $0 })
        }
        guard let cache else { return make(log) }
        return cache.geography.value(Geography.zipFile, from: [zipText ?? "\u{0}", placesText ?? "\u{0}"], context: "", log: log, make)
    }

    /// Parses through the cache when there is one.
    private func parse<Value>(_ kind: KeyPath<ContentCache, DerivedValues<Value>>, _ path: String, text: String, context: String, log: DiagnosticLog,
                              _ make: (DiagnosticLog) -> Value) -> Value {
        guard let cache else { return make(log) }
        return cache[keyPath: kind].value(path, from: [text], context: context, log: log, make)
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// The text of a file under the root, checked by `SourceFileReader` (no link out of the root, the size
    /// limit, UTF-8, no NUL; line ends normalised to `\n`); nil after reporting a problem.
    private func read(_ path: String, log: DiagnosticLog) -> String? {
        switch reader.text(path) {
        case .success(let text): return text
        case .failure(let problem): log.append(contentsOf: [problem]); return nil
        }
    }

    /// The size of the file at a full path in bytes; 0 when it cannot be examined.
    private static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Relative paths of the files with `ext` directly in `folder`, sorted.
    private func files(in folder: String, withExtension ext: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
    }
}
