import SiteCore
import Yams

/// A YAML text parsed with positions, ready to be read into typed models by `YAMLMapping`.
package struct YAMLFile {
    /// The most values (scalars, sequences and mappings) a YAML text may hold once its aliases are
    /// expanded. An alias repeats its anchor's value wherever it is used, so a few lines of nested
    /// aliases ("billion laughs") stand for billions of values; counting stops at the limit.
    static let maximumValues = 1_000_000

    let path: String
    let lines: TextLines
    let root: Node?
    private let positions: YAMLPositions

    /// Parses `text`; a syntax error becomes a diagnostic at its position and `root` is nil.
    /// `lineOffset` is added to every line (front matter starts below the file's first line).
    package init(path: String, text: String, lineOffset: Int = 0, log: DiagnosticLog) {
        self.path = path
        // Blank lines in front keep Yams's line numbers equal to the file's.
        let padded = String(repeating: "\n", count: lineOffset) + text
        let lines = TextLines(padded)
        self.lines = lines
        let positions = YAMLPositions(padded, lines: lines)
        self.positions = positions
        do {
            // The basic resolver tags every plain scalar as a string: typed fields are read from the
            // text by their readers, which is both stricter and far faster than regex-based tag resolution.
            let composed = try Yams.compose(yaml: padded, .basic)
            if let composed, Self.mayHaveAnchors(padded), let over = Self.valueBeyondLimit(in: composed) {
                root = nil
                let at = over.mark.map { positions.location(path: path, line: $0.line, column: $0.column) }
                log.error("YAML holds more than \(Self.maximumValues) values once its aliases are expanded; the limit is \(Self.maximumValues) "
                          + "(an alias repeats its anchor's whole value)", at: at ?? SourceLocation(path: path, line: 1, column: 1))
            } else {
                root = composed
            }
        } catch let error as YamlError {
            root = nil
            log.error("malformed YAML: \(Self.describe(error).problem)", at: Self.describe(error).mark.map {
                positions.location(path: path, line: $0.line, column: $0.column)
            } ?? SourceLocation(path: path, line: 1, column: 1))
        } catch {
            root = nil
            log.error("malformed YAML: \(error)", at: SourceLocation(path: path, line: 1, column: 1))
        }
    }

    /// Whether the text may define an anchor (`&name` after a space, a bracket, a comma or at a line's start):
    /// without one there is no alias, and the values are bounded by the file's size.
    static func mayHaveAnchors(_ text: String) -> Bool {
        var previous: UInt8 = 0x0A
        var afterAmpersand = false
        for byte in text.utf8 {
            if afterAmpersand, byte != 0x20, byte != 0x09, byte != 0x0A { return true }
            afterAmpersand = byte == 0x26 && [0x0A, 0x20, 0x09, 0x5B, 0x7B, 0x2C, 0x3A, 0x2D].contains(previous)
            previous = byte
        }
        return false
    }

    /// The value at which a walk of the expanded tree passes `maximumValues`, or nil. Iterative, and
    /// bounded by the limit whatever the aliases expand to.
    static func valueBeyondLimit(in root: Node) -> Node? {
        var stack = [root]
        var count = 0
        while let node = stack.popLast() {
            count += 1
            if count > maximumValues { return node }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence.reversed())
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { stack.append(value); stack.append(key) }
            }
        }
        return nil
    }

    /// YAML's spellings of "no value" in a plain scalar.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: 1, column: 1) }
        return positions.location(path: path, line: mark.line, column: mark.column)
    }

    private static func describe(_ error: YamlError) -> (problem: String, mark: Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return (detail + problem, mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        default:
            return ("\(error)", nil)
        }
    }
}
