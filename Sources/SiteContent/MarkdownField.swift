public import SiteCore
public import SiteMarkdown
import Yams
import Foundation

/// A Markdown text written in a YAML field, parsed with positions that point into the YAML file.
///
/// Two fields are equal when their text, place and position mapping are: then their documents are too.
public struct MarkdownField: Sendable, Equatable {
    public let document: MarkdownDocument
    public let location: SourceLocation
    /// The Markdown text and how its positions map into the file, which determine `document`.
    let text: String
    let map: SourceMap?

    public init(document: MarkdownDocument, location: SourceLocation, text: String = "", map: SourceMap? = nil) {
        self.document = document
        self.location = location
        self.text = text
        self.map = map
    }

    public static func == (a: MarkdownField, b: MarkdownField) -> Bool {
        a.location == b.location && a.text == b.text && a.map == b.map && a.document.sourceLength == b.document.sourceLength
    }

    init?(node: Node, key: String, file: YAMLFile, options: MarkdownOptions, log: DiagnosticLog) {
        let location = file.location(of: node)
        guard case .scalar(let scalar) = node else {
            log.error("'\(key)' must be Markdown text", at: location)
            return nil
        }
        let map: SourceMap
        switch scalar.style {
        case .literal:
            // The text starts on the line below the `|`; its indentation is that of its first non-blank line.
            let firstLine = location.line + 1
            let indentation = file.lines.lines.dropFirst(firstLine - 1)
                .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { $0.prefix { $0 == " " }.count } ?? 0
            map = SourceMap(path: file.path, firstLine: firstLine, columnOffset: indentation)
        case .plain, .singleQuoted, .doubleQuoted, .any:
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            let line = location.line <= file.lines.lines.count ? String(file.lines.lines[location.line - 1]) : ""
            let rest = String(line.unicodeScalars.dropFirst(location.column - 1 + (quoted ? 1 : 0)))
            let onOneLine = switch scalar.style {
            case .singleQuoted: rest.contains("'")
            case .doubleQuoted: rest.contains("\"")
            default: rest.hasPrefix(scalar.string)
            }
            guard onOneLine, !scalar.string.contains("\n") else {
                log.error("'\(key)' is Markdown: use | for Markdown fields (a literal block) or keep it on one line", at: location)
                return nil
            }
            map = SourceMap(path: file.path, firstLine: location.line, columnOffset: location.column - 1 + (quoted ? 1 : 0))
        case .folded:
            log.error("'\(key)' is Markdown: use | for Markdown fields, not >, so that lines and columns map back", at: location)
            return nil
        }
        self.init(parsing: scalar.string, map: map, location: location, options: options, log: log)
    }

    /// A field written on one line at `location`: plain, or in quotes (then its text starts a column later).
    init?(line text: String, quoted: Bool, key: String, location: SourceLocation, options: MarkdownOptions, log: DiagnosticLog) {
        guard !text.contains("\n") else {
            log.error("'\(key)' is Markdown: use | for Markdown fields (a literal block) or keep it on one line", at: location)
            return nil
        }
        let map = SourceMap(path: location.path, firstLine: location.line, columnOffset: location.column - 1 + (quoted ? 1 : 0))
        self.init(parsing: text, map: map, location: location, options: options, log: log)
    }

    /// A literal block (`|`) at `location`, its text on the lines below, indented by `indentation`.
    init(block text: String, indentation: Int, location: SourceLocation, options: MarkdownOptions, log: DiagnosticLog) {
        let map = SourceMap(path: location.path, firstLine: location.line + 1, columnOffset: indentation)
        self.init(parsing: text, map: map, location: location, options: options, log: log)
    }

    private init(parsing text: String, map: SourceMap, location: SourceLocation, options: MarkdownOptions, log: DiagnosticLog) {
        let document = MarkdownParser.parse(text, source: map, options: options)
        log.append(contentsOf: document.diagnostics)
        self.init(document: document, location: location, text: text, map: map)
    }
}
