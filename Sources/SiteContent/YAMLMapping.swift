import SiteCore
import SiteMarkdown
import Yams
import Foundation

/// Reads one YAML mapping into typed values, reporting every problem at the field's position.
///
/// Keys that are read are remembered; `finish()` reports the rest as unknown keys, so that a
/// misspelt field is an error rather than silently ignored.
final class YAMLMapping: FieldReading {
    let file: YAMLFile
    let node: Node
    /// What the mapping is, for messages: "site.yaml", "front matter", "navigation item".
    let what: String
    let log: DiagnosticLog
    private var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var readKeys: Set<String> = []

    init?(_ node: Node, in file: YAMLFile, what: String, log: DiagnosticLog) {
        guard case .mapping(let mapping) = node else {
            log.error("\(what) must be a mapping of keys to values", at: file.location(of: node))
            return nil
        }
        self.file = file
        self.node = node
        self.what = what
        self.log = log
        var seen: Set<String> = []
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            if !seen.insert(name).inserted {
                log.error("duplicate key '\(name)' in \(what)", at: file.location(of: key))
            }
            pairs.append((name, key, value))
        }
    }

    var location: SourceLocation { file.location(of: node) }

    /// The value node of `key`, marking the key as known.
    func value(_ key: String) -> Node? {
        readKeys.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// Reports keys no reader asked for.
    func finish(allowing prefix: String? = nil) {
        for pair in pairs where !readKeys.contains(pair.key) {
            if let prefix, pair.key.hasPrefix(prefix) { continue }
            let known = readKeys.sorted().joined(separator: ", ")
            log.error("unknown key '\(pair.key)' in \(what) (expected one of: \(known))", at: file.location(of: pair.keyNode))
        }
    }

    func missing(_ key: String) {
        log.error("missing required key '\(key)' in \(what)", at: location)
    }

    // MARK: Typed fields

    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = node, !(YAMLFile.isNull(node) && scalar.string.isEmpty) else {
            log.error("'\(key)' must be a string", at: file.location(of: node))
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && text.isEmpty {
            log.error("'\(key)' must not be empty", at: file.location(of: node))
            return nil
        }
        return Located(text, at: file.location(of: node))
    }

    func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              let bool = ["true": true, "false": false, "yes": true, "no": false][scalar.string.lowercased()] else {
            log.error("'\(key)' must be true or false", at: file.location(of: node))
            return nil
        }
        return bool
    }

    func locatedBool(_ key: String) -> Located<Bool>? {
        bool(key).map { Located($0, at: file.location(of: value(key)!)) }
    }

    func int(_ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node = value(key) else { return nil }
        guard let int = node.int, range.contains(int) else {
            log.error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: file.location(of: node))
            return nil
        }
        return int
    }

    /// A number of seconds: a whole or decimal number within `range`.
    func seconds(_ key: String, range: ClosedRange<Double>) -> Double? {
        guard let node = value(key) else { return nil }
        guard let number = node.float ?? node.int.map(Double.init), number.isFinite, range.contains(number) else {
            log.error("'\(key)' must be a number of seconds from \(range.lowerBound.formatted) to \(range.upperBound.formatted)",
                      at: file.location(of: node))
            return nil
        }
        return number
    }

    func mapping(_ key: String, what: String, required: Bool = false) -> YAMLMapping? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return YAMLMapping(node, in: file, what: what, log: log)
    }

    func sequence(_ key: String) -> [Node]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let sequence) = node else {
            log.error("'\(key)' must be a list", at: file.location(of: node))
            return nil
        }
        return Array(sequence)
    }

    /// A Markdown field: a literal `|` block or a single-line string, so positions map back exactly.
    func markdown(_ key: String, required: Bool = false, options: MarkdownOptions) -> MarkdownField? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return MarkdownField(node: node, key: key, file: file, options: options, log: log)
    }
}

private extension Double {
    /// `1`, `0.5`: without a needless `.0`.
    var formatted: String { rounded() == self ? String(Int(self)) : String(self) }
}
