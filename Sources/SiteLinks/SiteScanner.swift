import Foundation
import SiteCore

/// Reads a built site: every file's path, and every HTML page extracted, in parallel.
public enum SiteScanner {
    public static func scan(_ folder: URL) -> (pages: [String: ExtractedPage], files: Set<String>) {
        let entries = FileTree.entriesInParallel(under: folder.path).filter { $0.kind != .folder && !$0.path.hasPrefix(".iopsite") }
        let files = Set(entries.map(\.path))
        let html = entries.map(\.path).filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }
        let extracted = ParallelMap.map(html) { path -> ExtractedPage in
            guard let data = FileOps.contents(folder.path + "/" + path) else { return ExtractedPage() }
            return data.withUnsafeBytes { HTMLScanner.extract($0.bindMemory(to: UInt8.self)) }
        }
        return (Dictionary(uniqueKeysWithValues: zip(html, extracted)), files)
    }

    /// Extracts pages already in memory (the pages a build just rendered).
    public static func extract(_ pages: [(path: String, html: String)]) -> [String: ExtractedPage] {
        let extracted = ParallelMap.map(pages.map(\.html)) { HTMLScanner.extract($0) }
        return Dictionary(uniqueKeysWithValues: zip(pages.map(\.path), extracted))
    }
}
