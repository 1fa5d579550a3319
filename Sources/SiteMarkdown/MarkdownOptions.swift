/// What a Markdown text may contain where it is used.
public struct MarkdownOptions: Sendable {
    /// Names allowed in `{{< name >}}`; any other name is an error.
    public var shortcodes: Set<String>
    /// Raw HTML passes through instead of being an error (site.yaml `allow_raw_html`).
    public var allowRawHTML: Bool
    /// Ids already used on the page (by the template), which headings must not take.
    public var reservedIDs: Set<String>

    public init(shortcodes: Set<String> = [], allowRawHTML: Bool = false, reservedIDs: Set<String> = []) {
        self.shortcodes = shortcodes
        self.allowRawHTML = allowRawHTML
        self.reservedIDs = reservedIDs
    }
}
