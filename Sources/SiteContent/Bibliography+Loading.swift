import SiteCore
import Yams
import Foundation

extension Bibliography {
    /// Reads a CSL-YAML or CSL-JSON file (JSON is read as YAML, which keeps positions): a list of
    /// entries, or a `references:` mapping holding one.
    package static func read(_ file: YAMLFile, log: DiagnosticLog) -> [SourceEntry] {
        guard let root = file.root else { return [] }
        var list = root
        if case .mapping = root, let wrapper = YAMLMapping(root, in: file, what: "bibliography", log: log) {
            guard let references = wrapper.value("references") else {
                wrapper.missing("references")
                return []
            }
            wrapper.finish()
            list = references
        }
        guard case .sequence(let sequence) = list else {
            log.error("a bibliography must be a list of CSL entries", at: file.location(of: list))
            return []
        }
        return sequence.compactMap { SourceEntry.read($0, in: file, log: log) }
    }
}

extension SourceEntry {
    static func read(_ node: Node, in file: YAMLFile, log: DiagnosticLog) -> SourceEntry? {
        guard case .mapping(let mapping) = node else {
            log.error("a CSL entry must be a mapping", at: file.location(of: node))
            return nil
        }
        var entry = SourceEntry(id: Located("", at: file.location(of: node)), type: "", location: file.location(of: node))
        var hasID = false
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { continue }
            let at = file.location(of: value)
            if key == "x-unverified" {
                entry.fieldLocations[key] = file.location(of: keyNode)
                entry.unverified = value.sequence.map { $0.compactMap { $0.scalar?.string } }
                    ?? (value.scalar.map { $0.string.isEmpty ? [] : [$0.string] } ?? [])
                continue
            }
            if key.hasPrefix("x-") { continue }
            entry.fieldLocations[key] = at
            switch key {
            case "id":
                entry.id = Located(value.scalar?.string ?? "", at: at)
                hasID = true
            case "type":
                entry.type = value.scalar?.string ?? ""
            case _ where CSLVariables.names.contains(key):
                entry.names[key] = readNames(value, key: key, file: file, log: log)
            case _ where CSLVariables.dates.contains(key):
                entry.dates[key] = readDate(value, key: key, file: file, log: log)
            case _ where CSLVariables.standard.contains(key) || CSLVariables.numbers.contains(key):
                guard let text = value.scalar?.string else {
                    log.error("'\(key)' must be a text or a number", at: at)
                    continue
                }
                if YAMLFile.isNull(value) || text.isEmpty { continue }
                entry.fields[key] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case _ where CSLVariables.structural.contains(key):
                continue
            default:
                log.warning("'\(key)' is not a CSL 1.0.2 variable and is ignored", at: file.location(of: keyNode))
            }
        }
        guard hasID, !entry.id.value.isEmpty else {
            log.error("missing required key 'id' in CSL entry", at: file.location(of: node))
            return nil
        }
        if entry.type.isEmpty {
            log.error("missing required key 'type' in CSL entry '\(entry.id.value)'", at: entry.location)
        } else if !CSLVariables.types.contains(entry.type) {
            log.error("'\(entry.type)' is not a CSL 1.0.2 item type", at: entry.fieldLocations["type"] ?? entry.location)
        }
        return entry
    }

    private static func readNames(_ node: Node, key: String, file: YAMLFile, log: DiagnosticLog) -> [CSLName] {
        guard case .sequence(let list) = node else {
            log.error("'\(key)' must be a list of names", at: file.location(of: node))
            return []
        }
        return list.compactMap { item in
            guard case .mapping(let parts) = item else {
                log.error("each name in '\(key)' must be a mapping (family, given or literal)", at: file.location(of: item))
                return nil
            }
            var name = CSLName()
            for (part, value) in parts {
                let text = value.scalar?.string ?? ""
                switch part.scalar?.string {
                case "family": name.family = text
                case "given": name.given = text
                case "literal": name.literal = text
                case "dropping-particle": name.droppingParticle = text
                case "non-dropping-particle": name.nonDroppingParticle = text
                case "suffix": name.suffix = text
                default: continue
                }
            }
            if name.family.isEmpty && name.literal.isEmpty {
                log.error("a name in '\(key)' needs 'family' or 'literal'", at: file.location(of: item))
                return nil
            }
            return name
        }
    }

    private static func readDate(_ node: Node, key: String, file: YAMLFile, log: DiagnosticLog) -> CSLDate? {
        let at = file.location(of: node)
        if let text = node.scalar?.string { return parseRaw(text) ?? CSLDate(literal: text) }
        guard case .mapping = node, let parts = node["date-parts"] ?? nil else {
            if let raw = node["raw"]?.scalar?.string, let date = parseRaw(raw) { return date }
            if let literal = node["literal"]?.scalar?.string { return CSLDate(literal: literal) }
            log.error("'\(key)' must have 'date-parts', 'raw' or 'literal'", at: at)
            return nil
        }
        let rows = parts.sequence.map { Array($0) } ?? []
        let numbers = rows.map { row in (row.sequence.map { Array($0) } ?? []).compactMap { $0.int ?? $0.scalar.flatMap { Int($0.string) } } }
        guard let first = numbers.first, let year = first.first, first.count <= 3,
              first.count < 2 || (1...12).contains(first[1]), first.count < 3 || (1...31).contains(first[2]) else {
            log.error("'\(key)' has malformed date-parts (expected [[year, month, day]])", at: at)
            return nil
        }
        _ = year
        return CSLDate(parts: numbers)
    }

    /// `2024`, `2024-07` or `2024-07-30`.
    private static func parseRaw(_ text: String) -> CSLDate? {
        let pieces = text.split(separator: "-").map { Int($0) }
        guard !pieces.isEmpty, pieces.count <= 3, pieces.allSatisfy({ $0 != nil }), (pieces[0] ?? 0) > 0 else { return nil }
        return CSLDate(parts: [pieces.compactMap { $0 }])
    }
}
