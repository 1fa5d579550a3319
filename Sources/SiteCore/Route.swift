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
        let base = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
        return base + path
    }

    public var description: String { path }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.path < rhs.path }
}
