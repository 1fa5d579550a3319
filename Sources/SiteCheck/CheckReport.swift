public import SiteCore
public import SiteLinks

/// Everything `iopsite check` found: content diagnostics from the build, link problems, and with
/// `--external` what the outside world said.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var links: LinkChecker.Report
    /// Problems with outside URLs and DOIs, one per place an editor fixes them.
    public var external: [Entry]
    /// Present when outside URLs were checked.
    public var externalSummary: ExternalSummary?

    public init(diagnostics: [Diagnostic], links: LinkChecker.Report, external: [Entry] = [], externalSummary: ExternalSummary? = nil) {
        self.diagnostics = diagnostics
        self.links = links
        self.external = external
        self.externalSummary = externalSummary
    }

    /// One problem of any kind, as the reporters print it.
    public struct Entry: Sendable, Equatable {
        public var severity: Diagnostic.Severity
        public var message: String
        public var location: SourceLocation
        public var page: SourceLocation?
        public var href: String?
        /// False for a warning that must not fail a run even under `--strict` (a server that blocks programs).
        public var failsUnderStrict: Bool

        public init(severity: Diagnostic.Severity, message: String, location: SourceLocation, page: SourceLocation? = nil,
                    href: String? = nil, failsUnderStrict: Bool = true) {
            self.severity = severity
            self.message = message
            self.location = location
            self.page = page
            self.href = href
            self.failsUnderStrict = failsUnderStrict
        }
    }

    /// Every problem, sorted by file, line and column.
    public var entries: [Entry] {
        let content = diagnostics.map { Entry(severity: $0.severity, message: $0.message, location: $0.location) }
        let links = links.problems.map { Entry(severity: $0.severity, message: $0.message, location: $0.location,
                                               page: $0.source == nil ? nil : $0.page, href: $0.href) }
        return (content + links + external).sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    public var errors: Int {
        diagnostics.filter { $0.severity == .error }.count + links.broken + external.filter { $0.severity == .error }.count
    }

    public var warnings: Int {
        diagnostics.filter { $0.severity == .warning }.count + links.warnings + external.filter { $0.severity == .warning }.count
    }

    /// True when the run fails: any error, or under `--strict` any warning that may fail a run.
    public func fails(strict: Bool) -> Bool {
        guard errors == 0 else { return true }
        guard strict else { return false }
        return warnings > external.filter { $0.severity == .warning && !$0.failsUnderStrict }.count
    }

    public var summary: String {
        let links = "\(links.checked) links checked, \(links.broken) broken, \(warnings) warnings"
        return externalSummary.map { links + "\n" + $0.line } ?? links
    }
}
