import SiteCore

/// Checks every internal link and fragment of a built site, and locates each problem at its source.
import Foundation

public struct LinkChecker: Sendable {
    /// The result of a check.
    public struct Report: Sendable {
        public var checked = 0
        public var problems: [LinkProblem] = []

        public init(checked: Int = 0, problems: [LinkProblem] = []) {
            self.checked = checked
            self.problems = problems
        }

        public var broken: Int { problems.filter { $0.severity == .error }.count }
        public var warnings: Int { problems.filter { $0.severity == .warning }.count }
    }

    let resolver: LinkResolver
    /// Shown before page paths, e.g. `Public/` with `--site Public`.
    let pagePrefix: String

    public init(baseURL: String, basePath: String, pagePrefix: String = "") {
        resolver = LinkResolver(baseURL: baseURL.hasSuffix("/") ? baseURL : baseURL + "/", basePath: basePath)
        self.pagePrefix = pagePrefix
    }

    /// - Parameters:
    ///   - pages: every HTML page of the output by its path in the output, extracted.
    ///   - files: every file of the output by its path.
    ///   - origins: the build's link origins by page path; empty with `--site`.
    public func check(pages: [String: ExtractedPage], files: Set<String>, origins: [String: [LinkOrigin]] = [:]) -> Report {
        let paths = pages.keys.sorted()
        let verdicts = ParallelMap.map(Self.chunks(paths)) { chunk -> [[Verdict]] in
            var memo: [String: Verdict] = [:]
            return chunk.map { path in pages[path]!.links.map { verdict(for: $0.href, files: files, memo: &memo) } }
        }
        return finish(paths: paths, pages: pages, verdicts: Self.unchunk(verdicts, count: paths.count), files: files, origins: origins)
    }

    /// Checks a built folder: lists it and reads and scans its pages on every core in one pass, then
    /// judges the links once every file is known. (Problems are sorted at the end, so pages need no order.)
    public func checkSite(_ folder: URL) -> (report: Report, files: Set<String>) {
        let read = BuiltSiteReader.read(folder.path, makeState: { () }) { _, page -> ExtractedPage in
            HTMLScanner.extract(page.bytes)
        }
        let files = Set(read.files)
        let paths = read.results.map(\.0)
        let pages = Dictionary(uniqueKeysWithValues: read.results)
        let verdicts = ParallelMap.map(Self.chunks(paths)) { chunk -> [[Verdict]] in
            var memo: [String: Verdict] = [:]
            return chunk.map { path in pages[path]!.links.map { verdict(for: $0.href, files: files, memo: &memo) } }
        }
        return (finish(paths: paths, pages: pages, verdicts: Self.unchunk(verdicts, count: paths.count), files: files, origins: [:]), files)
    }

    /// What is known of a link before every page is read.
    enum Verdict: Sendable {
        case fine
        case problem(Diagnostic.Severity, String)
        /// The target exists; its fragment must be on it (with a warning to add if the fragment is there).
        case fragment(page: String, fragment: String, warning: String?)
        /// Relative or fragment-only: depends on the page it is on.
        case onPage
    }

    private func verdict(for href: String, files: Set<String>, memo: inout [String: Verdict]) -> Verdict {
        // Root-relative and absolute hrefs mean the same on every page: each is judged once per chunk.
        guard LinkResolver.isPageIndependent(href) else { return .onPage }
        if let known = memo[href] { return known }
        let verdict = precheck(resolver.resolve(href, onPage: ""), href, files: files)
        memo[href] = verdict
        return verdict
    }

    /// Pages in a few interleaved chunks, so each chunk's memo serves many pages and the cores stay busy.
    static func chunks(_ paths: [String]) -> [[String]] {
        let count = min(paths.count, 4)
        return (0..<count).map { chunk in stride(from: chunk, to: paths.count, by: count).map { paths[$0] } }
    }

    static func unchunk<T>(_ chunks: [[T]], count: Int) -> [T] {
        var result: [T?] = Array(repeating: nil, count: count)
        for (chunk, items) in chunks.enumerated() {
            for (index, item) in items.enumerated() { result[chunk + index * chunks.count] = item }
        }
        return result.map { $0! }
    }

    private func finish(paths: [String], pages: [String: ExtractedPage], verdicts: [[Verdict]], files: Set<String>,
                        origins: [String: [LinkOrigin]]) -> Report {
        let results = ParallelMap.map(Array(paths.indices)) { pageIndex -> [LinkProblem] in
            let path = paths[pageIndex]
            let page = pages[path]!
            var problems: [LinkProblem] = []
            for (index, link) in page.links.enumerated() {
                let found: (Diagnostic.Severity, String)?
                switch verdicts[pageIndex][index] {
                case .fine: found = nil
                case .problem(let severity, let message): found = (severity, message)
                case .fragment(let target, let fragment, let warning):
                    if let targetPage = pages[target], !targetPage.targets.contains(fragment) {
                        found = (.error, "no element with id '\(fragment)' on \(target) (link '\(link.href)')")
                    } else {
                        found = warning.map { (.warning, $0) }
                    }
                case .onPage:
                    found = problem(resolver.resolve(link.href, onPage: path), link.href, on: path, pages: pages, files: files)
                }
                guard let (severity, message) = found else { continue }
                // The ordinal among the page's links with this href matches the build's link origins.
                let ordinal = page.links[..<index].filter { $0.href == link.href }.count
                let candidates = (origins[path] ?? []).filter { $0.href == link.href }
                let origin = candidates.first { $0.ordinal == ordinal } ?? candidates.first
                problems.append(LinkProblem(
                    severity: severity, message: message, href: link.href,
                    page: SourceLocation(path: pagePrefix + path, line: link.line, column: link.column),
                    source: origin?.origin))
            }
            return problems
        }
        var report = Report(checked: pages.values.reduce(0) { $0 + $1.links.count }, problems: results.flatMap { $0 })
        report.problems.sort { ($0.location, $0.page, $0.message) < ($1.location, $1.page, $1.message) }
        return report
    }

    /// A link's problem once every page is known.
    private func problem(_ target: LinkTarget, _ href: String, on page: String, pages: [String: ExtractedPage],
                         files: Set<String>) -> (Diagnostic.Severity, String)? {
        if case .samePage(let fragment) = target {
            guard !fragment.isEmpty, let current = pages[page], !current.targets.contains(fragment) else { return nil }
            return (.error, "no element with id '\(fragment)' on this page (link '\(href)')")
        }
        switch precheck(target, href, files: files) {
        case .fine, .onPage: return nil
        case .problem(let severity, let message): return (severity, message)
        case .fragment(let target, let fragment, let warning):
            if let targetPage = pages[target], !targetPage.targets.contains(fragment) {
                return (.error, "no element with id '\(fragment)' on \(target) (link '\(href)')")
            }
            return warning.map { (.warning, $0) }
        }
    }

    /// What can be said of a resolved link from the list of files alone.
    private func precheck(_ target: LinkTarget, _ href: String, files: Set<String>) -> Verdict {
        switch target {
        case .samePage:
            return .onPage
        case .page(let path, let fragment, let slashless):
            var target = path
            var warning: String?
            if !files.contains(path) {
                let folderIndex = (path.isEmpty ? "" : path + "/") + "index.html"
                guard slashless && files.contains(folderIndex) else {
                    return .problem(.error, "broken link '\(href)': no file \(path) in the output")
                }
                target = folderIndex
                warning = "link '\(href)' lacks the trailing slash of its folder; write it ending in '/'"
            }
            if let fragment, !fragment.isEmpty { return .fragment(page: target, fragment: fragment, warning: warning) }
            return warning.map { .problem(.warning, $0) } ?? .fine
        case .mailto(let address):
            return Self.isValidMailto(address) ? .fine : .problem(.error, "malformed mailto link '\(href)'")
        case .tel(let number):
            return Self.isValidTel(number) ? .fine : .problem(.error, "malformed tel link '\(href)'")
        case .outsideSite(let path):
            return .problem(.error, "link '\(path)' is outside the site's base path \(resolver.basePath)")
        case .unsafe(let scheme):
            return .problem(.error, "unsafe URL scheme '\(scheme):' in link '\(href)'")
        case .external, .other:
            return .fine
        }
    }

    /// `someone@example.org`, several separated by commas, optionally `?subject=…`.
    static func isValidMailto(_ value: String) -> Bool {
        let addresses = value.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let list = addresses.split(separator: ",")
        guard !list.isEmpty else { return false }
        return list.allSatisfy { raw in
            let address = (raw.removingPercentEncoding ?? String(raw)).trimmingCharacters(in: .whitespaces)
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
                && !parts[1].hasSuffix(".") && !address.contains(where: \.isWhitespace)
        }
    }

    /// RFC 3966: a global number (`+` and digits with visual separators) with optional parameters (`;ext=12`).
    static func isValidTel(_ value: String) -> Bool {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        guard let number = parts.first, !number.isEmpty else { return false }
        let digits = number.filter(\.isNumber)
        guard !digits.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.() ".contains($0)) }),
              number.dropFirst().allSatisfy({ $0 != "+" }) else { return false }
        return parts.dropFirst().allSatisfy { parameter in
            let pair = parameter.split(separator: "=", maxSplits: 1)
            return pair.count == 2 && !pair[0].isEmpty && !pair[1].isEmpty
        }
    }
}
