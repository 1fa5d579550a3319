import Foundation

/// What a link points at, as far as checking it goes.
enum LinkTarget: Equatable {
    /// A file of the site: its path in the output and the fragment (both percent-decoded).
    case page(path: String, fragment: String?, slashless: Bool)
    /// A fragment of the page the link is on.
    case samePage(fragment: String)
    /// Outside the site (http, https, protocol-relative): checked only with `--external`, by `SiteExternal`.
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
        let trimmed = Self.trim(href)
        if trimmed.hasPrefix("#") { return .samePage(fragment: Self.decode(String(trimmed.dropFirst()))) }
        if trimmed.isEmpty { return .page(path: page, fragment: nil, slashless: false) }
        if trimmed.hasPrefix("//") { return .external(trimmed) }
        if let scheme = Self.scheme(of: trimmed) {
            switch scheme {
            case "http", "https":
                let lowered = trimmed.lowercased()
                guard !baseURL.isEmpty, lowered.hasPrefix(baseURL.lowercased()) else { return .external(trimmed) }
                return local(Self.sitePath(trimmed, droppingUTF8: baseURL.utf8.count), page: page)
            case "mailto": return .mailto(String(trimmed.dropFirst(7)))
            case "tel": return .tel(String(trimmed.dropFirst(4)))
            case "javascript", "data", "vbscript": return .unsafe(scheme: scheme)
            default: return .other(scheme: scheme)
            }
        }
        if trimmed.hasPrefix("/") {
            guard trimmed.hasPrefix(basePath) || trimmed + "/" == basePath else { return .outsideSite(trimmed) }
            return local(Self.sitePath(trimmed, droppingUTF8: basePath.utf8.count), page: page)
        }
        // Relative to the page's folder.
        let folder = page.split(separator: "/").dropLast().joined(separator: "/")
        return local("/" + (folder.isEmpty ? "" : folder + "/") + trimmed, page: page)
    }

    /// A site path (`/a/b/?q#f`, relative to the output) as a file and fragment. Works on UTF-8 bytes:
    /// a large site has hundreds of thousands of links.
    private func local(_ path: Substring, page: String) -> LinkTarget {
        // Most site links are plain paths: no query, fragment, escapes or dot segments.
        var plain = true
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == 0x3F || byte == 0x23 || byte == 0x25 || ((byte == 0x2E || byte == 0x2F) && previous == 0x2F) {
                plain = false
                break
            }
            previous = byte
        }
        if plain {
            let relative = path.utf8.dropFirst()
            if relative.isEmpty { return .page(path: "index.html", fragment: nil, slashless: false) }
            let text = String(decoding: relative, as: UTF8.self)
            return relative.last == 0x2F ? .page(path: text + "index.html", fragment: nil, slashless: false)
                : .page(path: text, fragment: nil, slashless: true)
        }
        var bytes = Array(path.utf8)
        var fragment: String?
        if let hash = bytes.firstIndex(of: 0x23) {
            fragment = Self.decode(String(decoding: bytes[(hash + 1)...], as: UTF8.self))
            bytes.removeSubrange(hash...)
        }
        if let query = bytes.firstIndex(of: 0x3F) { bytes.removeSubrange(query...) }
        // Resolve . and .. segments.
        var segments: [ArraySlice<UInt8>] = []
        var dotSegmentAtEnd = false
        for segment in bytes.split(separator: 0x2F, omittingEmptySubsequences: false).dropFirst() {
            dotSegmentAtEnd = false
            if segment.elementsEqual([0x2E]) {
                dotSegmentAtEnd = true
            } else if segment.elementsEqual([0x2E, 0x2E]) {
                if !segments.isEmpty { segments.removeLast() }
                dotSegmentAtEnd = true
            } else if !segment.isEmpty {
                segments.append(segment)
            }
        }
        let endsWithSlash = bytes.last == 0x2F || bytes.isEmpty || dotSegmentAtEnd
        var joined = segments.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
        joined = Self.decode(joined)
        if endsWithSlash { return .page(path: joined.isEmpty ? "index.html" : joined + "/index.html", fragment: fragment, slashless: false) }
        return .page(path: joined, fragment: fragment, slashless: true)
    }

    /// "/" and what follows the first `count` bytes (a prefix already known to be ASCII-equal).
    static func sitePath(_ href: String, droppingUTF8 count: Int) -> Substring {
        let utf8 = href.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: min(count, utf8.count))
        return Substring("/" + String(decoding: utf8[start...], as: UTF8.self))
    }

    static func scheme(of href: String) -> String? {
        var scheme: [UInt8] = []
        for byte in href.utf8 {
            if byte == 0x3A { break }
            let lowered = byte | 0x20
            let isLetter = lowered >= 0x61 && lowered <= 0x7A
            guard isLetter || (!scheme.isEmpty && ((byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E)) else { return nil }
            scheme.append(isLetter ? lowered : byte)
            if scheme.count > 32 { return nil }
        }
        guard !scheme.isEmpty, scheme.count < href.utf8.count else { return nil }
        return String(decoding: scheme, as: UTF8.self)
    }

    /// Whether an href means the same thing on every page (root-relative or absolute), so its
    /// resolution can be shared.
    static func isPageIndependent(_ href: String) -> Bool {
        guard let first = href.utf8.first else { return false }
        return first == 0x2F || scheme(of: href) != nil
    }

    /// Percent-decoding, once.
    static func decode(_ text: String) -> String {
        text.utf8.contains(0x25) ? (text.removingPercentEncoding ?? text) : text
    }

    /// Browsers strip leading and trailing ASCII whitespace from URLs; most hrefs have none.
    static func trim(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
