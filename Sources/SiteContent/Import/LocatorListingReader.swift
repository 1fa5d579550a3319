import Foundation
import SiteCore

/// Reads FindTreatment.gov's facility-listing export (`FindTreament_Facility_listing_YYYY_MM_DD_HHMMSS.csv`):
/// 17 named columns, then one flag column per service code (`oit`, `md`, …: `1` or empty).
///
/// Columns are found by name, whatever their order, spacing or case (the real export's header starts with
/// four spaces). A flag column is read as the codebook code it names; a code the codebook lacks is reported
/// once, with the number of rows that flag it, and not imported.
package struct LocatorListingReader {
    /// The columns that are not service flags.
    static let fixedColumns: Set<String> = [
        "name1", "name2", "street1", "street2", "city", "state", "zip", "zip4", "county", "phone", "intake_prompt",
        "intake1", "intake2", "website", "latitude", "longitude", "type_facility",
    ]
    static let requiredColumns = ["name1", "street1", "city", "state", "zip"]
    /// `type_facility` values: the directory a row comes from.
    static let facilityTypes: Set<String> = ["SU", "MH"]

    let path: String
    let states: Set<String>
    let codes: [ServiceCode]

    package init(path: String, states: Set<String>, codes: [ServiceCode]) {
        self.path = path
        self.states = states
        self.codes = codes
    }

    /// True when `header` (normalised names) is the facility listing's rather than the 2020 nationwide export's.
    static func recognises(_ header: [String]) -> Bool {
        header.contains("type_facility") || header.contains("phone") && header.contains("intake1")
    }

    package func read(_ table: CSVTable, log: DiagnosticLog) -> [LocatorRecord]? {
        let header = table.header.map { $0.lowercased() }
        let at = SourceLocation(path: path, line: 1, column: 1)
        let missing = Self.requiredColumns.filter { !header.contains($0) }
        for name in missing { log.error("missing column '\(name)' in the header", at: at) }
        guard missing.isEmpty else { return nil }
        let index = Dictionary(header.enumerated().map { ($1, $0) }) { first, _ in first }
        let byCode = Dictionary(codes.map { ($0.code, $0) }) { first, _ in first }
        let flags = header.enumerated().filter { !Self.fixedColumns.contains($0.element) && !$0.element.isEmpty }
        var unknown: [String: Int] = [:]
        var records: [LocatorRecord] = []
        for row in table.distinctRows(log: log) {
            let location = SourceLocation(path: path, line: row.line, column: 1)
            func field(_ name: String) -> String {
                guard let column = index[name], column < row.fields.count else { return "" }
                return row.fields[column].trimmingCharacters(in: .whitespaces)
            }
            let state = field("state").uppercased()
            guard !LocatorRecord.isSkipped(state: state, name1: field("name1"), row: "row \(row.line)", states: states, at: location, log: log)
            else { continue }
            var record = LocatorRecord(frid: nil, name1: field("name1"), name2: field("name2"), street1: field("street1"),
                                       street2: field("street2"), city: field("city"), state: state,
                                       zip: LocatorRecord.pad(field("zip"), to: 5), zip4: LocatorRecord.pad(field("zip4"), to: 4),
                                       county: field("county"), latitude: field("latitude"), longitude: field("longitude"),
                                       location: location)
            let name = "row \(row.line)"
            record.phone = LocatorRecord.phone(field("phone"), field: "phone", row: name, at: location, log: log)
            record.intakePhone = LocatorRecord.phone(field("intake1"), field: "intake1", row: name, at: location, log: log)
                ?? LocatorRecord.phone(field("intake2"), field: "intake2", row: name, at: location, log: log)
            record.website = LocatorRecord.website(field("website"), row: name, at: location, log: log)
            record.swapCoordinatesIfReversed(row: name, log: log)
            let type = field("type_facility").uppercased()
            if Self.facilityTypes.contains(type) { record.facilityTypes = [type] }
            for (column, name) in flags where column < row.fields.count && row.fields[column].trimmingCharacters(in: .whitespaces) == "1" {
                guard let code = byCode[name.uppercased()] else {
                    unknown[name, default: 0] += 1
                    continue
                }
                record.add(code)
            }
            records.append(record)
        }
        if !unknown.isEmpty {
            let list = unknown.sorted { $0.key < $1.key }.map { "\($0.key) (\(Count.text($0.value)) \($0.value == 1 ? "row" : "rows"))" }
            log.warning("\(Count.text(unknown.count)) flag \(unknown.count == 1 ? "column has" : "columns have") no code in the codebook and "
                        + "\(unknown.count == 1 ? "is" : "are") not imported: " + list.joined(separator: ", "), at: at)
        }
        return records
    }
}
