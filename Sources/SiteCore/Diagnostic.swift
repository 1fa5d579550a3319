/// A problem found in content, templates or links, located where it must be fixed.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        /// Information that never fails a run, even under `--strict` (e.g. a summary).
        case note
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A detail of a summary printed elsewhere (the per-state counts under a total), shown only on request (`--verbose`).
    public var isDetail = false

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `path:line:col: error: message`, the form editors and CI parse.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity.rank < rhs.severity.rank }
        return lhs.message < rhs.message
    }
}

extension Diagnostic.Severity {
    fileprivate var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// True when the list fails a run: any error, or any warning under `--strict`.
    public func fails(strict: Bool) -> Bool {
        strict ? contains { $0.severity != .note } : hasErrors
    }

    /// Sorted by file, line and column, without repeats, as they are printed.
    public var sortedUnique: [Diagnostic] { Array(Set(self)).sorted() }
}

/// A diagnostic can be the failure of a step that reads one thing (a file, a value).
extension Diagnostic: Error {}
