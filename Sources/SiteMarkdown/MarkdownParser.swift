import CCMark
import SiteCore

/// Parses CommonMark (with smart punctuation) through libcmark into an immutable `MarkdownDocument`.
///
/// libcmark's tree is copied into Swift values and freed before `parse` returns; no cmark pointer
/// leaves this file.
public enum MarkdownParser {
    /// The deepest nesting of block quotes, lists, emphasis, links and images a text may have.
    /// libcmark parses any depth; the Swift tree, its renderers and its release are recursive, so
    /// deeper text is refused with an error rather than risking the stack.
    public static let maximumNesting = 100

    public static func parse(_ text: String, source: SourceMap, options: MarkdownOptions = MarkdownOptions()) -> MarkdownDocument {
        parse(text[...], source: source, options: options)
    }

    /// Parses a slice of a larger text (a guide's body after its front matter) without copying it.
    public static func parse(_ text: Substring, source: SourceMap, options: MarkdownOptions = MarkdownOptions()) -> MarkdownDocument {
        parse(text, source: source, options: options, minimumPiece: MarkdownChunks.minimumPiece)
    }

    /// Parses `text` in the pieces `MarkdownChunks` finds (a long text), each converted and freed before the next.
    package static func parse(_ text: Substring, source: SourceMap, options: MarkdownOptions, minimumPiece: Int) -> MarkdownDocument {
        var converter = TreeConverter(source: source, options: options)
        var blocks: [MarkdownNode] = []
        let pieces = MarkdownChunks.split(text, minimumPiece: minimumPiece)
        var prerendered: PrerenderedHTML?
        for piece in pieces {
            var pieceSource = source
            pieceSource.firstLine += piece.firstLine - 1
            guard convert(piece.text, source: pieceSource, with: &converter, into: &blocks,
                          prerendering: options.prerendersSimpleText && pieces.count == 1, as: &prerendered) else {
                return MarkdownDocument(blocks: [], diagnostics: converter.diagnostics, path: source.path)
            }
        }
        if let prerendered {
            return MarkdownDocument(prerendered: prerendered, sourceLength: text.utf8.count, path: source.path)
        }
        return MarkdownDocument(blocks: blocks, diagnostics: converter.diagnostics, sourceLength: text.utf8.count, path: source.path,
                                citations: converter.citations)
    }

    /// Parses one piece with libcmark and appends its blocks; false when it is nested too deeply (reported).
    /// When `prerendering`, a simple text is written as HTML into `prerendered` instead (and no block is appended).
    private static func convert(_ text: Substring, source: SourceMap, with converter: inout TreeConverter,
                                into blocks: inout [MarkdownNode], prerendering: Bool, as prerendered: inout PrerenderedHTML?) -> Bool {
        // No CMARK_OPT_VALIDATE_UTF8: a Swift string is valid UTF-8 already, and libcmark replaces a NUL byte without it.
        let flags = CMARK_OPT_SMART | CMARK_OPT_SOURCEPOS
        // libcmark reads the string's own bytes: no copy of a text that may be megabytes long.
        let parsed = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags) }
        } ?? {
            let bytes = Array(text.utf8).map { CChar(bitPattern: $0) }
            return cmark_parse_document(bytes, bytes.count, flags)
        }()
        guard let root = parsed else {
            converter.diagnostics.append(.error("Markdown could not be parsed", at: source.location(line: 1, column: 1)))
            return false
        }
        defer { cmark_node_free(root) }
        let lines = TextLines(text)
        if let deep = firstNode(deeperThan: maximumNesting, in: root) {
            // The text is refused whole, with this one error, as when it is parsed in one piece: what the
            // pieces before this one reported goes (the first piece's problems would otherwise depend on the cut).
            converter.diagnostics = [.error(
                "Markdown is nested more than \(maximumNesting) levels deep here (block quotes, lists, emphasis, links or images); "
                    + "the limit is \(maximumNesting)", at: position(of: deep, lines: lines, source: source))]
            return false
        }
        if prerendering, let simple = SimpleTextWriter.write(root, lines: lines, source: source, sourceLength: text.utf8.count) {
            prerendered = simple
            return true
        }
        converter.lines = lines
        converter.source = source
        // Each top-level block is freed once converted, so libcmark's tree and the Swift tree are not both whole at once.
        blocks.reserveCapacity(blocks.count + TreeConverter.childCount(of: root))
        while let block = cmark_node_first_child(root) {
            converter.convert(block, into: &blocks)
            cmark_node_free(block)
        }
        return true
    }
}

extension MarkdownParser {
    /// The first node (in document order) nested deeper than `limit`, found with libcmark's iterator
    /// (no recursion, so any depth is safe).
    fileprivate static func firstNode(deeperThan limit: Int, in root: OpaquePointer) -> OpaquePointer? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var depth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return nil }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT { depth -= 1; continue }
            // Leaf nodes are entered but never exited.
            if isLeaf(cmark_node_get_type(node)) { continue }
            depth += 1
            if depth > limit + 1 { return node } // + 1: the document node itself
        }
    }

    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        [CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK,
         CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE].contains(type)
    }

    /// Where a node starts; an inline node without a position of its own takes its nearest block's.
    fileprivate static func position(of node: OpaquePointer, lines: TextLines, source: SourceMap) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                return source.location(line: line, column: lines.column(forByteColumn: Int(cmark_node_get_start_column(candidate)), onLine: line))
            }
            current = cmark_node_parent(candidate)
        }
        return source.location(line: 1, column: 1)
    }
}

/// Walks libcmark's tree once, building Swift nodes and collecting diagnostics.
private struct TreeConverter {
    /// The lines and source of the piece being converted.
    var lines = TextLines("")
    var source: SourceMap
    let options: MarkdownOptions
    var headingIDs = SlugRegistry()
    var diagnostics: [Diagnostic] = []
    /// The citations made so far, in document order (the order nodes are converted in).
    var citations: [Citation] = []
    /// The leaf block whose inlines are being converted.
    var block: BlockSource?

    init(source: SourceMap, options: MarkdownOptions) {
        self.source = source
        self.options = options
        for id in options.reservedIDs.sorted() { _ = headingIDs.claim(id) }
    }

    /// How many children a node has, so that arrays are allocated once at their size.
    static func childCount(of node: OpaquePointer) -> Int {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child { count += 1; child = cmark_node_next(current) }
        return count
    }

    mutating func children(of node: OpaquePointer) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        result.reserveCapacity(Self.childCount(of: node))
        appendChildren(of: node, into: &result)
        return result
    }

    mutating func appendChildren(of node: OpaquePointer, into result: inout [MarkdownNode]) {
        var pendingText: (text: String, location: SourceLocation)?
        var child = cmark_node_first_child(node)
        while let current = child {
            child = cmark_node_next(current)
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK {
                // libcmark splits text at brackets and line ends; join runs so citations are seen whole. A soft
                // break stays a "\n" inside the text (rendered as libcmark renders it), which keeps a long
                // paragraph one node instead of two per line.
                let literal = type == CMARK_NODE_TEXT ? Self.literal(current) : "\n"
                if pendingText == nil { pendingText = (literal, blockLocation(current)) } else { pendingText!.text += literal }
                continue
            }
            if let text = pendingText { appendTextNodes(text.text, at: text.location, into: &result); pendingText = nil }
            convert(current, into: &result)
        }
        if let text = pendingText { appendTextNodes(text.text, at: text.location, into: &result) }
    }

    /// Appends what `node` converts to: one node, or its children's (an array apiece was most of converting a
    /// listing's description).
    mutating func convert(_ node: OpaquePointer, into result: inout [MarkdownNode]) {
        let type = cmark_node_get_type(node)
        let location = blockLocation(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            if let name = shortcodeName(node) {
                if !options.shortcodes.contains(name) {
                    diagnostics.append(.error("unknown shortcode '\(name)'" + Self.knownList(options.shortcodes), at: location))
                }
                return result.append(MarkdownNode(.shortcode(name), location: location))
            }
            result.append(leaf(.paragraph, node))
        case CMARK_NODE_HEADING:
            let converted = leaf(.paragraph, node)
            let id = headingIDs.claim(converted.plainText)
            result.append(MarkdownNode(.heading(level: Int(cmark_node_get_heading_level(node)), id: id),
                                       children: converted.children, location: location))
        case CMARK_NODE_BLOCK_QUOTE:
            result.append(MarkdownNode(.blockQuote, children: children(of: node), location: location))
        case CMARK_NODE_LIST:
            let kind = MarkdownNode.Kind.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                              start: Int(cmark_node_get_list_start(node)),
                                              tight: cmark_node_get_list_tight(node) != 0)
            result.append(MarkdownNode(kind, children: children(of: node), location: location))
        case CMARK_NODE_ITEM:
            result.append(MarkdownNode(.item, children: children(of: node), location: location))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            result.append(MarkdownNode(.codeBlock(info: info, literal: Self.literal(node)), location: location))
        case CMARK_NODE_HTML_BLOCK:
            rawHTML(at: location)
            result.append(MarkdownNode(.htmlBlock(Self.literal(node)), location: location))
        case CMARK_NODE_THEMATIC_BREAK:
            result.append(MarkdownNode(.thematicBreak, location: location))
        case CMARK_NODE_LINEBREAK:
            result.append(MarkdownNode(.lineBreak, location: location))
        case CMARK_NODE_CODE:
            let literal = Self.literal(node)
            let found = block?.find(literal)
            result.append(MarkdownNode(.code(literal), location: inlineLocation(found, fallback: location)))
        case CMARK_NODE_HTML_INLINE:
            let literal = Self.literal(node)
            let at = inlineLocation(block?.find(literal), fallback: location)
            rawHTML(at: at)
            result.append(MarkdownNode(.htmlInline(literal), location: at))
        case CMARK_NODE_EMPH:
            result.append(MarkdownNode(.emphasis, children: children(of: node), location: location))
        case CMARK_NODE_STRONG:
            result.append(MarkdownNode(.strong, children: children(of: node), location: location))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let isImage = type == CMARK_NODE_IMAGE
            let content = children(of: node)
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            let at = inlineLocation(block?.findDestination(url), fallback: location)
            if let scheme = URLSafety.unsafeScheme(of: url) {
                diagnostics.append(.error("unsafe URL scheme '\(scheme):' in \(isImage ? "image" : "link") '\(url)'", at: at))
            }
            let kind: MarkdownNode.Kind = isImage ? .image(url: url, title: title) : .link(url: url, title: title)
            result.append(MarkdownNode(kind, children: content, location: at))
        default:
            appendChildren(of: node, into: &result)
        }
    }

    /// Converts a paragraph or heading, scanning its own source lines for inline positions.
    private mutating func leaf(_ kind: MarkdownNode.Kind, _ node: OpaquePointer) -> MarkdownNode {
        let startLine = Int(cmark_node_get_start_line(node))
        let column = lines.column(forByteColumn: Int(cmark_node_get_start_column(node)), onLine: startLine)
        let outer = block
        block = BlockSource(lines: lines, firstLine: startLine, lastLine: Int(cmark_node_get_end_line(node)), firstColumn: column)
        defer { block = outer }
        return MarkdownNode(kind, children: children(of: node), location: source.location(line: startLine, column: column))
    }

    /// Splits a text run into text and citation nodes.
    private mutating func appendTextNodes(_ text: String, at location: SourceLocation, into nodes: inout [MarkdownNode]) {
        let matches = CitationScanner.matches(in: text)
        guard !matches.isEmpty else { return nodes.append(MarkdownNode(.text(text), location: location)) }
        let scalars = Array(text.unicodeScalars)
        var consumed = 0
        for match in matches {
            if match.range.lowerBound > consumed {
                nodes.append(MarkdownNode(.text(String(String.UnicodeScalarView(scalars[consumed..<match.range.lowerBound]))), location: location))
            }
            let bracket = inlineLocation(block?.findCitationBracket(firstKey: match.items[0].key), fallback: location)
            let items = match.items.map { item in
                Citation.Item(key: item.key, prefix: item.prefix, locator: item.locator,
                              location: inlineLocation(block?.findKey(item.key), fallback: bracket))
            }
            let citation = Citation(items: items, location: bracket)
            citations.append(citation)
            nodes.append(MarkdownNode(.citation(citation), location: bracket))
            consumed = match.range.upperBound
        }
        if consumed < scalars.count {
            nodes.append(MarkdownNode(.text(String(String.UnicodeScalarView(scalars[consumed...]))), location: location))
        }
    }

    private func shortcodeName(_ paragraph: OpaquePointer) -> String? {
        var text = ""
        var child = cmark_node_first_child(paragraph)
        while let current = child {
            guard cmark_node_get_type(current) == CMARK_NODE_TEXT else { return nil }
            text += Self.literal(current)
            child = cmark_node_next(current)
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{{<"), trimmed.hasSuffix(">}}") else { return nil }
        let name = trimmed.dropFirst(3).dropLast(3).trimmingCharacters(in: .whitespaces)
        return name.isEmpty || name.contains(" ") ? nil : name
    }

    private mutating func rawHTML(at location: SourceLocation) {
        guard !options.allowRawHTML else { return }
        diagnostics.append(.error("raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)", at: location))
    }

    private func blockLocation(_ node: OpaquePointer) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(node))
        guard line > 0 else {
            return block.map { source.location(line: $0.start.line, column: $0.start.column) } ?? source.location(line: 1, column: 1)
        }
        return source.location(line: line, column: lines.column(forByteColumn: Int(cmark_node_get_start_column(node)), onLine: line))
    }

    private func inlineLocation(_ found: (line: Int, column: Int)?, fallback: SourceLocation) -> SourceLocation {
        found.map { source.location(line: $0.line, column: $0.column) } ?? fallback
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func knownList(_ names: Set<String>) -> String {
        names.isEmpty ? "" : " (known: \(names.sorted().joined(separator: ", ")))"
    }
}

import Foundation
