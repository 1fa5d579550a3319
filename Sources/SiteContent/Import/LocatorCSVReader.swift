import SiteCore
import Foundation

/// Reads the locator's nationwide CSV export (name1, name2, street1, street2, city, state, zip, zip4,
/// county, latitude, longitude). Broken rows are skipped with their row number and reason.
package struct LocatorCSVReader {
    static let columns = ["name1", "name2", "street1", "street2", "city", "state", "zip", "zip4", "county", "latitude", "longitude"]

    let path: String
    let states: Set<String>

    package init(path: String, states: Set<String>) {
        self.path = path
        self.states = states
    }

    package func read(_ table: CSVTable, log: DiagnosticLog) -> [LocatorRecord]? {
        guard table.require(Self.columns, log: log) else { return nil }
        var records: [LocatorRecord] = []
        for row in table.distinctRows(log: log) {
            let at = SourceLocation(path: path, line: row.line, column: 1)
            func field(_ name: String) -> String { table.value(name, in: row)?.value.trimmingCharacters(in: .whitespaces) ?? "" }
            let state = field("state")
            guard states.contains(state) else {
                log.warning("row \(row.line) skipped: unknown state '\(state)'", at: at)
                continue
            }
            records.append(LocatorRecord(frid: nil, name1: field("name1"), name2: field("name2"), street1: field("street1"),
                                         street2: field("street2"), city: field("city"), state: state,
                                         zip: LocatorRecord.pad(field("zip"), to: 5), zip4: LocatorRecord.pad(field("zip4"), to: 4),
                                         county: field("county"), latitude: field("latitude"), longitude: field("longitude"),
                                         location: at))
        }
        return records
    }
}
