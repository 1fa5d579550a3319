import SiteCore
import Yams
import Foundation

/// Reads a FindTreatment locator JSON export: `{"rows": [...]}` with phone, intake, website and
/// grouped services (`{f1: group name, f2: group code, f3: "label; label"}`).
package struct LocatorJSONReader {
    let path: String
    let states: Set<String>
    let labels: ServiceLabels

    package init(path: String, states: Set<String>, labels: ServiceLabels) {
        self.path = path
        self.states = states
        self.labels = labels
    }

    package func read(_ text: String, log: DiagnosticLog) -> [LocatorRecord]? {
        // Read as YAML to keep line numbers; tabs only ever appear as JSON whitespace.
        let file = YAMLFile(path: path, text: text.replacingOccurrences(of: "\t", with: " "), log: log)
        guard let root = file.root else { return nil }
        let rows: [Node]
        if case .sequence(let list) = root {
            rows = Array(list)
        } else if let list = root["rows"]?.sequence {
            rows = Array(list)
        } else {
            log.error("expected a list of records or an object with 'rows'", at: file.location(of: root))
            return nil
        }
        var unmapped: [String: (count: Int, first: SourceLocation)] = [:]
        var records: [LocatorRecord] = []
        var seen: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            let at = file.location(of: row)
            func text(_ key: String) -> String {
                // JSON null (and YAML's spellings of it) is no value.
                guard let scalar = row[key]?.scalar, !(scalar.style == .plain && ["null", "~"].contains(scalar.string)) else { return "" }
                return scalar.string.trimmingCharacters(in: .whitespaces)
            }
            let state = text("state")
            guard !LocatorRecord.isSkipped(state: state, name1: text("name1"), row: "record \(index + 1)", states: states, at: at, log: log)
            else { continue }
            // The 2026 API has no frid: such a row gets the id a CSV row of the same site gets.
            let frid = text("frid")
            var record = LocatorRecord(frid: frid.isEmpty ? nil : frid, name1: text("name1"), name2: text("name2"), street1: text("street1"),
                                       street2: text("street2"), city: text("city"), state: state,
                                       zip: LocatorRecord.pad(text("zip"), to: 5), zip4: "", county: "",
                                       latitude: text("latitude"), longitude: text("longitude"), location: at)
            let identity = frid.isEmpty ? LocatorImporter.id(of: record) + "|" + text("typeFacility") + text("type_facility") : frid
            if let first = seen[identity] {
                log.warning("record \(index + 1) skipped: duplicate of record \(first)", at: at)
                continue
            }
            seen[identity] = index + 1
            let type = (text("typeFacility").isEmpty ? text("type_facility") : text("typeFacility")).uppercased()
            if LocatorListingReader.facilityTypes.contains(type) { record.facilityTypes = [type] }
            record.swapCoordinatesIfReversed(row: "record \(index + 1)", log: log)
            let name = "record \(index + 1)"
            record.phone = LocatorRecord.phone(text("phone"), field: "phone", row: name, at: at, log: log)
            record.intakePhone = LocatorRecord.phone(text("intake1"), field: "intake1", row: name, at: at, log: log)
            record.website = LocatorRecord.website(text("website"), row: name, at: at, log: log)
            for group in row["services"]?.sequence.map(Array.init) ?? [] {
                let code = group["f2"]?.scalar?.string ?? ""
                guard ServiceLabels.groups.contains(code) else { continue }
                for label in (group["f3"]?.scalar?.string ?? "").split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !label.isEmpty {
                    if ServiceLabels.languageGroups.contains(code) {
                        record.languages.append(label)
                        continue
                    }
                    guard let service = labels.code(for: label) else {
                        let key = "'\(label)' (\(code))"
                        let count = (unmapped[key]?.count ?? 0) + 1
                        unmapped[key] = (count, unmapped[key]?.first ?? file.location(of: group))
                        continue
                    }
                    record.add(service)
                }
            }
            records.append(record)
        }
        for (label, found) in unmapped.sorted(by: { $0.key < $1.key }) {
            log.warning("service label \(label) has no code in the codebook or the alias table; not imported (\(found.count) \(found.count == 1 ? "record" : "records"))", at: found.first)
        }
        return records
    }
}
