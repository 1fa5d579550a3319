public import Foundation
public import SiteCore

/// Checks every internal link and fragment of a built site, and locates each problem at its source.
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
    ///   - site: every HTML page of the output, scanned.
    ///   - files: every file of the output by its path.
    ///   - origins: the build's link origins by page path; empty with `--site`.
    ///   - parallel: whether to use every core (false: the calling thread alone, for a check in the background).
    public func check(_ site: ScannedSite, files: Set<String>, origins: [String: [LinkOrigin]] = [:], parallel: Bool = true) -> Report {
        // One task per table: each distinct href of a table is judged once, then its links are looked up.
        var grouped = [[Int]](repeating: [], count: site.tables.count)
        for (page, table) in site.tableOfPage.enumerated() { grouped[table].append(page) }
        let pagesOfTable = grouped
        let found = ParallelMap.map(Array(site.tables.indices), parallel: parallel) { table -> [LinkProblem] in
            var judge = TableJudge(checker: self, site: site, table: table, files: files)
            var problems: [LinkProblem] = []
            for page in pagesOfTable[table] {
                problems += judge.problems(onPage: page, origins: origins[site.paths[page]] ?? [])
            }
            return problems
        }
        var report = Report(checked: site.linkCount, problems: found.flatMap { $0 })
        report.problems.sort { ($0.location, $0.page, $0.message) < ($1.location, $1.page, $1.message) }
        return report
    }

    /// Checks a built folder: lists it, and reads and scans its pages on every core in one pass, then
    /// judges the links once every file is known.
    public func checkSite(_ folder: URL) -> (report: Report, files: Set<String>, site: ScannedSite) {
        let read = BuiltSiteReader.scan(folder.path)
        let files = Set(read.files)
        return (check(read.site, files: files), files, read.site)
    }

    /// What a distinct href comes to.
    enum Verdict {
        case fine
        case problem(Diagnostic.Severity, String)
        /// `#fragment`: the page the link is on must have the target (its id in the table, if any).
        case samePage(target: Int32?, fragment: String)
        /// Relative: depends on the page it is on.
        case onPage
    }

    /// Judges the links of the pages scanned into one table, each distinct href once.
    private struct TableJudge {
        let checker: LinkChecker
        let site: ScannedSite
        let table: Int
        let files: Set<String>
        var verdicts: [Verdict?]

        init(checker: LinkChecker, site: ScannedSite, table: Int, files: Set<String>) {
            self.checker = checker
            self.site = site
            self.table = table
            self.files = files
            verdicts = Array(repeating: nil, count: site.tables[table].count)
        }

        mutating func problems(onPage pageIndex: Int, origins: [LinkOrigin]) -> [LinkProblem] {
            let page = site.pages[pageIndex]
            let path = site.paths[pageIndex]
            var problems: [LinkProblem] = []
            for (index, link) in page.links.enumerated() {
                let found: (Diagnostic.Severity, String)?
                switch verdict(link.href) {
                case .fine:
                    continue
                case .problem(let severity, let message):
                    found = (severity, message)
                case .samePage(let target, let fragment):
                    if let target, page.hasTarget(target) { continue }
                    found = (.error, "no element with id '\(fragment)' on this page (link '\(href(link))')")
                case .onPage:
                    let href = href(link)
                    found = checker.judge(checker.resolver.resolve(href, onPage: path), href, files: files, site: site)
                }
                guard let (severity, message) = found else { continue }
                let href = href(link)
                let origin = LinkChecker.origin(ofLink: index, on: page, href: href, among: origins)
                problems.append(LinkProblem(
                    severity: severity, message: message, href: href,
                    page: SourceLocation(path: checker.pagePrefix + path, line: Int(link.line), column: Int(link.column)),
                    source: origin?.origin))
            }
            return problems
        }

        private func href(_ link: ScannedLink) -> String { site.tables[table].string(link.href) }

        private mutating func verdict(_ id: Int32) -> Verdict {
            if let known = verdicts[Int(id)] { return known }
            let href = site.tables[table].string(id)
            let verdict: Verdict
            let trimmed = LinkResolver.trim(href)
            if trimmed.hasPrefix("#") {
                let fragment = LinkResolver.decode(String(trimmed.dropFirst()))
                verdict = fragment.isEmpty ? .fine : .samePage(target: site.tables[table].find(fragment), fragment: fragment)
            } else if LinkResolver.isPageIndependent(href) {
                // Root-relative and absolute hrefs mean the same on every page.
                verdict = checker.judge(checker.resolver.resolve(href, onPage: ""), href, files: files, site: site)
                    .map { .problem($0.0, $0.1) } ?? .fine
            } else {
                verdict = .onPage
            }
            verdicts[Int(id)] = verdict
            return verdict
        }
    }

    /// The build's record of where a page's link came from: the ordinal among the page's links with
    /// the same href matches the origins' ordinals.
    static func origin(ofLink index: Int, on page: ScannedPage, href: String, among origins: [LinkOrigin]) -> LinkOrigin? {
        let id = page.links[index].href
        let ordinal = page.links[..<index].filter { $0.href == id }.count
        let candidates = origins.filter { $0.href == href }
        return candidates.first { $0.ordinal == ordinal } ?? candidates.first
    }

    /// A resolved link's problem, if any, once every file and page is known.
    private func judge(_ target: LinkTarget, _ href: String, files: Set<String>, site: ScannedSite) -> (Diagnostic.Severity, String)? {
        switch target {
        case .samePage:
            // Never reached: fragment-only hrefs are judged on their page before anything is resolved.
            return nil
        case .page(let path, let fragment, let slashless):
            var target = path
            var warning: String?
            if !files.contains(path) {
                let folderIndex = (path.isEmpty ? "" : path + "/") + "index.html"
                guard slashless && files.contains(folderIndex) else {
                    return (.error, "broken link '\(href)': no file \(path) in the output")
                }
                target = folderIndex
                warning = "link '\(href)' lacks the trailing slash of its folder; write it ending in '/'"
            }
            if let fragment, !fragment.isEmpty, site.page(target, lacks: fragment) {
                return (.error, "no element with id '\(fragment)' on \(target) (link '\(href)')")
            }
            return warning.map { (.warning, $0) }
        case .mailto(let address):
            return Self.isValidMailto(address) ? nil : (.error, "malformed mailto link '\(href)'")
        case .tel(let number):
            return Self.isValidTel(number) ? nil : (.error, "malformed tel link '\(href)'")
        case .outsideSite(let path):
            return (.error, "link '\(path)' is outside the site's base path \(resolver.basePath)")
        case .unsafe(let scheme):
            return (.error, "unsafe URL scheme '\(scheme):' in link '\(href)'")
        case .external, .other:
            return nil
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
