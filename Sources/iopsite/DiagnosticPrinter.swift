import Foundation
import SiteCore

/// Prints diagnostics to standard error, one `path:line:col: severity: message` per line.
enum DiagnosticPrinter {
    /// Details (the per-state lines under a summary) only when `verbose`.
    static func print(_ diagnostics: [Diagnostic], verbose: Bool) {
        let shown = diagnostics.filter { verbose || !$0.isDetail }
        guard !shown.isEmpty else { return }
        let text = shown.sortedUnique.map(\.description).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
