import Foundation
import SiteContent
import SiteCore
import SiteTemplates

/// Builds a site once: a `BuildSession` that loads and validates everything, plans, renders in parallel,
/// then writes atomically, without keeping what a later step would need.
public struct SiteBuilder: Sendable {
    /// How a build ended, with every diagnostic and the CLI's exit code.
    public struct Result: Sendable {
        /// 0 success, 1 problems in content or templates, 2 environment (output folder unusable).
        public var exitCode: Int32
        public var diagnostics: [Diagnostic]
        /// Environment problem, for exit code 2.
        public var failure: String?
        /// The rendered pages, when the builder keeps them (`keepsPages`).
        public var pages: [RenderedPage]
        /// How many pages were built.
        public var pageCount = 0
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public let root: URL
    public let output: URL
    public let strict: Bool
    /// Today, for checks that depend on it (the age of directory verifications); never written to the output.
    public let today: ContentDate?
    /// URLs per sitemap file; above it `/sitemap.xml` becomes an index (a parameter so tests can reach it).
    public let sitemapLimit: Int
    /// Collects where the time goes, when given.
    public let metrics: BuildMetrics?
    /// Whether the result holds the rendered pages, with where each of their links comes from (for a
    /// caller that checks them). Without, each page is written as soon as it renders and then let go.
    public let keepsPages: Bool
    /// Whether a build that keeps no pages gives its content's memory back before it returns. A process that
    /// exits right after (the `build` command) need not: freeing 14,000 listings object by object took the
    /// last 25 ms of a build, on one core. Compilers skip it for the same reason.
    public let freesContent: Bool

    public init(root: URL, output: URL? = nil, strict: Bool = false, today: ContentDate? = nil, sitemapLimit: Int = 50_000,
                metrics: BuildMetrics? = nil, keepsPages: Bool = true, freesContent: Bool = true) {
        self.freesContent = freesContent
        self.metrics = metrics
        self.keepsPages = keepsPages
        self.sitemapLimit = sitemapLimit
        self.root = root
        self.output = output ?? root.appendingPathComponent("Public")
        self.strict = strict
        self.today = today
    }

    /// The folders a build keeps beside its output (the recycled previous output, and a staging
    /// folder an interrupted build left), for callers that remove a temporary output.
    public static func workingFolders(of output: URL) -> [URL] {
        [OutputWriter.sibling(of: output, "previous"), OutputWriter.sibling(of: output, "staging")]
    }

    var settings: BuildSession.Settings {
        BuildSession.Settings(root: root, strict: strict, today: today, sitemapLimit: sitemapLimit, incremental: false, metrics: metrics,
                              describesPages: keepsPages)
    }

    /// Loads, validates and renders without writing anything.
    public func render() -> Result {
        let session = BuildSession(settings)
        switch session.plan(session.load()) {
        case .failure(let failure):
            return Result(exitCode: 1, diagnostics: failure.diagnostics, pages: [])
        case .success(let planned):
            let (snapshot, _) = session.render(planned, after: nil)
            return Result(exitCode: 0, diagnostics: planned.diagnostics, pages: snapshot.orderedPages)
        }
    }

    /// Renders and, when nothing failed, writes the output; the output itself changes only in the final swap.
    public func build() -> Result {
        let session = BuildSession(settings)
        guard keepsPages else { return buildWithoutKeeping(session) }
        switch session.update() {
        case .failure(let failure):
            return Result(exitCode: 1, diagnostics: failure.diagnostics, pages: [])
        case .success(let (snapshot, _)):
            var result = Result(exitCode: 0, diagnostics: snapshot.diagnostics, pages: snapshot.orderedPages, pageCount: snapshot.pages.count)
            do {
                let report = try session.write(snapshot, change: nil, to: output)
                result.written = report.written
                result.unchanged = report.unchanged
                result.removed = report.removed
            } catch {
                result = Result(exitCode: 2, diagnostics: snapshot.diagnostics, failure: error.description, pages: [])
            }
            return result
        }
    }

    /// Plans, then renders and writes each page at once (`renderAndWrite`), keeping none.
    private func buildWithoutKeeping(_ session: BuildSession) -> Result {
        switch session.plan(session.load()) {
        case .failure(let failure):
            return Result(exitCode: 1, diagnostics: failure.diagnostics, pages: [])
        case .success(let planned):
            // The session too: its caches hold every state file's records, which take a core some milliseconds to free.
            if !freesContent { KeptUntilExit.keep((planned, session)) }
            do {
                let report = try session.renderAndWrite(planned, to: output)
                return Result(exitCode: 0, diagnostics: planned.diagnostics, pages: [], pageCount: planned.specs.count, written: report.written,
                              unchanged: report.unchanged, removed: report.removed)
            } catch {
                return Result(exitCode: 2, diagnostics: planned.diagnostics, failure: error.description, pages: [])
            }
        }
    }
}

/// Holds a value for the rest of the process: what a build that exits right after need not free (see `SiteBuilder.freesContent`).
private final class KeptUntilExit<Value>: @unchecked Sendable {
    let value: Value

    private init(_ value: Value) { self.value = value }

    static func keep(_ value: Value) {
        _ = Unmanaged.passRetained(KeptUntilExit(value))
    }
}
