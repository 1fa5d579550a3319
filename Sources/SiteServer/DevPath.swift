import Foundation

/// A request path, decoded once and checked: what the dev server may serve for it.
enum DevPath: Equatable {
    /// A path in the site's output, relative to it (`""` is the home page).
    case site(String)
    /// One of the dev server's own files, by name.
    case live(String)
    /// A path outside the site's base path (decoded).
    case outside(String)

    /// Nil when the path must be refused: it does not decode as UTF-8, or a segment is `.` or `..`
    /// (however it was encoded), or it holds a backslash or a control character.
    static func resolve(_ raw: String, basePath: String) -> DevPath? {
        let pathOnly = raw.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? raw
        guard pathOnly.hasPrefix("/"), let decoded = pathOnly.removingPercentEncoding else { return nil }
        guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        // `%252e%252e` decodes to the literal name `%2e%2e`, which names no file of the site: it is a
        // missing page, never decoded a second time.
        guard decoded.hasPrefix(basePath) else { return .outside(decoded) }
        let relative = String(decoded.dropFirst(basePath.count))
        if relative.hasPrefix(LiveReloadScript.folder) { return .live(String(relative.dropFirst(LiveReloadScript.folder.count))) }
        return .site(relative)
    }
}

/// Content types of the files a site serves.
enum ContentType {
    static func of(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch path.hasSuffix("/") || path.isEmpty ? "html" : ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "tsv": return "text/tab-separated-values; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "gif": return "image/gif"
        case "ico": return "image/vnd.microsoft.icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
