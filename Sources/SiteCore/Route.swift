/// A page's place in the site: a root-relative path such as `/` or `/intensive-outpatient-program/`.
public struct Route: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Always starts with `/`; directories end with `/`.
    public let path: String

    public init(_ path: String) {
        self.path = path.hasPrefix("/") ? path : "/" + path
    }

    /// The file written for this route, relative to the output folder: `/a/` → `a/index.html`.
    public var outputFile: String {
        let trimmed = String(path.dropFirst())
        if trimmed.isEmpty { return "index.html" }
        return trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }

    /// The route under a site served from `basePath` (the path of `base_url`, e.g. `/sub/`).
    public func prefixed(by basePath: String) -> String {
        // Runs for every link of every page: most sites are served from `/`, and the rest is done on UTF-8.
        if basePath.utf8.count == 1, basePath.utf8.first == UInt8(ascii: "/") { return path }
        guard basePath.utf8.last == UInt8(ascii: "/") else { return basePath + path }
        return String(Substring(basePath.utf8.dropLast())) + path
    }

    public var description: String { path }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.path < rhs.path }
}
