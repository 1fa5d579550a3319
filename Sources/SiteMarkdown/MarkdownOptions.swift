/// What a Markdown text may contain where it is used.
public struct MarkdownOptions: Sendable {
    /// Names allowed in `{{< name >}}`; any other name is an error.
    public var shortcodes: Set<String>
    /// Raw HTML passes through instead of being an error (site.yaml `allow_raw_html`).
    public var allowRawHTML: Bool
    /// Ids already used on the page (by the template), which headings must not take.
    public var reservedIDs: Set<String>
    /// A text of paragraphs, emphasis, code spans and links only (a listing's description, nearly always)
    /// is kept as its HTML with the link destinations apart, not as nodes (`MarkdownDocument.prerendered`):
    /// for texts that are only ever rendered whole and asked for their links and citations.
    public var prerendersSimpleText: Bool

    public init(shortcodes: Set<String> = [], allowRawHTML: Bool = false, reservedIDs: Set<String> = [], prerendersSimpleText: Bool = false) {
        self.shortcodes = shortcodes
        self.allowRawHTML = allowRawHTML
        self.reservedIDs = reservedIDs
        self.prerendersSimpleText = prerendersSimpleText
    }
}
