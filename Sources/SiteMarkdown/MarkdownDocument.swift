import SiteCore

/// A parsed Markdown text: its tree, and what the rest of the pipeline needs from it.
public struct MarkdownDocument: Sendable {
    /// The top-level blocks.
    public let blocks: [MarkdownNode]
    /// Raw HTML, unsafe URLs and unknown shortcodes, at their positions.
    public let diagnostics: [Diagnostic]

    public init(blocks: [MarkdownNode], diagnostics: [Diagnostic]) {
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// Every node in document order.
    public var allNodes: [MarkdownNode] {
        var result: [MarkdownNode] = []
        func visit(_ node: MarkdownNode) {
            result.append(node)
            node.children.forEach(visit)
        }
        blocks.forEach(visit)
        return result
    }

    /// Every citation in document order.
    public var citations: [Citation] {
        allNodes.compactMap { if case .citation(let citation) = $0.kind { citation } else { nil } }
    }

    /// Every link and image URL with the position of the URL, in document order.
    public var links: [(url: String, location: SourceLocation)] {
        allNodes.compactMap { node in
            switch node.kind {
            case .link(let url, _), .image(let url, _): (url, node.location)
            default: nil
            }
        }
    }

    /// Headings with their level, id and text, in document order.
    public var headings: [(level: Int, id: String, text: String)] {
        allNodes.compactMap { node in
            if case .heading(let level, let id) = node.kind { (level, id, node.plainText) } else { nil }
        }
    }

    /// The shortcodes the text places, in order.
    public var shortcodes: [String] {
        allNodes.compactMap { if case .shortcode(let name) = $0.kind { name } else { nil } }
    }
}
