import SiteCore

/// Checks that every name a template uses is declared by the view models around it, and collects
/// the template's literal links in the order a render emits them.
///
/// swift-mustache renders an unknown name as an empty string; this check turns that silent gap
/// into an error at the template's line and column.
struct TemplateChecker {
    let templates: [String: TemplateSource]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var links: [TemplateLink] = []
    private(set) var files: Set<String> = []

    /// A context a name can resolve in: a view model, or the text of a `textList` item.
    private enum Scope {
        case model(ViewSchema)
        case textItem
    }

    init(templates: [String: TemplateSource]) {
        self.templates = templates
    }

    mutating func check(template name: String, with schema: ViewSchema, at location: SourceLocation) {
        guard let source = templates[name] else {
            diagnostics.append(.error("no template named '\(name)' in Templates/", at: location))
            return
        }
        files.insert(source.path)
        walk(source.nodes, in: source, scopes: [.model(schema)], overrides: [:], depth: 0)
    }

    private mutating func walk(_ nodes: [TemplateNode], in source: TemplateSource, scopes: [Scope],
                               overrides: [String: (nodes: [TemplateNode], source: TemplateSource)], depth: Int) {
        guard depth < 32 else {
            diagnostics.append(.error("partials or layouts include each other without end", at: SourceLocation(path: source.path, line: 1, column: 1)))
            return
        }
        for node in nodes {
            switch node {
            case .text(let token):
                // A link belongs to the text run holding its opening quote (the value may start with a tag).
                links += source.links.filter { link in
                    let quote = SourceLocation(path: link.location.path, line: link.location.line, column: link.location.column - 1)
                    return (quote.line, quote.column) >= (token.line, token.column) && isInside(quote, textToken: token)
                }
            case .variable(let name, let token):
                guard let field = resolve(name, scopes, at: token, in: source) else { continue }
                if case .html = field {
                    report("'\(name)' is HTML; write {{{\(name)}}} to insert it", token, source)
                } else if case .object = field {
                    report("'\(name)' is a view model; use it as a section {{#\(name)}}…{{/\(name)}}", token, source)
                } else if case .list = field {
                    report("'\(name)' is a list; use it as a section {{#\(name)}}…{{/\(name)}}", token, source)
                }
            case .unescaped(let name, let token):
                guard let field = resolve(name, scopes, at: token, in: source) else { continue }
                if case .html = field { continue }
                report("'\(name)' is text; write {{\(name)}} so that it is escaped", token, source)
            case .section(let name, let inverted, let token, let children):
                guard let field = resolve(name, scopes, at: token, in: source) else { continue }
                if !inverted, Self.isList(field), children.contains(where: { Self.isSection(named: name, $0) }) {
                    report("'\(name)' is a list, so {{#\(name)}} repeats its content for each item; to test for items, use a flag", token, source)
                }
                var inner = scopes
                if !inverted {
                    switch field {
                    case .object(let schema), .list(let schema): inner.append(.model(schema))
                    case .textList: inner.append(.textItem)
                    default: break
                    }
                }
                walk(children, in: source, scopes: inner, overrides: overrides, depth: depth)
            case .partial(let name, let token):
                guard let partial = templates[name] else {
                    report("no partial named '\(name)' in Templates/", token, source)
                    continue
                }
                files.insert(partial.path)
                walk(partial.nodes, in: partial, scopes: scopes, overrides: overrides, depth: depth + 1)
            case .parent(let name, let token, let children):
                guard let parent = templates[name] else {
                    report("no layout named '\(name)' in Templates/", token, source)
                    continue
                }
                files.insert(parent.path)
                var blocks = overrides
                for case .block(let blockName, _, let content) in children where blocks[blockName] == nil {
                    blocks[blockName] = (content, source)
                }
                walk(parent.nodes, in: parent, scopes: scopes, overrides: blocks, depth: depth + 1)
            case .block(let name, _, let children):
                if let replacement = overrides[name] {
                    walk(replacement.nodes, in: replacement.source, scopes: scopes, overrides: overrides, depth: depth + 1)
                } else {
                    walk(children, in: source, scopes: scopes, overrides: overrides, depth: depth)
                }
            }
        }
    }

    /// The field a name refers to, searching scopes innermost first; nil (and a diagnostic) when none declares it.
    private mutating func resolve(_ name: String, _ scopes: [Scope], at token: TemplateToken, in source: TemplateSource) -> ViewSchema.Field? {
        if name == "." {
            if case .textItem = scopes.last { return .text }
            report("'.' is only meaningful inside a list of texts", token, source)
            return nil
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else {
            report("'\(name)' is not a name: write field names joined by single dots (e.g. site.name)", token, source)
            return nil
        }
        for scope in scopes.reversed() {
            guard case .model(let schema) = scope, var field = schema.fields[parts[0]] else { continue }
            var owner = schema
            for part in parts.dropFirst() {
                guard case .object(let inner) = field, let next = inner.fields[part] else {
                    report("'\(part)' is not a field of \(owner.name)", token, source)
                    return nil
                }
                owner = inner
                field = next
            }
            return field
        }
        let names = scopes.reversed().compactMap { if case .model(let schema) = $0 { schema.name } else { nil } }
        report("'\(parts[0])' is not a field of \(names.joined(separator: " or "))", token, source)
        return nil
    }

    private static func isList(_ field: ViewSchema.Field) -> Bool {
        switch field {
        case .list, .textList: true
        default: false
        }
    }

    private static func isSection(named name: String, _ node: TemplateNode) -> Bool {
        if case .section(let other, false, _, _) = node { return other == name }
        return false
    }

    private func isInside(_ location: SourceLocation, textToken token: TemplateToken) -> Bool {
        guard case .text(let text) = token.kind else { return false }
        let lineCount = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let lastLineLength = text.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count } ?? 0
        let end = lineCount == 0 ? (token.line, token.column + lastLineLength) : (token.line + lineCount, 1 + lastLineLength)
        return (location.line, location.column) < end
    }

    private mutating func report(_ message: String, _ token: TemplateToken, _ source: TemplateSource) {
        diagnostics.append(.error(message, at: SourceLocation(path: source.path, line: token.line, column: token.column)))
    }
}
