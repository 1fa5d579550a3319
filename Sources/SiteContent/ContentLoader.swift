import Foundation
import SiteCore
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
    /// Every file of Content/ is read through it.
    private let reader: SourceFileReader

    public init(root: URL, shortcodes: Set<String>, reservedIDs: Set<String> = [], today: ContentDate? = nil) {
        self.root = root
        self.shortcodes = shortcodes
        self.reservedIDs = reservedIDs
        self.today = today
        reader = SourceFileReader(root: root)
    }

    /// Loads everything and returns all diagnostics, sorted. `content` holds what loaded even when there
    /// are errors, so that checks across files can still report; it is nil only without a usable site.yaml.
    public func load() -> (content: SiteContent?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let config = read("Content/site.yaml", log: log).flatMap { text in
            SiteConfig.read(YAMLFile(path: "Content/site.yaml", text: text, log: log), log: log)
        }
        let options = MarkdownOptions(shortcodes: shortcodes, allowRawHTML: config?.allowRawHTML ?? false,
                                      reservedIDs: reservedIDs)
        var guides: [GuidePage] = []
        for path in files(in: "Content/guide", withExtension: "md") {
            guard let text = read(path, log: log) else { continue }
            if let page = GuidePage.read(path: path, text: text, options: options, siteHasReviewer: config?.declaresReviewer ?? true, log: log) { guides.append(page) }
        }
        let fieldOptions = MarkdownOptions(allowRawHTML: options.allowRawHTML)
        let guideData = GuideData.read(folder: "Content/guide/data", exists: exists, read: { read($0, log: log) },
                                       options: fieldOptions, log: log)
        var bibliography = Bibliography()
        let sourceFiles = ["Content/sources.yaml"] + files(in: "Content/sources", withExtension: "yaml")
            + files(in: "Content/sources", withExtension: "json")
        var firstDefinition: [String: SourceLocation] = [:]
        for path in sourceFiles.sorted() where exists(path) {
            guard var text = read(path, log: log) else { continue }
            // JSON is read as YAML to keep positions; tabs, which JSON allows only as whitespace, become spaces.
            if path.hasSuffix(".json") { text = text.replacingOccurrences(of: "\t", with: " ") }
            for entry in Bibliography.read(YAMLFile(path: path, text: text, log: log), log: log) {
                if let first = firstDefinition[entry.id.value] {
                    log.error("duplicate source id '\(entry.id.value)' (first defined at \(first))", at: entry.id.location)
                    continue
                }
                firstDefinition[entry.id.value] = entry.id.location
                bibliography.entries.append(entry)
            }
            bibliography.paths.append(path)
        }
        let directory = DirectoryLoader(exists: exists, read: { read($0, log: log) }, list: { files(in: $0, withExtension: "yaml").map { String($0.split(separator: "/").last!) } },
                                        log: log, markdown: fieldOptions, today: today,
                                        maxAgeDays: config?.verifiedMaxAgeDays ?? 365).load()
        let diagnostics = log.diagnostics.sortedUnique
        guard let config else { return (nil, diagnostics) }
        return (SiteContent(config: config, guides: guides, bibliography: bibliography, guideData: guideData, directory: directory), diagnostics)
    }

    /// Reads only `Content/site.yaml` (for commands that need the base URL but not the content).
    public func loadConfig() -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let config = read("Content/site.yaml", log: log).flatMap { text in
            SiteConfig.read(YAMLFile(path: "Content/site.yaml", text: text, log: log), log: log)
        }
        return (config, log.diagnostics.sortedUnique)
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

    /// Relative paths of the files with `ext` directly in `folder`, sorted.
    private func files(in folder: String, withExtension ext: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
    }
}
