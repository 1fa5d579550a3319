import SiteCore
import Yams

extension Bibliography {
    /// Reads a CSL-YAML file: a list of entries, or a `references:` mapping holding one.
    static func read(_ file: YAMLFile, log: DiagnosticLog) -> [SourceEntry] {
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
        var entries: [SourceEntry] = []
        var seen: [String: SourceLocation] = [:]
        for node in sequence {
            guard case .mapping(let mapping) = node else {
                log.error("a CSL entry must be a mapping", at: file.location(of: node))
                continue
            }
            var fields: [String: String] = [:]
            var locations: [String: SourceLocation] = [:]
            var id: Located<String>?
            for (key, value) in mapping {
                guard let name = key.scalar?.string, let text = value.scalar?.string else { continue }
                if name == "id" { id = Located(text, at: file.location(of: value)) }
                fields[name] = text
                locations[name] = file.location(of: value)
            }
            guard let id, !id.value.isEmpty else {
                log.error("missing required key 'id' in CSL entry", at: file.location(of: node))
                continue
            }
            if let first = seen[id.value] {
                log.error("duplicate source id '\(id.value)' (first defined at \(first))", at: id.location)
                continue
            }
            seen[id.value] = id.location
            entries.append(SourceEntry(id: id, type: fields["type"] ?? "", title: fields["title"] ?? id.value, fields: fields,
                                       fieldLocations: locations))
        }
        return entries
    }
}
