/// One Mustache tag or text run, with where it starts in the template file.
struct TemplateToken {
    enum Kind: Equatable {
        case text(String)
        /// `{{name}}`
        case variable(String)
        /// `{{{name}}}` or `{{& name}}`
        case unescaped(String)
        case section(String)
        case inverted(String)
        case close(String)
        case partial(String)
        /// `{{< layout}}`: this template fills the blocks of a parent.
        case parent(String)
        /// `{{$ block}}`
        case block(String)
        case comment
        case setDelimiters
    }

    let kind: Kind
    let line: Int
    let column: Int
}

/// Splits a template into tokens with positions (1-based lines, Unicode-scalar columns).
enum TemplateTokenizer {
    static func tokenize(_ text: String) -> [TemplateToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [TemplateToken] = []
        var index = 0
        var line = 1
        var column = 1
        var textStart = (index: 0, line: 1, column: 1)

        func advance(to target: Int) {
            while index < target {
                if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        func flushText(upTo end: Int) {
            if end > textStart.index {
                tokens.append(TemplateToken(kind: .text(String(String.UnicodeScalarView(scalars[textStart.index..<end]))),
                                            line: textStart.line, column: textStart.column))
            }
        }
        while index < scalars.count {
            guard scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                advance(to: index + 1)
                continue
            }
            flushText(upTo: index)
            let start = (line: line, column: column)
            let triple = index + 2 < scalars.count && scalars[index + 2] == "{"
            let open = index + (triple ? 3 : 2)
            let closer: [Unicode.Scalar] = triple ? ["}", "}", "}"] : ["}", "}"]
            var end = open
            while end + closer.count <= scalars.count && Array(scalars[end..<(end + closer.count)]) != closer { end += 1 }
            let inner = String(String.UnicodeScalarView(scalars[open..<min(end, scalars.count)]))
            tokens.append(TemplateToken(kind: kind(of: inner, triple: triple), line: start.line, column: start.column))
            advance(to: min(end + closer.count, scalars.count))
            textStart = (index, line, column)
        }
        flushText(upTo: scalars.count)
        return tokens
    }

    private static func kind(of inner: String, triple: Bool) -> TemplateToken.Kind {
        let trimmed = inner.trimmingCharacters(in: .whitespaces)
        if triple { return .unescaped(trimmed) }
        guard let sigil = trimmed.first else { return .variable("") }
        let name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
        switch sigil {
        case "#": return .section(name)
        case "^": return .inverted(name)
        case "/": return .close(name)
        case ">": return .partial(name)
        case "<": return .parent(name)
        case "$": return .block(name)
        case "&": return .unescaped(name)
        case "!": return .comment
        case "=": return .setDelimiters
        default: return .variable(trimmed)
        }
    }
}

import Foundation
