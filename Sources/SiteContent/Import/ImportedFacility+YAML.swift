import SiteCore
import Yams

extension ImportedFacility {
    /// Reads back a record the importer wrote (from `imported/<state>.yaml`).
    init?(_ node: Node) {
        func text(_ key: String, in node: Node? = nil) -> String { (node ?? nil)?[key]?.scalar?.string ?? "" }
        let address = node["address"]
        guard let id = node["id"]?.scalar?.string, let slug = node["slug"]?.scalar?.string,
              let name = node["name"]?.scalar?.string else { return nil }
        func list(_ key: String) -> [String] { node[key]?.sequence.map { $0.compactMap { $0.scalar?.string } } ?? [] }
        self.init(id: id, frid: text("frid", in: node), slug: slug, name: name, name2: text("name2", in: node), street1: text("street1", in: address),
                  street2: text("street2", in: address), city: text("city", in: address), zip: text("zip", in: address),
                  zip4: text("zip4", in: address), county: text("county", in: address), latitude: text("latitude", in: node),
                  longitude: text("longitude", in: node), phone: text("phone", in: node), intakePhone: text("intake_phone", in: node),
                  website: text("website", in: node), levelsOfCare: list("levels_of_care"), payment: list("payment"),
                  services: list("services"), languages: list("languages"), facilityTypes: list("facility_types"),
                  sources: text("source", in: node).components(separatedBy: "; ").filter { !$0.isEmpty },
                  sourceDate: text("source_date", in: node), retired: text("retired", in: node), changed: text("changed", in: node))
        let dates = text("source_dates", in: node).components(separatedBy: "; ")
        if dates.count == sources.count, sources.count > 1 { sourceDates = Dictionary(Swift.zip(sources, dates)) { first, _ in first } }
    }

    /// The record as YAML lines, fields in a fixed order, empty ones left out.
    var yaml: String {
        var lines = ["  - id: \(YAMLText.scalar(id))"]
        func add(_ key: String, _ value: String, indent: String = "    ") {
            if !value.isEmpty { lines.append("\(indent)\(key): \(YAMLText.scalar(value))") }
        }
        add("frid", frid)
        add("slug", slug)
        add("name", name)
        func add(_ key: String, _ values: [String]) {
            if !values.isEmpty { lines.append("    \(key): [" + values.map(YAMLText.scalar).joined(separator: ", ") + "]") }
        }
        add("name2", name2)
        lines.append("    address:")
        add("street1", street1, indent: "      ")
        add("street2", street2, indent: "      ")
        add("city", city, indent: "      ")
        add("zip", zip, indent: "      ")
        add("zip4", zip4, indent: "      ")
        add("county", county, indent: "      ")
        if !latitude.isEmpty, Double(latitude) != nil { lines.append("    latitude: \(latitude)") }
        if !longitude.isEmpty, Double(longitude) != nil { lines.append("    longitude: \(longitude)") }
        add("phone", phone)
        add("intake_phone", intakePhone)
        add("website", website)
        add("levels_of_care", levelsOfCare)
        add("payment", payment)
        add("services", services)
        add("languages", languages)
        add("facility_types", facilityTypes)
        add("source", sources.joined(separator: "; "))
        add("source_date", sourceDate)
        if sources.count > 1, sourceDates.count == sources.count {
            lines.append("    source_dates: \(YAMLText.quoted(sources.map { sourceDates[$0]! }.joined(separator: "; ")))")
        }
        if !changed.isEmpty { lines.append("    changed: \(YAMLText.quoted(changed))") }
        if !retired.isEmpty { lines.append("    retired: \(YAMLText.quoted(retired))") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Writes YAML scalars: plain where that reads back as the same string, double-quoted otherwise.
enum YAMLText {
    static func scalar(_ text: String) -> String {
        needsQuotes(text) ? quoted(text) : text
    }

    static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if first == " " || last == " " { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return true }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7F}" || $0 == "\u{FEFF}" }) { return true }
        // Words and numbers YAML would read as something other than a string.
        let lowered = text.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"].contains(lowered) { return true }
        if Double(text) != nil || Int(text) != nil || text.allSatisfy({ $0.isNumber || "-:.+_".contains($0) }) { return true }
        return false
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar == "\u{7F}" {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

import Foundation
