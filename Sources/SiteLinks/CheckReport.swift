import SiteCore

/// Everything `iopsite check` found: content diagnostics from the build and link problems.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var links: LinkChecker.Report

    public init(diagnostics: [Diagnostic], links: LinkChecker.Report) {
        self.diagnostics = diagnostics
        self.links = links
    }

    /// One problem of either kind, as the reporters print it.
    public struct Entry: Sendable {
        public var severity: Diagnostic.Severity
        public var message: String
        public var location: SourceLocation
        public var page: SourceLocation?
        public var href: String?
    }

    /// Content diagnostics and link problems together, sorted by file, line and column.
    public var entries: [Entry] {
        let content = diagnostics.map { Entry(severity: $0.severity, message: $0.message, location: $0.location, page: nil, href: nil) }
        let links = links.problems.map { Entry(severity: $0.severity, message: $0.message, location: $0.location,
                                               page: $0.source == nil ? nil : $0.page, href: $0.href) }
        return (content + links).sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count + links.broken }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count + links.warnings }

    /// True when the run fails: any error, or any warning under `--strict`.
    public func fails(strict: Bool) -> Bool { errors > 0 || (strict && warnings > 0) }

    public var summary: String {
        "\(links.checked) links checked, \(links.broken) broken, \(warnings) warnings"
    }
}
