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
        var out = ""
        // HTML with citation marks runs to two or three times its Markdown: one allocation instead of copies
        // that double (pages of a large reservation that are never written cost no memory).
        out.reserveCapacity(document.sourceLength * 3)
        render(document, hooks: hooks, into: &out)
        return out
    }

    /// Appends the HTML to `out` (a page being assembled), so that a long text is written once.
    public func render(_ document: MarkdownDocument, hooks: Hooks = Hooks(), into out: inout String) {
        for block in document.blocks { renderBlock(block, tight: false, hooks: hooks, into: &out) }
    }

    /// Renders only the inlines of a one-paragraph text (a table cell, a short field) without `<p>`.
    public func renderInline(_ document: MarkdownDocument, hooks: Hooks = Hooks()) -> String {
        if document.blocks.count == 1, case .paragraph = document.blocks[0].kind {
            var out = ""
            document.blocks[0].children.forEach { renderInline($0, hooks: hooks, into: &out) }
            return out
        }
        return render(document, hooks: hooks)
    }

    private func renderBlock(_ node: MarkdownNode, tight: Bool, hooks: Hooks, into out: inout String) {
        switch node.kind {
        case .paragraph:
            if !tight { out += "<p>" }
            node.children.forEach { renderInline($0, hooks: hooks, into: &out) }
            out += tight ? "" : "</p>\n"
        case .heading(let level, let id):
            out += "<h\(level) id=\"\(Escape.html(id))\">"
            node.children.forEach { renderInline($0, hooks: hooks, into: &out) }
            out += " <a class=\"heading-anchor\" href=\"#\(Escape.html(id))\" aria-label=\"Link to this section: \(Escape.html(node.plainText))\">#</a></h\(level)>\n"
        case .blockQuote:
            out += "<blockquote>\n"
            node.children.forEach { renderBlock($0, tight: false, hooks: hooks, into: &out) }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            out += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
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
            out += "</\(tag)>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map { " class=\"language-\(Escape.markdownText(String($0)))\"" } ?? ""
            out += "<pre><code\(language)>\(Escape.markdownText(literal))</code></pre>\n"
        case .htmlBlock(let html):
            out += html
        case .thematicBreak:
            out += "<hr>\n"
        case .shortcode(let name):
            out += hooks.shortcode(name)
        default:
            renderInline(node, hooks: hooks, into: &out)
        }
    }

    private func isParagraph(_ node: MarkdownNode) -> Bool {
        if case .paragraph = node.kind { return true }
        return false
    }

    private func renderInline(_ node: MarkdownNode, hooks: Hooks, into out: inout String) {
        switch node.kind {
        case .text(let text): out += Escape.markdownText(text)
        case .lineBreak: out += "<br>\n"
        case .code(let code): out += "<code>\(Escape.markdownText(code))</code>"
        case .htmlInline(let html): out += html
        case .emphasis:
            out += "<em>"; node.children.forEach { renderInline($0, hooks: hooks, into: &out) }; out += "</em>"
        case .strong:
            out += "<strong>"; node.children.forEach { renderInline($0, hooks: hooks, into: &out) }; out += "</strong>"
        case .link(let url, let title):
            out += "<a href=\"\(Escape.href(hooks.url(url)))\"" + (title.isEmpty ? "" : " title=\"\(Escape.markdownText(title))\"") + ">"
            node.children.forEach { renderInline($0, hooks: hooks, into: &out) }
            out += "</a>"
        case .image(let url, let title):
            out += "<img src=\"\(Escape.href(hooks.url(url)))\" alt=\"\(Escape.markdownText(node.altText))\""
                + (title.isEmpty ? "" : " title=\"\(Escape.markdownText(title))\"") + ">"
        case .citation(let citation):
            out += hooks.citation(citation)
        default:
            renderBlock(node, tight: false, hooks: hooks, into: &out)
        }
    }
}
