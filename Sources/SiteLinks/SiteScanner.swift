import Foundation
import SiteCore

/// Extracts the pages a build rendered, in parallel (`LinkChecker.checkSite` reads built folders).
public enum SiteScanner {
    /// Extracts pages already in memory (the pages a build just rendered).
    public static func extract(_ pages: [(path: String, html: String)]) -> [String: ExtractedPage] {
        let extracted = ParallelMap.map(pages.map(\.html)) { HTMLScanner.extract($0) }
        return Dictionary(uniqueKeysWithValues: zip(pages.map(\.path), extracted))
    }
}
