import Foundation
public import SiteBuild
import SiteCore
public import SiteLinks
import SiteContent

/// The one way from a built site to its link report: the pages' HTML scanned into a `ScannedSite`, every link
/// judged against the output's files, and each problem located where an editor fixes it (from the link origins
/// the build recorded). `iopsite check` runs it once; `serve` and `build --watch` keep one and give it each
/// change, so that only the pages a change rewrote are scanned again.
public struct SiteLinkCheck: Sendable {
    /// The scanned pages of the last check, kept for the next (nil before the first).
    public private(set) var site: ScannedSite?
    /// Whether scanning and checking use every core (a one-shot check) or only the calling thread (the dev loop's
    /// check, which runs at low priority beside the next rebuild).
    public let parallel: Bool
    /// Incremental updates a scan takes before it is made again from the pages (each update adds a table).
    static let updatesBeforeRescan = 256

    public init(parallel: Bool = true) {
        self.parallel = parallel
    }

    /// Checks every link of `snapshot`. With `change` (what led from the snapshot checked last to this one), only
    /// the pages it rewrote are scanned again; without, or after many updates, every page is.
    /// - Parameter files: the output's files that links may name; by default the files the build makes.
    public mutating func check(_ snapshot: SiteSnapshot, change: SiteChange? = nil, files: Set<String>? = nil) -> LinkChecker.Report {
        if let change, var kept = site, kept.tableCount <= Self.updatesBeforeRescan {
            site = nil  // `kept` is then the scan's only holder, so updating it copies nothing
            for route in change.routes {
                if let page = snapshot.pages[route], let html = page.checkedHTML { kept.update(page.file, html: html) } else { kept.remove(route.outputFile) }
            }
            site = kept
        } else {
            let html = snapshot.orderedPages.compactMap { page in page.checkedHTML.map { (path: page.file, html: $0) } }
            site = ScannedSite(html: html, parallel: parallel)
        }
        var report = Self.checker(for: snapshot).check(site!, files: files ?? snapshot.outputPaths, origins: Self.origins(of: snapshot), parallel: parallel)
        // The links between a page's languages must pair up as well as lead somewhere.
        report.problems += AlternateCheck.problems(snapshot)
        return report
    }

    /// The outside links of the site checked last, each with where an editor fixes it (`check --external`).
    public func outsideLinks(of snapshot: SiteSnapshot) -> [OutsideLink] {
        guard let site else { return [] }
        return Self.checker(for: snapshot).outsideLinks(in: site, origins: Self.origins(of: snapshot))
    }

    static func checker(for snapshot: SiteSnapshot) -> LinkChecker {
        LinkChecker(baseURL: snapshot.content.config.baseURL, basePath: snapshot.content.config.basePath)
    }

    /// Where each page's links come from, by output file.
    static func origins(of snapshot: SiteSnapshot) -> [String: [LinkOrigin]] {
        Dictionary(snapshot.pages.values.map { ($0.file, $0.links) }) { first, _ in first }
    }
}
