import Dispatch
import SiteCore
package import SiteMarkdown
import Yams

/// Reads `Content/directory/`: the states, the codebook, imported listings and editors' overrides.
package struct DirectoryLoader {
    package static let folder = "Content/directory"

    let exists: (String) -> Bool
    let read: (String) -> String?
    let list: (String) -> [String]
    let log: DiagnosticLog
    let markdown: MarkdownOptions
    /// Today, for the age of `verified` dates; nil skips that check.
    let today: ContentDate?
    let maxAgeDays: Int
    /// Parses a state file, through a long-lived process's cache when it has one.
    var parse: @Sendable (_ path: String, _ text: String, _ log: DiagnosticLog, _ make: (DiagnosticLog) -> [FacilityRecord]) -> [FacilityRecord]
        = { _, _, log, make in make(log) }
    /// Merges one state's files, through the cache when there is one (keyed by the files' texts).
    var mergeState: @Sendable (_ state: String, _ texts: [String], _ log: DiagnosticLog, _ make: (DiagnosticLog) -> StateMerge) -> StateMerge
        = { _, _, log, make in make(log) }
    /// Each record of an imported file made a listing on its own (before any editor's override), through the cache
    /// when there is one (keyed by the file's text): an edit of the editor's file of a state then keeps the very
    /// same listing values for every record it does not override.
    var completeImported: @Sendable (_ path: String, _ text: String, _ make: () -> [CompletedRecord]) -> [CompletedRecord]
        = { _, _, make in make() }

    package func load() -> Directory {
        let folder = Self.folder
        guard exists("\(folder)/_states.csv") else { return Directory() }
        var directory = Directory()
        directory.states = readStates("\(folder)/_states.csv")
        directory.codes = exists("\(folder)/_service-codes.csv") ? readCodes("\(folder)/_service-codes.csv") : []
        directory.paths = ["\(folder)/_states.csv", "\(folder)/_service-codes.csv"].filter(exists)
        let vocabulary = FacilityVocabulary(codes: Dictionary(directory.codes.map { ($0.code, $0) }) { a, _ in a },
                                            states: Set(directory.states.map(\.code)), markdown: markdown)
        let importedPaths = list("\(folder)/imported").filter { $0.hasSuffix(".yaml") }.map { "\(folder)/imported/\($0)" }
        let overridePaths = list(folder).filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("_") }.map { "\(folder)/\($0)" }
        directory.paths += importedPaths + overridePaths
        let imported = readFiles(importedPaths, vocabulary: vocabulary, states: directory.states)
        let overrides = readFiles(overridePaths, vocabulary: vocabulary, states: directory.states)
        let all = merge(imported: imported, overrides: overrides, states: directory.states)
        // The records are let go on another thread: freeing ten thousand of them, field by field, is no part of the wait.
        DispatchQueue.global(qos: .userInitiated).async { withExtendedLifetime((imported, overrides)) {} }
        // Most directories retire nothing: then the listings are the merge's array itself, not a copy of it.
        let anyRetired = all.contains(where: \.isRetired)
        directory.facilities = anyRetired ? all.filter { !$0.isRetired } : all
        directory.retired = anyRetired ? all.filter(\.isRetired) : []
        return directory
    }

    /// The state codes and the codebook alone, for the importer.
    package func vocabulary() -> (states: Set<String>, codes: [ServiceCode]) {
        let folder = Self.folder
        guard exists("\(folder)/_states.csv") else { return ([], []) }
        let codes = exists("\(folder)/_service-codes.csv") ? readCodes("\(folder)/_service-codes.csv") : []
        return (Set(readStates("\(folder)/_states.csv").map(\.code)), codes)
    }

    private func readStates(_ path: String) -> [StateInfo] {
        guard let text = read(path) else { return [] }
        let table = CSVTable(path: path, text: text)
        guard table.require(["code", "name", "fips", "slug", "tile_row", "tile_col"], log: log) else { return [] }
        return table.readableRows(log: log).compactMap { row in
            guard let code = table.value("code", in: row), let name = table.value("name", in: row),
                  let fips = table.value("fips", in: row), let slug = table.value("slug", in: row),
                  let rowText = table.value("tile_row", in: row), let columnText = table.value("tile_col", in: row) else { return nil }
            guard let tileRow = Int(rowText.value), let tileColumn = Int(columnText.value) else {
                log.error("tile_row and tile_col must be whole numbers", at: rowText.location)
                return nil
            }
            return StateInfo(code: code.value, name: name.value, fips: fips.value, slug: slug.value, tileRow: tileRow, tileColumn: tileColumn,
                             location: slug.location)
        }
    }

    private func readCodes(_ path: String) -> [ServiceCode] {
        guard let text = read(path) else { return [] }
        let table = CSVTable(path: path, text: text)
        guard table.require(["code", "category", "label"], log: log) else { return [] }
        return table.readableRows(log: log).compactMap { row in
            guard let code = table.value("code", in: row), let category = table.value("category", in: row),
                  let label = table.value("label", in: row) else { return nil }
            return ServiceCode(code: code.value, category: category.value, label: label.value)
        }
    }

    /// Reads state files in parallel (parsing YAML is most of a build's loading time), in path order.
    private func readFiles(_ paths: [String], vocabulary: FacilityVocabulary, states: [StateInfo]) -> [StateFile] {
        let texts = paths.map { (path: $0, text: read($0)) }
        let parse = parse
        let results = ParallelMap.map(texts, costliestFirst: { $0.text?.utf8.count ?? 0 }) { file -> (StateFile, [Diagnostic]) in
            let fileLog = DiagnosticLog()
            let read = { (log: DiagnosticLog) in Self.readFile(file.path, text: file.text, vocabulary: vocabulary, states: states, log: log) }
            let records = file.text.map { parse(file.path, $0, fileLog, read) } ?? read(fileLog)
            return (StateFile(path: file.path, text: file.text, records: records), fileLog.diagnostics)
        }
        for result in results { log.append(contentsOf: result.1) }
        return results.map(\.0)
    }

    /// A state file: `facilities:`, a list of entries. Its name (`va.yaml`) names the state.
    private static func readFile(_ path: String, text: String?, vocabulary: FacilityVocabulary, states: [StateInfo],
                                 log: DiagnosticLog) -> [FacilityRecord] {
        let base = String(path.split(separator: "/").last!.dropLast(".yaml".count))
        guard let state = states.first(where: { $0.code.lowercased() == base }) else {
            log.error("unknown state '\(base)': a state file is named by its lowercase USPS code (e.g. va.yaml)",
                      at: SourceLocation(path: path, line: 1, column: 1))
            return []
        }
        guard let text else { return [] }
        // The importer's layout is read from the bytes; any other file (an editor's, with Markdown blocks) by Yams.
        // Each entry is read as the scanner finishes it, into a log of the scan's own: a file the scanner gives up on
        // part way goes to Yams whole, and the records and diagnostics made of it before are dropped.
        let scanLog = DiagnosticLog()
        var records: [FacilityRecord] = []
        if StateFileScanner.scan(text, path: path, log: scanLog, each: { records.append(readEntry($0, state: state, vocabulary: vocabulary)) }) {
            log.append(contentsOf: scanLog.diagnostics)
            return records
        }
        let file = YAMLFile(path: path, text: text, log: log)
        guard let root = file.root, let map = YAMLMapping(root, in: file, what: "state file", log: log) else { return [] }
        let entries = map.items("facilities", what: "facility")
        map.finish()
        return entries.map { readEntry($0, state: state, vocabulary: vocabulary) }
    }

    private static func readEntry<Fields: FieldReading>(_ entry: Fields, state: StateInfo, vocabulary: FacilityVocabulary) -> FacilityRecord {
        FacilityRecord.read(entry, vocabulary: vocabulary, fileState: state.code)
    }
}

extension DirectoryLoader {
    /// A loader without a long-lived process's caches (the fuzz targets' and one-off readers').
    package init(exists: @escaping (String) -> Bool, read: @escaping (String) -> String?, list: @escaping (String) -> [String], log: DiagnosticLog,
                 markdown: MarkdownOptions, today: ContentDate?, maxAgeDays: Int) {
        self.exists = exists
        self.read = read
        self.list = list
        self.log = log
        self.markdown = markdown
        self.today = today
        self.maxAgeDays = maxAgeDays
    }
}
