import Foundation
import SiteCheck
import SiteExternal
import SiteLinks

/// `external: 120/412 checked · 100 ok · 2 broken · 1 blocked · 0 deferred · 3 unreliable · waiting on example.org`:
/// rewritten in place on a terminal (at most ten times a second), a plain line every 5 s otherwise.
final class ProgressLine: @unchecked Sendable {
    private let interactive: Bool
    private let lock = NSLock()
    private var last = Date.distantPast
    private var shown = false

    init(interactive: Bool) {
        self.interactive = interactive
    }

    func show(_ progress: ExternalProgress) {
        lock.withLock {
            let now = Date()
            // The summary follows: a last progress line would only repeat it.
            guard progress.done < progress.total, now.timeIntervalSince(last) >= (interactive ? 0.1 : 5) else { return }
            last = now
            shown = true
            let line = Self.text(progress)
            FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + line : line + "\n").utf8))
        }
    }

    func finish() {
        lock.withLock {
            if interactive && shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }

    static func text(_ progress: ExternalProgress) -> String {
        let counts = ExternalOutcome.allCases.map { "\(progress.counts[$0, default: 0]) \($0.rawValue)" }
        let waiting = progress.waitingOn.map { " · waiting on \($0)" } ?? ""
        return "external: \(progress.done)/\(progress.total) checked · " + counts.joined(separator: " · ") + waiting
    }
}
