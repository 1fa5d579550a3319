public import SiteCore

/// Collects the diagnostics of one load; passed to every reader so that all problems are reported at once.
public final class DiagnosticLog {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    public func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    public func note(_ message: String, at location: SourceLocation, detail: Bool = false) {
        var note = Diagnostic(.note, message, at: location)
        note.isDetail = detail
        diagnostics.append(note)
    }

    public func append(contentsOf more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }
}
