import Foundation
import SiteBuild
import SiteCore
import SiteLinks

/// Checks the internal links and anchors of the site a long-lived process keeps, after every rebuild:
/// only the pages a change rewrote are scanned again; every link is then judged against the current
/// pages and files (a page elsewhere may link to an anchor that just went away).
public final class LinkWatch: @unchecked Sendable {
    private var site: ScannedSite?
    /// The lines printed last, so that an unchanged report is not printed again.
    private var printed: [String] = []
    /// How long the last check took.
    private var milliseconds = 0.0

    public init() {}

    /// The link problems of `snapshot`, which `change` led to from the snapshot checked before; nil when
    /// the change rewrote no page (then nothing a link points at changed either).
    public func check(_ snapshot: SiteSnapshot, change: SiteChange, isFirst: Bool) -> LinkChecker.Report? {
        guard isFirst || site == nil || !change.isEmpty else { return nil }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        let pages = snapshot.pages
        if isFirst || site == nil || site!.tableCount > 256 {
            let html = snapshot.orderedPages.compactMap { page in page.checkedHTML.map { (path: page.file, html: $0) } }
            site = ScannedSite(html: html)
        } else {
            for route in change.routes {
                if let page = pages[route], let html = page.checkedHTML { site!.update(page.file, html: html) } else { site!.remove(route.outputFile) }
            }
        }
        let config = snapshot.content.config
        let checker = LinkChecker(baseURL: config.baseURL, basePath: config.basePath)
        let origins = Dictionary(pages.values.map { ($0.file, $0.links) }) { first, _ in first }
        return checker.check(site!, files: snapshot.outputPaths, origins: origins)
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
