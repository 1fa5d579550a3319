import Foundation
import SiteCore
import SiteContent
import SiteMarkdown

extension FuzzTarget {
    /// The importer's readers of SAMHSA's exports, and the search's tables of places.
    public static let locator = FuzzTarget(
        name: "locator",
        summary: "An export or table read by its reader, " + LocatorCheck.Reader.menu + ". Every diagnostic lies inside the file, and so does every record's line.",
        check: LocatorCheck.problems)
}

/// The locator target's checks.
enum LocatorCheck {
    enum Reader: Int, ReaderChoice {
        case nationwideCSV, locatorJSON, zipCodes, places
    }

    static let path = "exports/fuzzed"
    /// Every state code of `Content/directory/_states.csv`, so that rows of any state reach the reader's later checks.
    static let states: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA",
        "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX",
        "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR",
    ]
    static let codes = DirectoryLoader(
        exists: { DirectoryFixture.files[$0] != nil }, read: { DirectoryFixture.files[$0] }, list: { _ in [] }, log: DiagnosticLog(),
        markdown: .init(), today: nil, maxAgeDays: 365).vocabulary().codes
    static let labels = ServiceLabels(codes: codes)

    static func problems(_ input: [UInt8]) -> [String] {
        guard let chosen = Reader.split(input) else { return [] }
        let (reader, file) = chosen
        let decoded = InputBounds.decode(file, path: path)
        guard let text = decoded.text else { return decoded.problems }
        let log = DiagnosticLog()
        let bounds = InputBounds([path: text])
        var problems: [String] = []
        switch reader {
        case .nationwideCSV, .locatorJSON:
            var records: [LocatorRecord]?
            if reader == .nationwideCSV {
                // Both CSV readers take the same table: the 2020 export's and today's facility listing's.
                let table = CSVTable(path: path, text: text)
                records = (LocatorCSVReader(path: path, states: states).read(table, log: log) ?? [])
                    + (LocatorListingReader(path: path, states: states, codes: codes).read(table, log: log) ?? [])
            } else {
                records = LocatorJSONReader(path: path, states: states, labels: labels).read(text, log: log)
            }
            for record in records ?? [] {
                if let outside = bounds.problem(record.location) { problems.append("the record '\(record.name1)': \(outside)") }
            }
        case .zipCodes: _ = Geography.readZIPCodes(path: path, text: text, log: log)
        case .places: _ = Geography.readPlaces(path: path, text: text, log: log)
        }
        return problems + bounds.problems(log.diagnostics)
    }
}
