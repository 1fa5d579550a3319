import SiteCore

/// Parses a Mustache template into nodes with positions, following the specification's rules for
/// standalone lines, indentation, set delimiters and inheritance.
///
/// A file's lines end at `\n`; its columns count Unicode scalars. Features the theme does not need are
/// refused at their tag: lambdas do not exist in Swift view models, and dynamic names, pragmas and
/// transforms are syntax errors.
struct TemplateParser {
    private let scalars: [Unicode.Scalar]
    private let path: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var diagnostics: [Diagnostic] = []

    /// The nodes of `text` and its syntax errors. After an error in a tag the rest of the file is not read.
    static func parse(_ text: String, path: String) -> (nodes: [TemplateNode], diagnostics: [Diagnostic]) {
        var parser = TemplateParser(scalars: Array(text.unicodeScalars), path: path)
        let nodes: [TemplateNode]
        do {
            nodes = try parser.parseList(State())
        } catch {
            parser.diagnostics.append(.error("template syntax: \(error.message)", at: SourceLocation(path: path, line: error.line, column: error.column)))
            nodes = []
        }
        return (nodes, parser.diagnostics)
    }

    private init(scalars: [Unicode.Scalar], path: String) {
        self.scalars = scalars
        self.path = path
    }

    struct SyntaxError: Error {
        let message: String
        let line: Int
        let column: Int
    }

    /// What the parser knows about the list it is reading.
    private struct State {
        /// The open section, parent or block this list belongs to, and where its tag is.
        var section: (name: String, line: Int, column: Int)?
        /// Nothing but white space has been read on the current line (so a tag may stand alone).
        var lineStart = true
        var open: [Unicode.Scalar] = ["{", "{"]
        var close: [Unicode.Scalar] = ["}", "}"]
        /// Inside a parent call `{{< name}}`: at its top level, `{{$ x}}` defines a block.
        var inParent = false
        var parentTopLevel = false
        /// In a block definition, the first line's indentation, which every line of it loses.
        var definitionIndent: Int?
    }

    private struct Mark {
        let index: Int, line: Int, column: Int
    }

    private var mark: Mark { Mark(index: index, line: line, column: column) }
    private var atEnd: Bool { index >= scalars.count }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
    }

    private mutating func restore(_ mark: Mark) {
        index = mark.index; line = mark.line; column = mark.column
    }

    private func error(_ message: String, at mark: Mark) -> SyntaxError {
        SyntaxError(message: message, line: mark.line, column: mark.column)
    }

    private func matches(_ sequence: [Unicode.Scalar]) -> Bool {
        guard index + sequence.count <= scalars.count else { return false }
        for offset in sequence.indices where scalars[index + offset] != sequence[offset] { return false }
        return true
    }

    /// The length of the line break at the current position: `\r\n`, or one scalar Swift counts as a newline.
    private var lineBreakLength: Int {
        guard !atEnd else { return 0 }
        switch scalars[index] {
        case "\r": return index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
        case "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return 1
        default: return 0
        }
    }

    private mutating func read(while predicate: (Unicode.Scalar) -> Bool) -> String {
        var text = String.UnicodeScalarView()
        while !atEnd, predicate(scalars[index]) { text.append(scalars[index]); advance() }
        return String(text)
    }

    private static func isSpaceOrTab(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    private mutating func parseList(_ initial: State) throws(SyntaxError) -> [TemplateNode] {
        var state = initial
        var nodes: [TemplateNode] = []
        // White space read at a line's start, written out only when the line turns out not to be a standalone tag's.
        var pending: (text: String, at: Mark)?
        func text(_ value: String, at mark: Mark) -> TemplateNode { TemplateNode(kind: .text(value), line: mark.line, column: mark.column) }
        func flushPending() {
            if let white = pending, !white.text.isEmpty { nodes.append(text(white.text, at: white.at)) }
            pending = nil
        }
        while !atEnd {
            if state.lineStart {
                let start = mark
                let white = read(while: Self.isSpaceOrTab)
                if state.inParent && !state.parentTopLevel {
                    if let indent = state.definitionIndent {
                        pending = (String(white.unicodeScalars.dropFirst(indent)), start)
                    } else {
                        state.definitionIndent = white.unicodeScalars.count
                    }
                } else {
                    pending = (white, start)
                }
            }
            let textStart = mark
            var run = String.UnicodeScalarView()
            var tagStart: Mark?
            while !atEnd {
                if scalars[index] == "\n" || (scalars[index] == "\r" && lineBreakLength == 2) { break }
                if matches(state.open) { tagStart = mark; advance(state.open.count); break }
                run.append(scalars[index])
                advance()
            }
            let start = pending?.at ?? textStart
            guard let tag = tagStart else {
                if atEnd {
                    if !run.isEmpty { nodes.append(text((pending?.text ?? "") + String(run), at: start)); pending = nil }
                    break
                }
                // A line break ends the text node; the next line may hold a standalone tag.
                let length = lineBreakLength
                run.append(contentsOf: scalars[index..<(index + length)])
                advance(length)
                nodes.append(text((pending?.text ?? "") + String(run), at: start))
                pending = nil
                state.lineStart = true
                continue
            }
            if !run.isEmpty {
                nodes.append(text((pending?.text ?? "") + String(run), at: start))
                pending = nil
                state.lineStart = false
            }
            guard !atEnd else { throw error("'\(String(String.UnicodeScalarView(state.open)))' is not closed", at: tag) }
            var standalone = false
            func node(_ kind: TemplateNode.Kind) -> TemplateNode { TemplateNode(kind: kind, line: tag.line, column: tag.column) }
            switch scalars[index] {
            case "#", "^":
                let inverted = scalars[index] == "^"
                advance()
                let name = try parseName(state, tag: tag)
                standalone = isStandalone(state)
                if !standalone { flushPending() }
                var inner = state
                inner.section = (name, tag.line, tag.column)
                inner.parentTopLevel = false
                if !standalone { inner.lineStart = false }
                nodes.append(node(.section(name, inverted: inverted, try parseList(inner))))
            case "/":
                advance()
                let name = try parseName(state, tag: tag)
                guard let section = state.section, section.name == name else {
                    let open = state.section.map { "'\($0.name)'" } ?? "no section"
                    diagnostics.append(.error("'{{/\(name)}}' closes \(open)", at: SourceLocation(path: path, line: tag.line, column: tag.column)))
                    standalone = isStandalone(state)
                    break
                }
                if !isStandalone(state) { flushPending() }
                return nodes
            case "!":
                advance()
                while !atEnd, !matches(state.close) { advance() }
                guard !atEnd else { throw error("comment is not closed", at: tag) }
                advance(state.close.count)
                standalone = isStandalone(state)
            case "{", "&":
                let triple = scalars[index] == "{"
                flushPending()
                advance()
                let name = try parseName(state, tag: tag)
                if triple {
                    guard !atEnd, scalars[index] == "}" else { throw error("'{{{' is closed without '}}}'", at: tag) }
                    advance()
                }
                nodes.append(node(.unescaped(name)))
            case ">":
                advance()
                let name = try parsePartialName(state, tag: tag)
                let white = pending?.text ?? ""
                flushPending()
                standalone = isStandalone(state)
                nodes.append(node(.partial(name, indentation: standalone ? white : nil)))
            case "<":
                advance()
                let name = try parsePartialName(state, tag: tag)
                let white = pending?.text ?? ""
                flushPending()
                standalone = isStandalone(state)
                var inner = state
                inner.section = (name, tag.line, tag.column)
                inner.lineStart = true
                inner.inParent = true
                inner.parentTopLevel = true
                var definitions: [TemplateNode] = []
                for child in try parseList(inner) {
                    switch child.kind {
                    case .definition: definitions.append(child)
                    case .text: continue
                    default: throw error("a parent call '{{<\(name)}}' may hold only block definitions '{{$name}}…{{/name}}'", at: Mark(index: 0, line: child.line, column: child.column))
                    }
                }
                nodes.append(node(.parent(name, indentation: white, definitions: definitions)))
            case "$":
                advance()
                let name = try parseName(state, tag: tag)
                let definition = state.parentTopLevel
                let white = pending?.text ?? ""
                if !definition { flushPending() }
                standalone = isStandalone(state)
                var inner = state
                inner.section = (name, tag.line, tag.column)
                inner.parentTopLevel = false
                if !standalone { inner.lineStart = false }
                let body = try parseList(inner)
                var intrinsic = ""
                if standalone, case .text(let first)? = body.first?.kind { intrinsic = String(first.prefix { $0 == " " || $0 == "\t" }) }
                nodes.append(node(definition ? .definition(name, body) : .block(name, indentation: white, intrinsic: intrinsic, body)))
            case "=":
                advance()
                state = try parseDelimiters(state, tag: tag)
                standalone = isStandalone(state)
            case "%":
                throw error("pragmas are not supported", at: tag)
            case "@":
                // iopsite's own tag: a text of the language's string table, filled in when the template is compiled.
                flushPending()
                advance()
                nodes.append(node(.translated(try parseName(state, tag: tag))))
            default:
                flushPending()
                nodes.append(node(.variable(try parseName(state, tag: tag))))
            }
            state.lineStart = standalone
        }
        if let section = state.section {
            diagnostics.append(.error("section '\(section.name)' is never closed", at: SourceLocation(path: path, line: section.line, column: section.column)))
        }
        return nodes
    }

    /// Whether the tag just read stands alone on its line; if so, the rest of the line (spaces and its break) is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.lineStart else { return false }
        let before = mark
        _ = read(while: Self.isSpaceOrTab)
        if atEnd { return true }
        let length = lineBreakLength
        guard length > 0 else { restore(before); return false }
        advance(length)
        return true
    }

    private static let nameScalars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?".unicodeScalars)

    private mutating func parseName(_ state: State, tag: Mark) throws(SyntaxError) -> String {
        _ = read(while: Self.isWhitespace)
        let name = read { Self.nameScalars.contains($0) }
        _ = read(while: Self.isWhitespace)
        if !atEnd, scalars[index] == "(" { throw error("transforms such as '\(name)(…)' are not supported", at: tag) }
        if !atEnd, scalars[index] == "*" { throw error("dynamic names ('*') are not supported", at: tag) }
        guard matches(state.close) else { throw error("'\(name)' is not followed by '\(String(String.UnicodeScalarView(state.close)))'", at: tag) }
        advance(state.close.count)
        return name
    }

    private mutating func parsePartialName(_ state: State, tag: Mark) throws(SyntaxError) -> String {
        _ = read(while: Self.isWhitespace)
        if !atEnd, scalars[index] == "*" { throw error("dynamic names ('*') are not supported", at: tag) }
        let name = read { Self.nameScalars.contains($0) || $0 == "/" }
        _ = read(while: Self.isWhitespace)
        guard matches(state.close) else { throw error("'\(name)' is not followed by '\(String(String.UnicodeScalarView(state.close)))'", at: tag) }
        advance(state.close.count)
        return name
    }

    /// `{{=<% %>=}}`: new opening and closing delimiters, for the rest of the list.
    private mutating func parseDelimiters(_ state: State, tag: Mark) throws(SyntaxError) -> State {
        _ = read(while: Self.isWhitespace)
        let open = read { !Self.isWhitespace($0) }
        _ = read(while: Self.isWhitespace)
        let close = read { !Self.isWhitespace($0) && $0 != "=" }
        _ = read(while: Self.isWhitespace)
        guard !open.isEmpty, !close.isEmpty, !atEnd, scalars[index] == "=" else {
            throw error("a delimiter change is written {{=<open> <close>=}}", at: tag)
        }
        advance()
        guard matches(state.close) else { throw error("a delimiter change is written {{=<open> <close>=}}", at: tag) }
        advance(state.close.count)
        var changed = state
        changed.open = Array(open.unicodeScalars)
        changed.close = Array(close.unicodeScalars)
        changed.parentTopLevel = false
        return changed
    }
}
