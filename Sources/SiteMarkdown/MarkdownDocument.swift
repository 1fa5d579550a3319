public import SiteCore

/// A parsed Markdown text: its tree, and what the rest of the pipeline needs from it.
public struct MarkdownDocument: Sendable {
    /// The top-level blocks.
    public let blocks: [MarkdownNode]
    /// Raw HTML, unsafe URLs and unknown shortcodes, at their positions.
    public let diagnostics: [Diagnostic]

    /// The length of the Markdown text in bytes, to size the rendered HTML before it is written.
    public let sourceLength: Int

    /// The file the text is in, for the locations of its nodes.
    public let path: String

    /// Every citation in document order: kept, since every listing page and the check ask for them and
    /// walking a tree to find none was a tenth of rendering a listing.
    public let citations: [Citation]

    /// A simple text kept as its HTML instead of nodes (`MarkdownOptions.prerendersSimpleText`): then `blocks`
    /// is empty, there are no diagnostics nor citations, and `links` are the prerendered text's.
    public let prerendered: PrerenderedHTML?

    /// A document of `blocks`; `citations`, when the parser has collected them, must be those the blocks hold.
    public init(blocks: [MarkdownNode], diagnostics: [Diagnostic], sourceLength: Int = 0, path: String = "", citations: [Citation]? = nil) {
        self.blocks = blocks
        self.diagnostics = diagnostics
        self.sourceLength = sourceLength
        self.path = path
        self.citations = citations ?? Self.citations(in: blocks)
        prerendered = nil
    }

    /// A simple text's document, kept as its HTML.
    init(prerendered: PrerenderedHTML, sourceLength: Int, path: String) {
        blocks = []
        diagnostics = []
        self.sourceLength = sourceLength
        self.path = path
        citations = []
        self.prerendered = prerendered
    }

    private static func citations(in blocks: [MarkdownNode]) -> [Citation] {
        var found: [Citation] = []
        func visit(_ node: MarkdownNode) {
            if case .citation(let citation) = node.kind { found.append(citation) }
            node.children.forEach(visit)
        }
        blocks.forEach(visit)
        return found
    }

    /// Where a node of this document is written.
    public func location(of node: MarkdownNode) -> SourceLocation {
        SourceLocation(path: path, line: Int(node.position.line), column: Int(node.position.column))
    }

    /// Visits every node in document order, without collecting them (a large guide has millions).
    public func forEachNode(_ body: (MarkdownNode) -> Void) {
        func visit(_ node: MarkdownNode) {
            body(node)
            node.children.forEach(visit)
        }
        blocks.forEach(visit)
    }

    /// The values `transform` gives for the nodes it accepts, in document order.
    public func collect<Value>(_ transform: (MarkdownNode) -> Value?) -> [Value] {
        var values: [Value] = []
        forEachNode { node in transform(node).map { values.append($0) } }
        return values
    }

    /// Every link and image URL with the position of the URL, in document order.
    public var links: [(url: String, location: SourceLocation)] {
        if let prerendered { return prerendered.links }
        return collect { node in
            switch node.kind {
            case .link(let url, _), .image(let url, _): (url, location(of: node))
            default: nil
            }
        }
    }

    /// Headings with their level, id and text, in document order.
    public var headings: [(level: Int, id: String, text: String)] {
        collect { node in
            if case .heading(let level, let id) = node.kind { (level, id, node.plainText) } else { nil }
        }
    }

    /// The shortcodes the text places, in order.
    public var shortcodes: [String] {
        collect { if case .shortcode(let name) = $0.kind { name } else { nil } }
    }
}
