import Foundation
import SiteCore

/// Every HTML page of a site as scanned: each page's links and targets are ids in one of a few tables
/// (one per scanning task, so tasks never share a table).
public struct ScannedSite: Sendable {
    var tables: [ByteStringTable]
    var paths: [String]
    var pages: [ScannedPage]
    /// Each page's table.
    var tableOfPage: [Int]
    /// Pages by path in the output.
    var index: [String: Int]

    init(tables: [ByteStringTable], pages: [(path: String, table: Int, page: ScannedPage)]) {
        self.tables = tables
        paths = pages.map(\.path)
        self.pages = pages.map(\.page)
        tableOfPage = pages.map(\.table)
        index = Dictionary(pages.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Scans pages already in memory (the pages a build just rendered) on every core, or with `parallel`
    /// false on the calling thread alone.
    public init(html pages: [(path: String, html: String)], parallel: Bool = true) {
        let chunkCount = max(1, min(pages.count, ProcessInfo.processInfo.activeProcessorCount))
        let chunks = (0..<chunkCount).map { chunk in Array(stride(from: chunk, to: pages.count, by: chunkCount)) }
        let scanned = ParallelMap.map(chunks, parallel: parallel) { chunk -> (ByteStringTable, [(String, ScannedPage)]) in
            var table = ByteStringTable()
            let found = chunk.map { index in
                var html = pages[index].html
                return (pages[index].path, html.withUTF8 { HTMLScanner.scan($0, into: &table) })
            }
            return (table, found)
        }
        self.init(tables: scanned.map(\.0),
                  pages: scanned.enumerated().flatMap { table, chunk in chunk.1.map { (path: $0.0, table: table, page: $0.1) } })
    }

    /// How many links all pages hold.
    var linkCount: Int { pages.reduce(0) { $0 + $1.links.count } }

    /// True when `path` is a scanned page without an element with id (or `<a name>`) `fragment`; other
    /// files (a stylesheet, an image) have no targets to check.
    func page(_ path: String, lacks fragment: String) -> Bool {
        guard let page = index[path] else { return false }
        guard let id = tables[tableOfPage[page]].find(fragment) else { return true }
        return !pages[page].hasTarget(id)
    }
}
