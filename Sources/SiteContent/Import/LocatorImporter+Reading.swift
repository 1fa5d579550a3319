public import Foundation
import SiteCore

extension LocatorImporter {
    /// One locator file to import: where it is, and the path diagnostics name it by.
    public struct InputFile: Sendable {
        public let url: URL
        public let displayPath: String

        public init(url: URL, displayPath: String) {
            self.url = url
            self.displayPath = displayPath
        }
    }

    /// What the files of one import hold together: one export, possibly downloaded in parts.
    struct Snapshot {
        var records: [LocatorRecord]
        var source: LocatorSource
        /// The format's kind, which decides what it covers: the 2020 nationwide export covers every state.
        var isNationwide: Bool
    }

    /// Reads every file as a part of one export; nil (with errors in `log`) when a file cannot be read or the
    /// files are not parts of one export (different formats or dates). `status` is 2 for unreadable input.
    func readSnapshot(_ files: [InputFile], date: String?, vocabulary: (states: Set<String>, codes: [ServiceCode]),
                      log: DiagnosticLog, status: inout Int32) -> Snapshot? {
        var parts: [(file: InputFile, snapshot: Snapshot)] = []
        for file in files {
            let at = SourceLocation(path: file.displayPath, line: 1, column: 1)
            guard let data = FileManager.default.contents(atPath: file.url.path) else {
                log.error("cannot read the file", at: at)
                status = 2
                continue
            }
            let part: Snapshot?
            if SpreadsheetTable.isWorkbook(data) {
                guard let table = SpreadsheetTable.read(data, path: file.displayPath, log: log) else {
                    status = 2
                    continue
                }
                part = readTable(table, file: file, vocabulary: vocabulary, log: log, status: &status)
            } else if let text = String(data: data, encoding: .utf8) {
                part = readFile(file, text: text, vocabulary: vocabulary, log: log, status: &status)
            } else {
                log.error("cannot read the file: neither UTF-8 text nor an .xlsx workbook", at: at)
                status = 2
                continue
            }
            guard let part else { continue }
            parts.append((file, part))
        }
        guard status == 0, let first = parts.first else { return nil }
        var failed = false
        for part in parts.dropFirst() where part.snapshot.source.name != first.snapshot.source.name {
            log.error("\(part.file.displayPath) is a \(part.snapshot.source.name), \(first.file.displayPath) a \(first.snapshot.source.name): "
                      + "the files of one import must be parts of one export", at: SourceLocation(path: part.file.displayPath, line: 1, column: 1))
            failed = true
        }
        let source: LocatorSource
        if let date {
            source = LocatorSource(name: first.snapshot.source.name, date: date)
        } else {
            for part in parts.dropFirst() where part.snapshot.source.date != first.snapshot.source.date {
                log.error("\(part.file.displayPath) is of \(part.snapshot.source.date), \(first.file.displayPath) of \(first.snapshot.source.date): "
                          + "the files of one import must be one export (or give --date)", at: SourceLocation(path: part.file.displayPath, line: 1, column: 1))
                failed = true
            }
            source = first.snapshot.source
        }
        if source.date.isEmpty {
            for part in parts {
                log.error("the file's name carries no date (…_YYYY_MM_DD_…): give the day it was downloaded with --date",
                          at: SourceLocation(path: part.file.displayPath, line: 1, column: 1))
            }
            failed = true
        }
        guard !failed else {
            status = max(status, 2)
            return nil
        }
        return Snapshot(records: parts.flatMap(\.snapshot.records), source: source, isNationwide: first.snapshot.isNationwide)
    }

    /// Reads one text file in the format its content shows: JSON (an object or a list), the facility listing's CSV
    /// (its `type_facility` and flag columns), or the 2020 nationwide CSV.
    private func readFile(_ file: InputFile, text: String, vocabulary: (states: Set<String>, codes: [ServiceCode]),
                          log: DiagnosticLog, status: inout Int32) -> Snapshot? {
        let path = file.displayPath
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        let named = Self.date(inFileName: file.url.lastPathComponent)
        if trimmed.first == "{" || trimmed.first == "[" {
            let reader = LocatorJSONReader(path: path, states: vocabulary.states, labels: ServiceLabels(codes: vocabulary.codes))
            guard let records = reader.read(text, log: log) else {
                status = max(status, 1)
                return nil
            }
            // The 2019 API's records carry a frid and are of 2019; the 2026 API's have none, and no date but the file's name.
            let legacy = !records.isEmpty && records.allSatisfy { $0.frid != nil }
            let source = LocatorSource(name: LocatorSource.findTreatmentJSON.name, date: named ?? (legacy ? LocatorSource.findTreatmentJSON.date : ""))
            return Snapshot(records: records, source: source, isNationwide: false)
        }
        return readTable(CSVTable(path: path, text: text), file: file, vocabulary: vocabulary, log: log, status: &status)
    }

    /// Reads a table (a CSV file's, or a workbook's first sheet) as the facility listing or the 2020 nationwide export.
    private func readTable(_ table: CSVTable, file: InputFile, vocabulary: (states: Set<String>, codes: [ServiceCode]),
                           log: DiagnosticLog, status: inout Int32) -> Snapshot? {
        let path = file.displayPath
        let named = Self.date(inFileName: file.url.lastPathComponent)
        guard !table.header.isEmpty, table.header.contains(where: { $0.lowercased() == "name1" }) else {
            log.error("unknown locator format: expected a FindTreatment facility listing (.csv or .xlsx), the 2020 nationwide export (.csv) "
                      + "or a FindTreatment JSON export", at: SourceLocation(path: path, line: 1, column: 1))
            status = 2
            return nil
        }
        if LocatorListingReader.recognises(table.header.map { $0.lowercased() }) {
            guard let records = LocatorListingReader(path: path, states: vocabulary.states, codes: vocabulary.codes).read(table, log: log) else {
                status = max(status, 1)
                return nil
            }
            return Snapshot(records: records, source: LocatorSource(name: LocatorSource.facilityListing, date: named ?? ""), isNationwide: false)
        }
        guard let records = LocatorCSVReader(path: path, states: vocabulary.states).read(table, log: log) else {
            status = max(status, 1)
            return nil
        }
        return Snapshot(records: records, source: LocatorSource.nationwideCSV, isNationwide: true)
    }

    /// `YYYY-MM-DD` from a download's name, `FindTreament_Facility_listing_2025_08_19_150020.csv`; nil without one.
    static func date(inFileName name: String) -> String? {
        let parts = name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).map(String.init)
        for index in parts.indices.dropLast(2) {
            let (year, month, day) = (parts[index], parts[index + 1], parts[index + 2])
            guard year.count == 4, month.count == 2, day.count == 2, [year, month, day].allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
            else { continue }
            let date = "\(year)-\(month)-\(day)"
            if ContentDate(date) != nil { return date }
        }
        return nil
    }
}
