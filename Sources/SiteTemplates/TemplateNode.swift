import SiteCore

/// A template's tags nested into sections, parents and blocks, for checking.
indirect enum TemplateNode {
    case text(TemplateToken)
    case variable(String, TemplateToken)
    case unescaped(String, TemplateToken)
    case section(String, inverted: Bool, TemplateToken, [TemplateNode])
    case partial(String, TemplateToken)
    case parent(String, TemplateToken, [TemplateNode])
    case block(String, TemplateToken, [TemplateNode])
}

extension TemplateNode {
    /// Nests tokens; an unclosed or mismatched section is a diagnostic at its tag.
    static func build(_ tokens: [TemplateToken], path: String, diagnostics: inout [Diagnostic]) -> [TemplateNode] {
        var stack: [(name: String, token: TemplateToken, nodes: [TemplateNode])] = [("", tokens.first ?? TemplateToken(kind: .comment, line: 1, column: 1), [])]
        func location(_ token: TemplateToken) -> SourceLocation { SourceLocation(path: path, line: token.line, column: token.column) }
        for token in tokens {
            switch token.kind {
            case .text: stack[stack.count - 1].nodes.append(.text(token))
            case .variable(let name): stack[stack.count - 1].nodes.append(.variable(name, token))
            case .unescaped(let name): stack[stack.count - 1].nodes.append(.unescaped(name, token))
            case .partial(let name): stack[stack.count - 1].nodes.append(.partial(name, token))
            case .section(let name), .inverted(let name), .parent(let name), .block(let name):
                stack.append((name, token, []))
            case .close(let name):
                guard stack.count > 1, stack[stack.count - 1].name == name else {
                    let open = stack.count > 1 ? "'\(stack[stack.count - 1].name)'" : "no section"
                    diagnostics.append(.error("'{{/\(name)}}' closes \(open)", at: location(token)))
                    continue
                }
                let done = stack.removeLast()
                let node: TemplateNode = switch done.token.kind {
                case .inverted: .section(name, inverted: true, done.token, done.nodes)
                case .parent: .parent(name, done.token, done.nodes)
                case .block: .block(name, done.token, done.nodes)
                default: .section(name, inverted: false, done.token, done.nodes)
                }
                stack[stack.count - 1].nodes.append(node)
            case .comment: break
            case .setDelimiters:
                diagnostics.append(.error("changing delimiters is not supported", at: location(token)))
            }
        }
        while stack.count > 1 {
            let open = stack.removeLast()
            diagnostics.append(.error("section '\(open.name)' is never closed", at: location(open.token)))
            stack[stack.count - 1].nodes += open.nodes
        }
        return stack[0].nodes
    }
}
