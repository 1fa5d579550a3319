import Crypto
public import Foundation
public import SiteCore
import Yams
import SiteMarkdown

/// `iopsite import samhsa FILE…`: reads the files of one locator export and merges them into `Content/directory/imported/`.
///
/// A record keeps its id and slug once written; a record from another locator file is enriched, not
/// replaced; the whole `imported/` folder is swapped in one step, so a failed import changes nothing.
public struct LocatorImporter: Sendable {
    /// How an import runs.
    public struct Options: Sendable {
        /// Import only this state (USPS code); only its listings can be retired.
        public var state: String?
        /// The day the export was downloaded (`YYYY-MM-DD`); default: the date the format carries.
        public var date: String?
        /// Report, write nothing.
        public var dryRun = false
        /// Retire more than `maximumRetiredShare` of a state's listings of the source.
        public var allowMassRetire = false
        public var maximumRetiredShare = 0.2
        /// The states (USPS codes, or `all`) a search export covers completely: only there can its listings retire.
        /// The 2020 nationwide export covers every state without it.
        public var complete: [String]
        /// What an import does when another is writing `imported/`: wait for it (the default) or fail with exit 2.
        public var lock: FolderLock.Policy

        public init(state: String? = nil, date: String? = nil, dryRun: Bool = false, allowMassRetire: Bool = false, complete: [String] = [],
                    lock: FolderLock.Policy = .wait(announce: nil)) {
            self.lock = lock
            self.state = state
            self.date = date
            self.dryRun = dryRun
            self.allowMassRetire = allowMassRetire
            self.complete = complete
        }
    }

    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    private var folder: URL { root.appendingPathComponent(DirectoryLoader.folder) }

    /// Imports `file`; see `run(files:options:)`.
    public func run(file: URL, displayPath: String, options: Options) -> ImportReport {
        run(files: [InputFile(url: file, displayPath: displayPath)], options: options)
    }

    /// Imports `files` as one export (a national download comes in two or three files) as `options` say: merges
    /// its records, retires the listings of its source that it no longer has in the states it covers completely,
    /// lists again those that come back, and reports it all.
    public func run(files: [InputFile], options: Options) -> ImportReport {
        var report = ImportReport()
        report.dryRun = options.dryRun
        let log = DiagnosticLog()
        // One import at a time, from reading what is imported to writing it back: two would each merge into the
        // same old files and the second would undo the first.
        var held: FolderLock?
        if !options.dryRun {
            do {
                held = try FolderLock.acquire(folder.appendingPathComponent("imported"), purpose: "importing into", policy: options.lock)
            } catch {
                log.error("\(error)", at: SourceLocation(path: "\(DirectoryLoader.folder)/imported", line: 1, column: 1))
                report.exitCode = 2
                report.diagnostics = log.diagnostics
                return report
            }
        }
        defer { held?.release() }
        perform(files: files, options: options, report: &report, log: log)
        report.diagnostics = log.diagnostics.sortedUnique
        return report
    }

    private func perform(files: [InputFile], options: Options, report: inout ImportReport, log: DiagnosticLog) {
        let onlyState = options.state
        let at = SourceLocation(path: files.first?.displayPath ?? "import", line: 1, column: 1)
        if let date = options.date, ContentDate(date) == nil {
            log.error("--date must be a day, YYYY-MM-DD, not '\(date)'", at: at)
            report.exitCode = 2
            return
        }
        let vocabulary = loadVocabulary(log: log)
        guard !vocabulary.states.isEmpty else {
            report.exitCode = 1
            return
        }
        if let onlyState, !vocabulary.states.contains(onlyState) {
            log.error("unknown state '\(onlyState)' for --state", at: at)
            report.exitCode = 2
            return
        }
        let complete = options.complete.map { $0.uppercased() }
        for state in complete where state != "ALL" && !vocabulary.states.contains(state) {
            log.error("unknown state '\(state)' for --complete (a USPS code such as MA, or all)", at: at)
            report.exitCode = 2
        }
        guard report.exitCode == 0 else { return }
        var status: Int32 = 0
        guard let snapshot = readSnapshot(files, date: options.date, vocabulary: vocabulary, log: log, status: &status) else {
            report.exitCode = max(status, 1)
            return
        }
        let source = snapshot.source
        var records = snapshot.records
        if let onlyState { records = records.filter { $0.state == onlyState } }
        report.read = records.count
        report.source = source.name
        report.date = source.date
        // The nationwide export covers every state; any other export, only the states the user says it covers completely.
        var covered = snapshot.isNationwide || complete.contains("ALL") ? vocabulary.states : Set(complete)
        if let onlyState { covered = covered.intersection([onlyState]) }
        report.coverage = covered.sorted()
        if covered.isEmpty, !snapshot.isNationwide {
            report.notes.append("Nothing retired: a search export covers no state completely unless --complete says so "
                                + "(e.g. --complete MA, or --complete all for a whole national download).")
        }
        let coverage = Set(report.coverage)
        records = Self.sites(records, report: &report)
        let byState = Dictionary(grouping: records, by: \.state)
        var changed: [String: [ImportedFacility]] = [:]
        for state in coverage.union(byState.keys).sorted() {
            var existing = loadImported(state: state, log: log)
            let before = existing
            var stateReport = ImportReport.State(code: state)
            stateReport.listedBefore = existing.filter { $0.sources.contains(source.name) && $0.retired.isEmpty }.count
            let present = merge(Self.distinct(byState[state] ?? [], log: log), into: &existing, source: source, report: &stateReport)
            // Only an export complete for the state says a listing missing from it is gone.
            for index in existing.indices where coverage.contains(state) && existing[index].sources.contains(source.name)
                && existing[index].retired.isEmpty && !present.contains(existing[index].id) {
                existing[index].retired = source.date
                stateReport.vanished.append(.init(id: existing[index].id, name: existing[index].name))
            }
            let share = stateReport.listedBefore == 0 ? 0 : Double(stateReport.vanished.count) / Double(stateReport.listedBefore)
            if share > options.maximumRetiredShare, !options.allowMassRetire {
                log.error("the import would retire \(Count.text(stateReport.vanished.count)) of the \(Count.text(stateReport.listedBefore)) listings of \(state) "
                          + "from \(source.name) (\(Int((share * 100).rounded()))%, more than \(Int((options.maximumRetiredShare * 100).rounded()))%): "
                          + "a truncated download looks exactly like this. Check the file, or pass --allow-mass-retire if the centers really closed",
                          at: SourceLocation(path: "\(DirectoryLoader.folder)/imported/\(state.lowercased()).yaml", line: 1, column: 1))
                report.exitCode = 1
            }
            report.states.append(stateReport)
            if existing != before { changed[state] = existing }
        }
        report.statesWritten = changed.count
        guard report.exitCode == 0, !options.dryRun else { return }
        do {
            try write(changed)
        } catch {
            // A file of the staging folder is named as the file of imported/ it was to become.
            let reason = (error as? FileOps.Failure).map {
                "cannot write \(DirectoryLoader.folder)/imported/\(($0.path as NSString).lastPathComponent): \($0.reason)"
            } ?? error.localizedDescription
            log.error("import not written, Content/ is unchanged: \(reason)", at: at)
            report.exitCode = 2
        }
    }

    // MARK: Merging

    /// The id a record gets when it is new: the locator's frid, else a hash of its identity fields.
    static func id(of record: LocatorRecord) -> String {
        record.frid.map { "samhsa:" + $0 } ?? hashID(record)
    }

    /// Drops records that repeat an earlier record's identity (same id) in the same file.
    static func distinct(_ records: [LocatorRecord], log: DiagnosticLog) -> [LocatorRecord] {
        var first: [String: LocatorRecord] = [:]
        return records.filter { record in
            let id = id(of: record)
            if let earlier = first[id] {
                log.warning("row \(record.location.line) skipped: same facility as row \(earlier.location.line) (same name, program, street, city and ZIP)",
                            at: record.location)
                return false
            }
            first[id] = record
            return true
        }
    }

    /// Merges a state's records into its listings; returns the ids of the listings the records are.
    private func merge(_ records: [LocatorRecord], into facilities: inout [ImportedFacility], source: LocatorSource,
                       report: inout ImportReport.State) -> Set<String> {
        var present: Set<String> = []
        var byID: [String: Int] = [:]
        var byKey: [String: Int] = [:]
        var byAddress: [String: [Int]] = [:]
        for (index, facility) in facilities.enumerated() {
            byID[facility.id] = index
            if !facility.frid.isEmpty { byID["samhsa:" + facility.frid] = index }
            // Name, street and ZIP find the same facility in another locator file; within one file, ids do. A listing of
            // another file that took a record of this one without a frid is found the same way again at the next import.
            if !facility.sources.contains(source.name) || facility.sources.count > 1 {
                byKey[Self.matchKey(facility)] = byKey[Self.matchKey(facility)] ?? index
                byAddress[Self.addressKey(street: facility.street1, zip: facility.zip), default: []].append(index)
            }
        }
        var newcomers: [(LocatorRecord, String)] = []
        var claimed: Set<Int> = []
        func take(_ record: LocatorRecord, into index: Int) {
            claimed.insert(index)
            let before = facilities[index]
            facilities[index].absorb(record, source: source)
            present.insert(facilities[index].id)
            let fields = facilities[index].fieldsChanged(from: before)
            if !fields.isEmpty {
                facilities[index].changed = source.date
                report.changed.append(.init(id: before.id, name: facilities[index].name, fields: fields))
            }
            if !before.retired.isEmpty {
                facilities[index].retired = ""
                report.returned.append(.init(id: before.id, name: facilities[index].name))
            } else if fields.isEmpty {
                report.unchanged += 1
            }
        }
        // Ids first, for every record: a record's own listing is never taken by another record's looser match.
        var unmatched: [LocatorRecord] = []
        for record in records {
            if let index = byID[Self.id(of: record)], !claimed.contains(index) {
                take(record, into: index)
            } else {
                unmatched.append(record)
            }
        }
        for record in unmatched {
            // A facility absorbs one record of a file: another program at the same address stays its own listing.
            if let index = byKey[record.matchKey], !claimed.contains(index) {
                take(record, into: index)
            } else if let similar = similarListing(to: record, among: byAddress, in: facilities, claimed: claimed) {
                // Another export's name for the site at this address ("Baker Places" and "Baker Places Inc"): one listing,
                // listed for an editor to check.
                report.unsure.append("\(record.location.path):\(record.location.line): '\(record.name1)' taken as \(facilities[similar].id) "
                                     + "'\(facilities[similar].name)' at the same address")
                take(record, into: similar)
            } else {
                newcomers.append((record, Self.id(of: record)))
            }
        }
        // New facilities get slugs in id order, so a re-import assigns the same ones.
        var taken = Set(facilities.map(\.slug))
        for (record, id) in newcomers.sorted(by: { $0.1 < $1.1 }) {
            var facility = ImportedFacility(id: id, slug: Self.slug(for: record, taken: taken), name: record.name1, street1: record.street1,
                                            city: record.city, zip: record.zip, sources: [], sourceDate: source.date)
            facility.absorb(record, source: source)
            taken.insert(facility.slug)
            facilities.append(facility)
            present.insert(id)
            report.added.append(.init(id: id, name: facility.name))
        }
        facilities.sort { $0.id < $1.id }
        return present
    }

    /// The one listing of another source at `record`'s street and ZIP whose name is similar to its, or nil.
    private func similarListing(to record: LocatorRecord, among byAddress: [String: [Int]], in facilities: [ImportedFacility],
                                claimed: Set<Int>) -> Int? {
        let candidates = (byAddress[Self.addressKey(street: record.street1, zip: record.zip)] ?? []).filter {
            !claimed.contains($0) && Self.similarNames(facilities[$0].name, record.name1)
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    static func addressKey(street: String, zip: String) -> String {
        LocatorRecord.normaliseStreet(street) + "|" + String(zip.prefix(5))
    }

    /// name1 folded to ASCII; on a collision, `-<city>`, then `-2`, `-3`…
    static func slug(for record: LocatorRecord, taken: Set<String>) -> String {
        let base = Slug.make(record.name1).isEmpty ? "facility" : Slug.make(record.name1)
        if !taken.contains(base) { return base }
        let withCity = [base, Slug.make(record.city)].filter { !$0.isEmpty }.joined(separator: "-")
        if !taken.contains(withCity) { return withCity }
        var counter = 2
        while taken.contains("\(withCity)-\(counter)") { counter += 1 }
        return "\(withCity)-\(counter)"
    }

    /// `samhsa:` and the first 12 hex digits of SHA-256 of normalised name1|name2|street1|city|zip5.
    static func hashID(_ record: LocatorRecord) -> String {
        let key = [record.name1, record.name2, record.street1, record.city].map(LocatorRecord.normalise).joined(separator: "|")
            + "|" + String(record.zip.prefix(5))
        let digest = SHA256.hash(data: Data(key.utf8))
        return "samhsa:" + digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// Records are merged state by state, so the key leaves the state out.
    static func matchKey(_ facility: ImportedFacility) -> String {
        LocatorRecord.matchKey(name: facility.name, street: facility.street1, zip: facility.zip)
    }

    // MARK: Files

    private func loadVocabulary(log: DiagnosticLog) -> (states: Set<String>, codes: [ServiceCode]) {
        let loader = DirectoryLoader(exists: { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) },
                                     read: { FileManager.default.contents(atPath: root.appendingPathComponent($0).path).map { String(decoding: $0, as: UTF8.self) } },
                                     list: { _ in [] }, log: log, markdown: .init(), today: nil, maxAgeDays: 365)
        let vocabulary = loader.vocabulary()
        if vocabulary.states.isEmpty {
            log.error("no states: the importer needs \(DirectoryLoader.folder)/_states.csv", at: SourceLocation(path: "\(DirectoryLoader.folder)/_states.csv", line: 1, column: 1))
        }
        return vocabulary
    }

    private func importedURL(_ state: String) -> URL {
        folder.appendingPathComponent("imported/\(state.lowercased()).yaml")
    }

    private func loadImported(state: String, log: DiagnosticLog) -> [ImportedFacility] {
        guard let data = FileManager.default.contents(atPath: importedURL(state).path) else { return [] }
        let path = "\(DirectoryLoader.folder)/imported/\(state.lowercased()).yaml"
        let file = YAMLFile(path: path, text: String(decoding: data, as: UTF8.self), log: log)
        return (file.root?["facilities"]?.sequence.map(Array.init) ?? []).compactMap(ImportedFacility.init)
    }

    static let header = """
        # Written by `iopsite import samhsa`: do not edit. Corrections and additions go in ../<state>.yaml, keyed by id.

        """

    /// Writes the changed state files into a copy of `imported/` and swaps it in.
    private func write(_ changed: [String: [ImportedFacility]]) throws {
        guard !changed.isEmpty else { return }
        let fileManager = FileManager.default
        let imported = folder.appendingPathComponent("imported")
        let staging = folder.appendingPathComponent(".imported-staging")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for name in (try? fileManager.contentsOfDirectory(atPath: imported.path)) ?? [] where !name.hasPrefix(".") {
                try fileManager.linkItem(at: imported.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            }
            for (state, facilities) in changed {
                let target = staging.appendingPathComponent("\(state.lowercased()).yaml")
                try? fileManager.removeItem(at: target)
                let text = Self.header + "facilities:\n" + facilities.map(\.yaml).joined()
                // The system's reason on failure ("No space left on device"), not Foundation's paraphrase of it.
                try Data(text.utf8).withUnsafeBytes { try FileOps.create(target.path, $0) }
            }
            if fileManager.fileExists(atPath: imported.path) {
                try FileSwap.exchange(imported, staging)
                try fileManager.removeItem(at: staging)
            } else {
                try fileManager.moveItem(at: staging, to: imported)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }
}
