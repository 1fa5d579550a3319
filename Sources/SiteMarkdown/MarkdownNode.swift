public import SiteCore
import Foundation

/// One node of a parsed Markdown document: an immutable Swift value with its source location.
public struct MarkdownNode: Sendable {
    /// Cases with more than one string are `indirect`: they are few, and inline they would make every
    /// node, text included, larger (a long guide has millions of nodes).
    public enum Kind: Sendable {
        case document
        case paragraph
        /// A heading with its unique, stable id.
        indirect case heading(level: Int, id: String)
        case blockQuote
        indirect case list(ordered: Bool, start: Int, tight: Bool)
        case item
        indirect case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case thematicBreak
        /// A structured component placed with `{{< name >}}` on its own line.
        case shortcode(String)
        case text(String)
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        indirect case link(url: String, title: String)
        indirect case image(url: String, title: String)
        indirect case citation(Citation)
    }

    /// A line and column in the node's file, kept small: a long guide has millions of nodes, and the
    /// file's path is the document's (`MarkdownDocument.location(of:)`).
    public struct Position: Sendable, Hashable {
        public let line: Int32
        public let column: Int32
    }

    public let kind: Kind
    public let children: [MarkdownNode]
    public let position: Position

    public init(_ kind: Kind, children: [MarkdownNode] = [], location: SourceLocation) {
        self.kind = kind
        self.children = children
        position = Position(line: Int32(clamping: location.line), column: Int32(clamping: location.column))
    }

    /// An image's text alternative, as CommonMark renders it: the text of its content, nested
    /// images' content included, with line breaks as spaces.
    public var altText: String {
        switch kind {
        case .text(let text): return Self.spaced(text)
        case .code(let text), .htmlInline(let text): return text
        case .lineBreak: return " "
        case .citation: return ""
        default: return children.map(\.altText).joined()
        }
    }

    /// The node's text without markup (for heading ids, accessible names, JSON-LD).
    public var plainText: String {
        switch kind {
        case .text(let text): return Self.spaced(text)
        case .code(let text): return text
        case .lineBreak: return " "
        case .citation, .htmlInline, .image: return ""
        default: return children.map(\.plainText).joined()
        }
    }

    /// Text with its soft line breaks (kept as "\n" inside text nodes) read as spaces.
    private static func spaced(_ text: String) -> String {
        text.contains("\n") ? text.replacingOccurrences(of: "\n", with: " ") : text
    }
}
