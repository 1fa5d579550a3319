public import SiteCore

/// A broken or doubtful link, with where it appears in the output and, when known, where to fix it.
public struct LinkProblem: Sendable, Hashable {
    public var severity: Diagnostic.Severity
    public var message: String
    public var href: String
    /// The page and position in the output.
    public var page: SourceLocation
    /// Where an editor fixes it (Markdown, YAML field or template), from the build's link origins.
    public var source: SourceLocation?

    public init(severity: Diagnostic.Severity, message: String, href: String, page: SourceLocation, source: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.href = href
        self.page = page
        self.source = source
    }

    /// Where the problem is reported: the source when known, else the output page.
    public var location: SourceLocation { source ?? page }
}
