import SiteCore

/// Renders a `MarkdownDocument` to HTML. Pure: every decision that depends on the page
/// (components, citation marks, where internal links point) comes in through `Hooks`.
public struct MarkdownRenderer: Sendable {
    /// What the page supplies to the renderer.
    public struct Hooks {
        /// HTML for a `{{< name >}}` component.
        public var shortcode: (String) -> String
        /// HTML for a citation mark.
        public var citation: (Citation) -> String
        /// The href to emit for a link or image URL (e.g. root-relative links under the base path).
        public var url: (String) -> String

        public init(shortcode: @escaping (String) -> String = { _ in "" },
                    citation: @escaping (Citation) -> String = { _ in "" },
                    url: @escaping (String) -> String = { $0 }) {
            self.shortcode = shortcode
            self.citation = citation
            self.url = url
        }
    }

    public init() {}

    public func render(_ document: MarkdownDocument, hooks: Hooks = Hooks()) -> String {
        if let prerendered = document.prerendered { return prerendered.html(url: hooks.url) }
        var out = HTMLBytes()
        // HTML with citation marks runs to two or three times its Markdown: one allocation instead of copies
        // that double (pages of a large reservation that are never written cost no memory).
        out.bytes.reserveCapacity(document.sourceLength * 3)
        for block in document.blocks { renderBlock(block, tight: false, hooks: hooks, into: &out) }
        return out.text
    }

    /// Appends the HTML to `out` (a page being assembled).
    public func render(_ document: MarkdownDocument, hooks: Hooks = Hooks(), into out: inout String) {
        out += render(document, hooks: hooks)
    }

    /// Renders only the inlines of a one-paragraph text (a table cell, a short field) without `<p>`; a
    /// prerendered text (`MarkdownOptions.prerendersSimpleText`) renders whole.
    public func renderInline(_ document: MarkdownDocument, hooks: Hooks = Hooks()) -> String {
        if document.blocks.count == 1, case .paragraph = document.blocks[0].kind {
            var out = HTMLBytes()
            document.blocks[0].children.forEach { renderInline($0, hooks: hooks, into: &out) }
            return out.text
        }
        return render(document, hooks: hooks)
    }

    private func renderBlock(_ node: MarkdownNode, tight: Bool, hooks: Hooks, into out: inout HTMLBytes) {
        switch node.kind {
        case .paragraph:
            if !tight { out += "<p>" }
            node.children.forEach { renderInline($0, hooks: hooks, into: &out) }
            if !tight { out += "</p>\n" }
        case .heading(let level, let id):
            out.write("<h\(level) id=\"\(Escape.html(id))\">")
            node.children.forEach { renderInline($0, hooks: hooks, into: &out) }
            out.write(" <a class=\"heading-anchor\" href=\"#\(Escape.html(id))\" aria-label=\"Link to this section: \(Escape.html(node.plainText))\">#</a></h\(level)>\n")
        case .blockQuote:
            out += "<blockquote>\n"
            node.children.forEach { renderBlock($0, tight: false, hooks: hooks, into: &out) }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            if ordered && start != 1 { out.write("<ol start=\"\(start)\">\n") } else { out += ordered ? "<ol>\n" : "<ul>\n" }
            for item in node.children {
                out += "<li>"
                var afterInlineParagraph = false
                for (index, child) in item.children.enumerated() {
                    // A tight item's paragraphs are written inline, as libcmark does.
                    let inlineParagraph = isTight && isParagraph(child)
                    if !inlineParagraph && (index == 0 || afterInlineParagraph) { out += "\n" }
                    renderBlock(child, tight: isTight, hooks: hooks, into: &out)
                    afterInlineParagraph = inlineParagraph
                }
                out += "</li>\n"
            }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map { " class=\"language-\(Escape.markdownText(String($0)))\"" } ?? ""
            out.write("<pre><code\(language)>\(Escape.markdownText(literal))</code></pre>\n")
        case .htmlBlock(let html):
            out.write(html)
        case .thematicBreak:
            out += "<hr>\n"
        case .shortcode(let name):
            out.write(hooks.shortcode(name))
        default:
            renderInline(node, hooks: hooks, into: &out)
        }
    }

    private func isParagraph(_ node: MarkdownNode) -> Bool {
        if case .paragraph = node.kind { return true }
        return false
    }

    private func renderInline(_ node: MarkdownNode, hooks: Hooks, into out: inout HTMLBytes) {
        switch node.kind {
        case .text(let text): out.write(Escape.markdownText(text))
        case .lineBreak: out += "<br>\n"
        case .code(let code): out += "<code>"; out.write(Escape.markdownText(code)); out += "</code>"
        case .htmlInline(let html): out.write(html)
        case .emphasis:
            out += "<em>"; node.children.forEach { renderInline($0, hooks: hooks, into: &out) }; out += "</em>"
        case .strong:
            out += "<strong>"; node.children.forEach { renderInline($0, hooks: hooks, into: &out) }; out += "</strong>"
        case .link(let url, let title):
            out += "<a href=\""; out.write(Escape.href(hooks.url(url))); out += "\""
            if !title.isEmpty { out += " title=\""; out.write(Escape.markdownText(title)); out += "\"" }
            out += ">"
            node.children.forEach { renderInline($0, hooks: hooks, into: &out) }
            out += "</a>"
        case .image(let url, let title):
            out += "<img src=\""; out.write(Escape.href(hooks.url(url))); out += "\" alt=\""; out.write(Escape.markdownText(node.altText)); out += "\""
            if !title.isEmpty { out += " title=\""; out.write(Escape.markdownText(title)); out += "\"" }
            out += ">"
        case .citation(let citation):
            out.write(hooks.citation(citation))
        default:
            renderBlock(node, tight: false, hooks: hooks, into: &out)
        }
    }
}

/// HTML being rendered, as UTF-8 bytes: appending a String to a String costs several times copying its bytes,
/// and a listing's description is a few hundred appends.
struct HTMLBytes {
    var bytes: [UInt8] = []

    static func += (out: inout HTMLBytes, literal: StaticString) {
        literal.withUTF8Buffer { out.bytes.append(contentsOf: $0) }
    }

    mutating func write(_ text: String) {
        UTF8Text.withBytes(of: text) { bytes.append(contentsOf: $0) }
    }

    /// `text` escaped as `Escape.markdownText` escapes it: `& < > "` as entities.
    mutating func writeEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        var runStart = 0, index = 0
        while true {
            // Words without a byte HTML escapes are skipped at once (an apostrophe stops the skip but stays).
            index = ByteScan.skipHTMLPlain(text, from: index)
            guard index < text.count else { break }
            let entity: StaticString
            switch text[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            default:
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            self += entity
            index += 1
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }

    /// The bytes as text (every piece came whole from a String, so they are UTF-8).
    var text: String {
        bytes.withUnsafeBufferPointer { UTF8Text.string(joiningWholeStrings: $0) }
    }
}
