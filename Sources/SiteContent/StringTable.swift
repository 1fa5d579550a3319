public import SiteCore
import Yams

/// The theme's words in one language: `Templates/i18n/<code>.yaml`, read into keys and texts with where each
/// is written. Nested mappings make dotted keys (`find.radius.label`); a mapping of exactly `one` and `other`
/// is a string with a count, which takes its form from the number of its first placeholder.
public struct StringTable: Sendable {
    /// A text, or its two forms for a count (every language of the site so far has these two).
    public enum Forms: Sendable, Equatable {
        case text(String)
        case plural(one: String, other: String)
    }

    public struct Entry: Sendable {
        public let forms: Forms
        /// Where the key is written (an unused key is a warning there).
        public let location: SourceLocation

        public init(forms: Forms, location: SourceLocation) {
            self.forms = forms
            self.location = location
        }
    }

    /// The language code, from the file's name.
    public let language: String
    public let path: String
    public let entries: [String: Entry]

    public init(language: String, path: String, entries: [String: Entry]) {
        self.language = language
        self.path = path
        self.entries = entries
    }

    /// Reads a table's text; every problem is reported to `log`, and the keys that could be read are kept.
    package static func read(language: String, path: String, text: String, log: DiagnosticLog) -> StringTable {
        let file = YAMLFile(path: path, text: text, log: log)
        var entries: [String: Entry] = [:]
        guard let root = file.root else { return StringTable(language: language, path: path, entries: [:]) }
        collect(root, prefix: "", file: file, log: log, into: &entries)
        return StringTable(language: language, path: path, entries: entries)
    }

    private static func collect(_ node: Node, prefix: String, file: YAMLFile, log: DiagnosticLog, into entries: inout [String: Entry]) {
        guard case .mapping(let mapping) = node else {
            log.error("a string table is a mapping of keys to texts", at: file.location(of: node))
            return
        }
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? ""
            let key = prefix + name
            let location = file.location(of: keyNode)
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(isKeyScalar) else {
                log.error("'\(name)' is not a key: use letters, digits, '_' and '-'", at: location)
                continue
            }
            guard entries[key] == nil else {
                log.error("duplicate key '\(key)'", at: location)
                continue
            }
            switch value {
            case .scalar(let scalar):
                guard let text = checked(scalar.string, at: file.location(of: value), log: log) else { continue }
                entries[key] = Entry(forms: .text(text), location: location)
            case .mapping(let forms) where forms.contains(where: { ["one", "other"].contains($0.key.scalar?.string ?? "") }):
                let named = forms.map { ($0.key.scalar?.string ?? "", $0.value.scalar?.string) }
                let one = named.first { $0.0 == "one" }?.1, other = named.first { $0.0 == "other" }?.1
                guard named.count == 2, let one, let other else {
                    log.error("'\(key)' is a string with a count: give exactly its forms 'one' and 'other', each a text", at: location)
                    continue
                }
                guard let one = checked(one, at: location, log: log), let other = checked(other, at: location, log: log) else { continue }
                guard !placeholders(in: one).isEmpty || !placeholders(in: other).isEmpty else {
                    log.error("'\(key)' has forms for a count but no placeholder to count: write the number as '{name}'", at: location)
                    continue
                }
                entries[key] = Entry(forms: .plural(one: one, other: other), location: location)
            case .mapping:
                collect(value, prefix: key + ".", file: file, log: log, into: &entries)
            default:
                log.error("'\(key)' must be a text, a mapping of keys, or the forms 'one' and 'other'", at: location)
            }
        }
    }

    private static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }

    /// The text when its braces are all placeholders (`{name}`); else nil and an error.
    private static func checked(_ text: String, at location: SourceLocation, log: DiagnosticLog) -> String? {
        guard case .success = parts(of: text) else {
            log.error("a '{' or '}' that is not part of a placeholder '{name}'", at: location)
            return nil
        }
        return text
    }

    /// One piece of a text: literal text or a placeholder's name.
    public enum Part: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// The text split into literal runs and `{name}` placeholders (a name is letters, digits, `_` and dots).
    public static func parts(of text: String) -> Result<[Part], PartsError> {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let first = rest.first {
            if first == "}" { return .failure(PartsError()) }
            guard first == "{" else { literal.append(first); rest = rest.dropFirst(); continue }
            guard let close = rest.firstIndex(of: "}") else { return .failure(PartsError()) }
            let name = rest[rest.index(after: rest.startIndex)..<close]
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ isKeyScalar($0) || $0 == "." }) else { return .failure(PartsError()) }
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            parts.append(.placeholder(String(name)))
            rest = rest[rest.index(after: close)...]
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return .success(parts)
    }

    public struct PartsError: Error, Sendable {}

    /// The placeholders' names in order.
    public static func placeholders(in text: String) -> [String] {
        guard case .success(let parts) = parts(of: text) else { return [] }
        return parts.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    /// A table's text with its placeholders filled from `values`, for the words the build writes itself (a page's
    /// title, a crumb): nil when the key is absent. A count's form is chosen by `count`.
    public func text(_ key: String, count: Int? = nil, _ values: [String: String] = [:]) -> String? {
        guard let entry = entries[key] else { return nil }
        let text: String
        switch entry.forms {
        case .text(let only): text = only
        case .plural(let one, let other): text = count == 1 ? one : other
        }
        guard case .success(let parts) = Self.parts(of: text) else { return text }
        return parts.map { part in
            switch part {
            case .literal(let literal): literal
            case .placeholder(let name): values[name] ?? "{\(name)}"
            }
        }.joined()
    }
}
