import SiteCore

/// One node of a parsed Markdown document: an immutable Swift value with its source location.
public struct MarkdownNode: Sendable {
    public enum Kind: Sendable {
        case document
        case paragraph
        /// A heading with its unique, stable id.
        case heading(level: Int, id: String)
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case thematicBreak
        /// A structured component placed with `{{< name >}}` on its own line.
        case shortcode(String)
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(url: String, title: String)
        case image(url: String, title: String)
        case citation(Citation)
    }

    public let kind: Kind
    public let children: [MarkdownNode]
    public let location: SourceLocation

    public init(_ kind: Kind, children: [MarkdownNode] = [], location: SourceLocation) {
        self.kind = kind
        self.children = children
        self.location = location
    }

    /// An image's text alternative, as CommonMark renders it: the text of its content, nested
    /// images' content included, with line breaks as spaces.
    public var altText: String {
        switch kind {
        case .text(let text): return text.contains("\n") ? text.replacingOccurrences(of: "\n", with: " ") : text
        case .code(let text), .htmlInline(let text): return text
        case .softBreak, .lineBreak: return " "
        case .citation: return ""
        default: return children.map(\.altText).joined()
        }
    }

    /// The node's text without markup (for heading ids, accessible names, JSON-LD).
    public var plainText: String {
        switch kind {
        case .text(let text): return text.contains("\n") ? text.replacingOccurrences(of: "\n", with: " ") : text
        case .code(let text): return text
        case .softBreak, .lineBreak: return " "
        case .citation, .htmlInline, .image: return ""
        default: return children.map(\.plainText).joined()
        }
    }
}
