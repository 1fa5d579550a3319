public import SiteCore

/// What one step of a build session changed: the files it saw change, the pages it rendered again,
/// and the output files whose bytes differ from the previous snapshot's.
public struct SiteChange: Sendable, Equatable {
    /// Files under `Content/` and `Templates/` that were created, changed or deleted.
    public var files: [String] = []
    /// Pages rendered in this step.
    public var rendered: [Route] = []
    /// Output files (relative to the output folder) that are new or whose bytes changed.
    public var written: [String] = []
    /// Output files that no longer exist.
    public var removed: [String] = []
    /// The routes whose pages are new, changed or removed, for live reload.
    public var routes: [Route] = []

    public init() {}

    /// Whether the output is unchanged.
    public var isEmpty: Bool { written.isEmpty && removed.isEmpty }

    /// Whether only stylesheets changed, which a browser can swap without a reload.
    public var isStyleOnly: Bool {
        !written.isEmpty && removed.isEmpty && written.allSatisfy { $0.hasSuffix(".css") }
    }
}
