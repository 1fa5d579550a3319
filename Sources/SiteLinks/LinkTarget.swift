import Foundation

/// What a link points at, as far as checking it goes.
enum LinkTarget: Equatable {
    /// A file of the site: its path in the output and the fragment (both percent-decoded).
    case page(path: String, fragment: String?, slashless: Bool)
    /// A fragment of the page the link is on.
    case samePage(fragment: String)
    /// Outside the site (http, https, protocol-relative): checked only with `--external` (reserved).
    case external(String)
    case mailto(String)
    case tel(String)
    /// A path outside the site's base path.
    case outsideSite(String)
    case unsafe(scheme: String)
    /// Another scheme (ftp:, sms:…): not checked.
    case other(scheme: String)
}

/// Resolves hrefs of a page against the site's base URL.
struct LinkResolver {
    /// `https://example.org/sub/`
    let baseURL: String
    /// `/sub/`
    let basePath: String

    func resolve(_ href: String, onPage page: String) -> LinkTarget {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("#") { return .samePage(fragment: Self.decode(String(trimmed.dropFirst()))) }
        if trimmed.isEmpty { return .page(path: page, fragment: nil, slashless: false) }
        if trimmed.hasPrefix("//") { return .external(trimmed) }
        if let scheme = Self.scheme(of: trimmed) {
            switch scheme {
            case "http", "https":
                let lowered = trimmed.lowercased()
                guard lowered.hasPrefix(baseURL.lowercased()) else { return .external(trimmed) }
                return local("/" + trimmed.dropFirst(baseURL.count), page: page)
            case "mailto": return .mailto(String(trimmed.dropFirst(7)))
            case "tel": return .tel(String(trimmed.dropFirst(4)))
            case "javascript", "data", "vbscript": return .unsafe(scheme: scheme)
            default: return .other(scheme: scheme)
            }
        }
        if trimmed.hasPrefix("/") {
            guard trimmed.hasPrefix(basePath) || trimmed + "/" == basePath else { return .outsideSite(trimmed) }
            return local("/" + trimmed.dropFirst(basePath.count), page: page)
        }
        // Relative to the page's folder.
        let folder = page.split(separator: "/").dropLast().joined(separator: "/")
        return local("/" + (folder.isEmpty ? "" : folder + "/") + trimmed, page: page)
    }

    /// A site path (`/a/b/?q#f`, relative to the output) as a file and fragment.
    private func local(_ path: Substring, page: String) -> LinkTarget {
        var rest = String(path)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = Self.decode(String(rest[rest.index(after: hash)...]))
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        // Resolve . and .. segments.
        var segments: [String] = []
        for segment in rest.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(Self.decode(String(segment)))
            }
        }
        let endsWithSlash = rest.hasSuffix("/") || rest.isEmpty || rest.hasSuffix("/.") || rest.hasSuffix("/..")
        let joined = segments.filter { !$0.isEmpty }.joined(separator: "/")
        if endsWithSlash { return .page(path: joined.isEmpty ? "index.html" : joined + "/index.html", fragment: fragment, slashless: false) }
        return .page(path: joined, fragment: fragment, slashless: true)
    }

    static func scheme(of href: String) -> String? {
        guard let colon = href.firstIndex(of: ":") else { return nil }
        let scheme = href[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        return scheme.lowercased()
    }

    /// Percent-decoding, once.
    static func decode(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }
}
