import Foundation
import SiteCore
import SiteMarkdown
import Testing

/// The README and every page of docs/ link only to files of the repository that exist and to headings those
/// pages have, read as the site's own Markdown is read (libcmark, the site's heading ids).
@Suite struct DocumentationLinkTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// README.md and docs/**/*.md, relative to the root.
    static func pages() throws -> [String] {
        let docs = root.appendingPathComponent("docs")
        let found = FileManager.default.enumerator(atPath: docs.path)?.compactMap { $0 as? String } ?? []
        return ["README.md"] + found.filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }.sorted()
    }

    static func parse(_ path: String, under root: URL) throws -> MarkdownDocument {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        return MarkdownParser.parse(text, source: SourceMap(path: path), options: MarkdownOptions(shortcodes: [], allowRawHTML: true))
    }

    /// Every broken link of `page` as `path:line:col: message`.
    static func problems(in page: String, under root: URL = root, headings: inout [String: Set<String>]) throws -> [String] {
        var problems: [String] = []
        let folder = (page as NSString).deletingLastPathComponent
        for (url, location) in try parse(page, under: root).links {
            if url.contains("://") || url.hasPrefix("mailto:") { continue }
            let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let target = parts[0].isEmpty ? page : ((folder as NSString).appendingPathComponent(parts[0]) as NSString).standardizingPath
            guard !target.hasPrefix(".."), FileManager.default.fileExists(atPath: root.appendingPathComponent(target).path) else {
                problems.append("\(location): '\(url)' names no file of the repository")
                continue
            }
            guard parts.count == 2 else { continue }
            guard target.hasSuffix(".md") else {
                problems.append("\(location): '\(url)' has a fragment, but only Markdown pages have headings")
                continue
            }
            if headings[target] == nil { headings[target] = Set(try parse(target, under: root).headings.map(\.id)) }
            if !headings[target]!.contains(parts[1]) {
                problems.append("\(location): '\(url)': \(target) has no heading with the id '\(parts[1])'")
            }
        }
        return problems
    }

    @Test func everyLinkOfTheReadmeAndTheDocsLeadsSomewhere() throws {
        var headings: [String: Set<String>] = [:]
        let pages = try Self.pages()
        #expect(pages.count > 20)
        let problems = try pages.flatMap { try Self.problems(in: $0, headings: &headings) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func aBrokenLinkAndAMissingHeadingAreFound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doc-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try "# Performance\n\n## Current figures\n".write(to: root.appendingPathComponent("docs/performance.md"), atomically: true, encoding: .utf8)
        let page = "docs/probe.md"
        try "# Probe\n\n[gone](nowhere.md) [bad anchor](performance.md#no-such-heading) [fine](performance.md#current-figures) [self](#probe)\n"
            .write(to: root.appendingPathComponent(page), atomically: true, encoding: .utf8)
        var headings: [String: Set<String>] = [:]
        let problems = try Self.problems(in: page, under: root, headings: &headings)
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("docs/probe.md:3:8: 'nowhere.md' names no file") == true, "\(problems)")
        #expect(problems.last?.contains("docs/performance.md has no heading with the id 'no-such-heading'") == true)
    }
}
