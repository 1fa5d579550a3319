import SiteCore

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
    ///   - pages: every HTML page of the output by its path in the output, extracted.
    ///   - files: every file of the output by its path.
    ///   - origins: the build's link origins by page path; empty with `--site`.
    public func check(pages: [String: ExtractedPage], files: Set<String>, origins: [String: [LinkOrigin]] = [:]) -> Report {
        var report = Report()
        for path in pages.keys.sorted() {
            let page = pages[path]!
            var seen: [String: Int] = [:]
            let pageOrigins = Dictionary(grouping: origins[path] ?? [], by: \.href)
            for link in page.links {
                report.checked += 1
                let ordinal = seen[link.href, default: 0]
                seen[link.href] = ordinal + 1
                guard let (severity, message) = problem(link.href, on: path, pages: pages, files: files) else { continue }
                let candidates = pageOrigins[link.href] ?? []
                let origin = candidates.first { $0.ordinal == ordinal } ?? candidates.first
                report.problems.append(LinkProblem(
                    severity: severity, message: message, href: link.href,
                    page: SourceLocation(path: pagePrefix + path, line: link.line, column: link.column),
                    source: origin?.origin))
            }
        }
        report.problems.sort { ($0.location, $0.page, $0.message) < ($1.location, $1.page, $1.message) }
        return report
    }

    private func problem(_ href: String, on page: String, pages: [String: ExtractedPage], files: Set<String>) -> (Diagnostic.Severity, String)? {
        switch resolver.resolve(href, onPage: page) {
        case .samePage(let fragment):
            guard !fragment.isEmpty, let current = pages[page], !current.targets.contains(fragment) else { return nil }
            return (.error, "no element with id '\(fragment)' on this page (link '\(href)')")
        case .page(let path, let fragment, let slashless):
            var target = path
            var severity: Diagnostic.Severity?
            var message = ""
            if !files.contains(path) {
                let folderIndex = (path.isEmpty ? "" : path + "/") + "index.html"
                if slashless && files.contains(folderIndex) {
                    target = folderIndex
                    severity = .warning
                    message = "link '\(href)' lacks the trailing slash of its folder; write it ending in '/'"
                } else {
                    return (.error, "broken link '\(href)': no file \(path) in the output")
                }
            }
            if let fragment, !fragment.isEmpty, let targetPage = pages[target], !targetPage.targets.contains(fragment) {
                return (.error, "no element with id '\(fragment)' on \(target) (link '\(href)')")
            }
            return severity.map { ($0, message) }
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

import Foundation
