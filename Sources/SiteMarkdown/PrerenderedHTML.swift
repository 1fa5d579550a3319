import CCMark
import Foundation
import SiteCore

/// A simple Markdown text as the HTML `MarkdownRenderer` makes of it, with each link destination left apart
/// for the page's URL hook: paragraphs, emphasis, strong emphasis, code spans, line breaks and links only.
///
/// A listing's description is nearly always such a text, and ten thousand of them were converted into node
/// trees only to be rendered once: written straight from libcmark's tree, their HTML is the same bytes.
public struct PrerenderedHTML: Sendable {
    /// The HTML without its link destinations (one array: a page copies it in a few moves).
    let bytes: [UInt8]
    /// Where each link destination goes in `bytes`, in order, written through the page's URL hook and escaped
    /// as an attribute.
    let splices: [(offset: Int, destination: String)]
    /// Every link destination with its position, in document order (as `MarkdownDocument.links`).
    let links: [(url: String, location: SourceLocation)]

    /// The HTML, its destinations resolved by `url`.
    func html(url: (String) -> String) -> String {
        var out = HTMLBytes()
        out.bytes.reserveCapacity(bytes.count + 64 * splices.count)
        bytes.withUnsafeBufferPointer { all in
            var from = 0
            for splice in splices {
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: all[from..<splice.offset]))
                out.write(Escape.href(url(splice.destination)))
                from = splice.offset
            }
            out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: all[from...]))
        }
        return out.text
    }
}

/// Writes a simple text's HTML from libcmark's tree, or finds that the text is not simple (then it is
/// converted into nodes as any other). The HTML, the link positions and the order in which code spans and
/// destinations are searched in their block's source are those of `TreeConverter` and `MarkdownRenderer`.
struct SimpleTextWriter {
    let lines: TextLines
    let source: SourceMap
    private var splices: [(offset: Int, destination: String)] = []
    private var html = HTMLBytes()
    private var links: [(url: String, location: SourceLocation)] = []
    private var block: BlockSource?

    init(lines: TextLines, source: SourceMap) {
        self.lines = lines
        self.source = source
    }

    /// The prerendered text of `root`'s blocks, or nil when one of them is not simple.
    /// `sourceLength`: the text's length in bytes, about its HTML's (reserved at once, not grown a doubling at a time).
    static func write(_ root: OpaquePointer, lines: TextLines, source: SourceMap, sourceLength: Int) -> PrerenderedHTML? {
        var writer = SimpleTextWriter(lines: lines, source: source)
        writer.html.bytes.reserveCapacity(sourceLength + sourceLength / 4 + 32)
        var child = cmark_node_first_child(root)
        while let paragraph = child {
            guard cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH, writer.paragraph(paragraph) else { return nil }
            child = cmark_node_next(paragraph)
        }
        return PrerenderedHTML(bytes: writer.html.bytes, splices: writer.splices, links: writer.links)
    }

    private mutating func paragraph(_ node: OpaquePointer) -> Bool {
        let startLine = Int(cmark_node_get_start_line(node))
        let column = lines.column(forByteColumn: Int(cmark_node_get_start_column(node)), onLine: startLine)
        block = BlockSource(lines: lines, firstLine: startLine, lastLine: Int(cmark_node_get_end_line(node)), firstColumn: column)
        html += "<p>"
        guard inlines(of: node) else { return false }
        html += "</p>\n"
        return true
    }

    private mutating func inlines(of node: OpaquePointer) -> Bool {
        var child = cmark_node_first_child(node)
        while let current = child {
            guard inline(current) else { return false }
            child = cmark_node_next(current)
        }
        return true
    }

    private mutating func inline(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            // Read in libcmark's memory: most of a description is its text nodes, and a String of each cost as much as its HTML.
            guard let literal = cmark_node_get_literal(node) else { return true }
            let text = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            // A citation (`[@key]`) or a shortcode (`{{< name >}}`) makes the text one for nodes.
            guard memchr(literal, Int32(UInt8(ascii: "@")), text.count) == nil, !Self.holdsShortcode(text) else { return false }
            html.writeEscaped(text)
        case CMARK_NODE_SOFTBREAK:
            html += "\n"
        case CMARK_NODE_LINEBREAK:
            html += "<br>\n"
        case CMARK_NODE_CODE:
            let literal = Self.literal(node)
            _ = block?.find(literal)
            html += "<code>"
            html.write(Escape.markdownText(literal))
            html += "</code>"
        case CMARK_NODE_EMPH:
            html += "<em>"
            guard inlines(of: node) else { return false }
            html += "</em>"
        case CMARK_NODE_STRONG:
            html += "<strong>"
            guard inlines(of: node) else { return false }
            html += "</strong>"
        case CMARK_NODE_LINK:
            return link(node)
        default:
            return false
        }
        return true
    }

    /// A link: its content first, then its destination searched in the block (as the tree's converter does).
    private mutating func link(_ node: OpaquePointer) -> Bool {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        // Nearly every link has no title: libcmark gives it as an empty C string.
        let title = cmark_node_get_title(node).flatMap { $0.pointee == 0 ? nil : String(cString: $0) } ?? ""
        guard URLSafety.unsafeScheme(of: url) == nil else { return false }
        html += "<a href=\""
        if splices.isEmpty {
            // A description with links has a few: room for them at the first.
            splices.reserveCapacity(4)
            links.reserveCapacity(4)
        }
        splices.append((html.bytes.count, url))
        html += "\""
        if !title.isEmpty {
            html += " title=\""
            html.write(Escape.markdownText(title))
            html += "\""
        }
        html += ">"
        let fallback = location(of: node)
        guard inlines(of: node) else { return false }
        html += "</a>"
        let at = block?.findDestination(url).map { source.location(line: $0.line, column: $0.column) } ?? fallback
        links.append((url, at))
        return true
    }

    /// Whether `text` holds `{{<`.
    private static func holdsShortcode(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, text.count >= 3 else { return false }
        var from = 0
        // Each brace found by memchr (nearly every text has none), then the two bytes after it.
        while from < text.count - 2, let found = memchr(base + from, Int32(UInt8(ascii: "{")), text.count - 2 - from) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if text[index + 1] == UInt8(ascii: "{"), text[index + 2] == UInt8(ascii: "<") { return true }
            from = index + 1
        }
        return false
    }

    /// Where a node starts; without a position of its own, where its block starts.
    private func location(of node: OpaquePointer) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(node))
        guard line > 0 else {
            return block.map { source.location(line: $0.start.line, column: $0.start.column) } ?? source.location(line: 1, column: 1)
        }
        return source.location(line: line, column: lines.column(forByteColumn: Int(cmark_node_get_start_column(node)), onLine: line))
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}
