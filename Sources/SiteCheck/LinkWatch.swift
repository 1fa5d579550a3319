import Foundation
public import SiteBuild
import SiteCore
public import SiteLinks
#if canImport(Glibc)
import Glibc
#endif

/// Checks the internal links and anchors of the site a long-lived process keeps, after every rebuild:
/// only the pages a change rewrote are scanned again; every link is then judged against the current
/// pages and files (a page elsewhere may link to an anchor that just went away).
public final class LinkWatch: @unchecked Sendable {
    private var links = SiteLinkCheck(parallel: false)
    /// The lines printed last, so that an unchanged report is not printed again.
    private var printed: [String] = []
    /// How long the last check took.
    private var milliseconds = 0.0
    private let lock = NSLock()
    /// The check waiting for the background thread: the newest snapshot, with the changes since the last check.
    private var pending: (snapshot: SiteSnapshot, change: SiteChange, isFirst: Bool)?
    private var checking = false

    public init() {}

    /// Checks `snapshot` on a thread of its own, at the lowest priority, and gives the lines to print to `print`.
    /// The rebuild that comes next never waits for a check: a check of a layout edit scans every page, and an
    /// editor saving again should see the page first. Snapshots that come while a check runs are checked once,
    /// the newest with every change since the last check.
    public func submit(_ snapshot: SiteSnapshot, change: SiteChange, isFirst: Bool, print: @escaping @Sendable (String) -> Void) {
        let start = lock.withLock { () -> Bool in
            if var waiting = pending {
                waiting.change.routes += change.routes
                waiting.change.written += change.written
                waiting.change.removed += change.removed
                pending = (snapshot, waiting.change, waiting.isFirst || isFirst)
            } else {
                pending = (snapshot, change, isFirst)
            }
            defer { checking = true }
            return !checking
        }
        guard start else { return }
        let thread = Thread { [self] in
            #if os(Linux)
            // Nice 19 for this thread alone (on Linux, who 0 is the calling thread): rebuilds and answers come first.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            #endif
            while let next = lock.withLock({ () -> (snapshot: SiteSnapshot, change: SiteChange, isFirst: Bool)? in
                defer { pending = nil }
                if pending == nil { checking = false }
                return pending
            }) {
                if let problems = check(next.snapshot, change: next.change, isFirst: next.isFirst) { lines(problems).forEach(print) }
            }
        }
        thread.name = "iopsite links"
        thread.start()
    }

    /// The link problems of `snapshot`, which `change` led to from the snapshot checked before; nil when
    /// the change rewrote no page (then nothing a link points at changed either). The check stays on the calling
    /// thread (`submit`'s, of low priority).
    public func check(_ snapshot: SiteSnapshot, change: SiteChange, isFirst: Bool) -> LinkChecker.Report? {
        guard isFirst || links.site == nil || !change.isEmpty else { return nil }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        return links.check(snapshot, change: isFirst ? nil : change)
    }

    /// The terminal's lines for a report when they differ from the last ones printed: each problem
    /// once where to fix it (with how many pages show it), then a count; a line when all are fixed.
    public func lines(_ report: LinkChecker.Report) -> [String] {
        var pages: [String: Int] = [:]
        var order: [String] = []
        for problem in report.problems {
            let line = "\(problem.location): \(problem.severity.rawValue): \(problem.message)"
            if pages[line] == nil { order.append(line) }
            pages[line, default: 0] += 1
        }
        var lines = order.prefix(20).map { pages[$0]! > 1 ? "\($0) (on \(pages[$0]!) pages)" : $0 }
        if order.count > 20 { lines.append("… and \(order.count - 20) more (iopsite check lists them all)") }
        if !lines.isEmpty {
            lines.append("Links: \(report.broken) broken, \(report.warnings) warnings, of \(Count.text(report.checked)) checked")
        }
        defer { printed = lines }
        if lines == printed { return [] }
        let time = " in \(String(format: "%.0f", milliseconds)) ms."
        return lines.isEmpty ? ["Links: all \(Count.text(report.checked)) fine" + time] : lines.dropLast() + [lines.last! + time]
    }
}
