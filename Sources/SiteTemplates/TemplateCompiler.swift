import SiteContent
import SiteCore

/// Checks a page template against its view model's declaration and compiles it, with its partials and
/// layouts, into steps that write bytes: every name is resolved here, so a page renders without looking
/// anything up. A name the declaration lacks is an error at the tag's line and column.
///
/// The same walk collects the template's literal links in the order a render emits them, and the files it reads.
struct TemplateCompiler {
    let templates: [String: TemplateSource]
    /// The language's words for `{{@key}}` tags; nil for a theme without string tables.
    let strings: StringTable?
    private(set) var diagnostics: [Diagnostic] = []
    /// The keys of `strings` the compiled templates use.
    private(set) var usedKeys: Set<String> = []
    private(set) var links: [TemplateLink] = []
    private(set) var files: Set<String> = []

    /// Where a list of nodes is compiled: its file, the blocks a child template overrides, the
    /// indentation of the standalone partials around it, and how deep the inclusions go.
    struct Place {
        let source: TemplateSource
        let blocks: [String: Block]
        let indentation: [UInt8]
        let depth: Int

        func including(_ source: TemplateSource, blocks: [String: Block]? = nil, indentation extra: String?) -> Place {
            Place(source: source, blocks: blocks ?? self.blocks, indentation: indentation + Array((extra ?? "").utf8), depth: depth + 1)
        }
    }

    struct Block {
        let nodes: [TemplateNode]
        let source: TemplateSource
    }

    /// The language the templates are compiled for, for messages.
    let language: String

    init(templates: [String: TemplateSource], strings: StringTable? = nil, language: String = "en") {
        self.templates = templates
        self.strings = strings
        self.language = language
    }

    /// The compiled page template `name` for `Model`, or nil when it is missing (a diagnostic at `location`).
    mutating func compile<Model>(_ name: String, fields: ViewFields<Model>, at location: SourceLocation) -> Unit? {
        guard let source = templates[name] else {
            diagnostics.append(.error("no template named '\(name)' in Templates/", at: location))
            return nil
        }
        files.insert(source.path)
        return unit(source.nodes, scope: .root(fields.table), at: Place(source: source, blocks: [:], indentation: [], depth: 0))
    }

    /// One body as a unit of its own (Mustache indents the lines each body starts).
    mutating func unit(_ nodes: [TemplateNode], scope: Scope, at place: Place) -> Unit {
        var ops: [Op] = []
        append(nodes, scope: scope, at: place, to: &ops)
        guard place.indentation.isEmpty else { return Unit(ops: ops, indentation: place.indentation) }
        // Without indentation, neighbouring literal bytes are one step.
        var merged: [Op] = []
        for op in ops {
            if case .bytes(let next) = op, case .bytes(let previous)? = merged.last {
                merged[merged.count - 1] = .bytes(previous + next)
            } else {
                merged.append(op)
            }
        }
        return Unit(ops: merged, indentation: [])
    }

    private mutating func append(_ nodes: [TemplateNode], scope: Scope, at place: Place, to ops: inout [Op]) {
        guard place.depth < 32 else {
            diagnostics.append(.error("partials or layouts include each other without end", at: SourceLocation(path: place.source.path, line: 1, column: 1)))
            return
        }
        for node in nodes {
            switch node.kind {
            case .text(let text):
                collectLinks(in: text, node, place.source)
                ops.append(.bytes(Array(text.utf8)))
            case .variable(let name):
                guard let field = resolve(name, scope, node, place.source) else { continue }
                switch field {
                case .text(let read): ops.append(.run { state in if let text = read(state.frames) { state.page.appendEscaped(text) } })
                case .flag(let read): ops.append(.run { state in if let flag = read(state.frames) { state.page.append(flag ? "true" : "false") } })
                case .html: report("'\(name)' is HTML; write {{{\(name)}}} to insert it", node, place.source)
                case .object: report("'\(name)' is a view model; use it as a section {{#\(name)}}…{{/\(name)}}", node, place.source)
                case .list, .textList: report("'\(name)' is a list; use it as a section {{#\(name)}}…{{/\(name)}}", node, place.source)
                }
            case .translated(let key):
                translate(key, scope: scope, node, place, to: &ops)
            case .unescaped(let name):
                guard let field = resolve(name, scope, node, place.source) else { continue }
                guard case .html(let read) = field else {
                    report("'\(name)' is text; write {{\(name)}} so that it is escaped", node, place.source)
                    continue
                }
                ops.append(.run { state in if let html = read(state.frames) { state.page.append(html) } })
            case .section(let name, let inverted, let children):
                guard let field = resolve(name, scope, node, place.source) else { continue }
                if !inverted, field.isList, children.contains(where: { Self.isSection(named: name, $0) }) {
                    report("'\(name)' is a list, so {{#\(name)}} repeats its content for each item; to test for items, use a flag", node, place.source)
                }
                ops.append(section(field, inverted: inverted, children, scope: scope, at: place))
            case .partial(let name, let indentation):
                guard let partial = templates[name] else {
                    report("no partial named '\(name)' in Templates/", node, place.source)
                    continue
                }
                files.insert(partial.path)
                include(partial.nodes, scope: scope, at: place.including(partial, indentation: indentation), to: &ops)
            case .parent(let name, let indentation, let definitions):
                guard let parent = templates[name] else {
                    report("no layout named '\(name)' in Templates/", node, place.source)
                    continue
                }
                files.insert(parent.path)
                // The outermost definition of a block wins: a child's override beats its layout's own.
                var blocks = place.blocks
                for definition in definitions {
                    guard case .definition(let block, let content) = definition.kind, blocks[block] == nil else { continue }
                    blocks[block] = Block(nodes: content, source: place.source)
                }
                include(parent.nodes, scope: scope, at: place.including(parent, blocks: blocks, indentation: indentation), to: &ops)
            case .block(let name, let indentation, let intrinsic, let children):
                if let replacement = place.blocks[name] {
                    // An override takes the place of the default's lines, so it is indented as they are.
                    if !intrinsic.isEmpty { ops.append(.bytes(Array(intrinsic.utf8))) }
                    include(replacement.nodes, scope: scope, at: place.including(replacement.source, indentation: indentation + intrinsic), to: &ops)
                } else {
                    let inner = Place(source: place.source, blocks: place.blocks, indentation: place.indentation + Array(indentation.utf8), depth: place.depth)
                    include(children, scope: scope, at: inner, to: &ops)
                }
            case .definition:
                // The parser makes definitions only inside a parent call, which reads them above.
                continue
            }
        }
    }

    /// A partial, layout or block: inline when nothing indents it, else a unit of its own.
    private mutating func include(_ nodes: [TemplateNode], scope: Scope, at place: Place, to ops: inout [Op]) {
        if place.indentation.isEmpty {
            append(nodes, scope: scope, at: place, to: &ops)
        } else {
            let body = unit(nodes, scope: scope, at: place)
            ops.append(.run { state in body.run(&state) })
        }
    }

    private mutating func section(_ field: BoundField, inverted: Bool, _ children: [TemplateNode], scope: Scope, at place: Place) -> Op {
        switch field {
        case .flag(let read):
            let body = unit(children, scope: scope, at: place)
            return .run { state in if (read(state.frames) == true) != inverted { body.run(&state) } }
        case .text(let read), .html(let read):
            if inverted {
                let body = unit(children, scope: scope, at: place)
                return .run { state in if read(state.frames) == nil { body.run(&state) } }
            }
            let use = ItemUse()
            let body = unit(children, scope: scope.enteringText(use), at: place)
            guard use.named else { return .run { state in if read(state.frames) != nil { state.reentering(body) } } }
            return .run { state in if let text = read(state.frames) { state.entering(Box(text), body) } }
        case .textList(let read):
            if inverted {
                let body = unit(children, scope: scope, at: place)
                return .run { state in if read(state.frames)?.isEmpty ?? true { body.run(&state) } }
            }
            let use = ItemUse()
            let body = unit(children, scope: scope.enteringText(use), at: place)
            guard use.named else {
                return .run { state in
                    for _ in read(state.frames) ?? [] { state.reentering(body) }
                }
            }
            return .run { state in
                for text in read(state.frames) ?? [] { state.entering(Box(text), body) }
            }
        case .object(let get, let table):
            if inverted {
                let body = unit(children, scope: scope, at: place)
                return .run { state in if get(state.frames) == nil { body.run(&state) } }
            }
            let body = unit(children, scope: scope.entering(table), at: place)
            return .run { state in if let child = get(state.frames) { state.entering(child, body) } }
        case .list(let get, let table):
            if inverted {
                let body = unit(children, scope: scope, at: place)
                return .run { state in if get(state.frames)?.isEmpty ?? true { body.run(&state) } }
            }
            let body = unit(children, scope: scope.entering(table), at: place)
            return .run { state in
                for item in get(state.frames) ?? [] { state.entering(item, body) }
            }
        }
    }

    /// The field a name refers to, searching the scopes innermost first; nil (and a diagnostic) when none declares it.
    private mutating func resolve(_ name: String, _ scope: Scope, _ node: TemplateNode, _ source: TemplateSource) -> BoundField? {
        if name == "." {
            if let item = scope.item { return .text(item()) }
            report("'.' is only meaningful inside a list of texts", node, source)
            return nil
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else {
            report("'\(name)' is not a name: write field names joined by single dots (e.g. site.name)", node, source)
            return nil
        }
        let candidates = scope.lookup(parts[0])
        guard var field = candidates.first else {
            report("'\(parts[0])' is not a field of \(scope.models.joined(separator: " or "))", node, source)
            return nil
        }
        for candidate in candidates.dropFirst() {
            if let either = field.or(candidate) { field = either }
        }
        var owner = scope.models.first ?? ""
        for part in parts.dropFirst() {
            if let model = field.modelName { owner = model }
            guard let next = field.member(part) else {
                report("'\(part)' is not a field of \(owner)", node, source)
                return nil
            }
            field = next
        }
        return field
    }

    /// A `{{@key}}` tag: the table's text as bytes, escaped now, with each `{name}` placeholder a field of the
    /// scope, escaped as it renders. A text with a count's forms chooses one by the number of its first placeholder.
    private mutating func translate(_ key: String, scope: Scope, _ node: TemplateNode, _ place: Place, to ops: inout [Op]) {
        guard let strings else {
            report("'{{@\(key)}}' is a text of the theme's string table, and there is no Templates/i18n/\(language).yaml", node, place.source)
            return
        }
        guard let entry = strings.entries[key] else {
            report("'\(key)' is not in \(strings.path)", node, place.source)
            return
        }
        usedKeys.insert(key)
        switch entry.forms {
        case .text(let text):
            append(text, key: key, scope: scope, node, place, to: &ops)
        case .plural(let one, let other):
            guard let counted = StringTable.placeholders(in: one).first ?? StringTable.placeholders(in: other).first,
                  let field = resolve(counted, scope, node, place.source) else { return }
            guard case .text(let read) = field else {
                report("'\(counted)', the number of '\(key)', is not a text field", node, place.source)
                return
            }
            var oneOps: [Op] = [], otherOps: [Op] = []
            append(one, key: key, scope: scope, node, place, to: &oneOps)
            append(other, key: key, scope: scope, node, place, to: &otherOps)
            let singular = Unit(ops: oneOps, indentation: []), plural = Unit(ops: otherOps, indentation: [])
            ops.append(.run { state in
                if read(state.frames).map(Self.isOne) == true { singular.run(&state) } else { plural.run(&state) }
            })
        }
    }

    /// One form of a text: its literal runs as escaped bytes, its placeholders as the scope's text fields.
    private mutating func append(_ text: String, key: String, scope: Scope, _ node: TemplateNode, _ place: Place, to ops: inout [Op]) {
        guard case .success(let parts) = StringTable.parts(of: text) else { return }
        for part in parts {
            switch part {
            case .literal(let literal):
                // As CommonMark escapes text (the apostrophe stays): what the same words written in a template give.
                ops.append(.bytes(Array(Escape.markdownText(literal).utf8)))
            case .placeholder(let name):
                guard let field = resolve(name, scope, node, place.source) else { continue }
                guard case .text(let read) = field else {
                    report("'{\(name)}' in '\(key)' is not a text field", node, place.source)
                    continue
                }
                ops.append(.run { state in if let value = read(state.frames) { state.page.appendEscaped(value) } })
            }
        }
    }

    /// Whether a count, as a page shows it (digits with a language's group separators), is one.
    static func isOne(_ shown: String) -> Bool {
        shown.unicodeScalars.filter { ("0"..."9").contains($0) }.map(String.init).joined() == "1"
    }

    private static func isSection(named name: String, _ node: TemplateNode) -> Bool {
        if case .section(let other, false, _) = node.kind { return other == name }
        return false
    }

    /// A literal link belongs to the text holding its opening quote (the value may start with a tag).
    private mutating func collectLinks(in text: String, _ node: TemplateNode, _ source: TemplateSource) {
        guard !source.links.isEmpty else { return }
        let lineCount = text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        let lastLineLength = text.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count } ?? 0
        let end = lineCount == 0 ? (node.line, node.column + lastLineLength) : (node.line + lineCount, 1 + lastLineLength)
        links += source.links.filter { link in
            let quote = (link.location.line, link.location.column - 1)
            return quote >= (node.line, node.column) && quote < end
        }
    }

    private mutating func report(_ message: String, _ node: TemplateNode, _ source: TemplateSource) {
        diagnostics.append(.error(message, at: SourceLocation(path: source.path, line: node.line, column: node.column)))
    }
}
