public import Foundation
public import SiteContent
public import SiteCore

extension BuildSession {
    /// How a one-shot build ended, with every diagnostic and the command line's exit code.
    public struct Outcome: Sendable {
        /// 0 success, 1 problems in content or templates, 2 environment (output folder unusable).
        public var exitCode: Int32
        public var diagnostics: [Diagnostic]
        /// The environment problem behind exit code 2.
        public var failure: String?
        /// The built site, when the build keeps its pages (`keepsPages`): what a link check reads.
        public var snapshot: SiteSnapshot?
        /// How many pages were built.
        public var pageCount = 0
        /// What the write did.
        public var report = WriteReport()

        /// The rendered pages in route order (none when the build kept none).
        public var pages: [RenderedPage] { snapshot?.orderedPages ?? [] }
    }

    /// Builds `root` once into `output` (default: `Public/` under the root) with a session of one step: load and
    /// validate everything, plan, render on every core, then write atomically; the output changes only in the
    /// final swap. `iopsite build`, `iopsite check` and the tests build through here; `serve` and `build --watch`
    /// keep a session and call `update()` instead.
    ///
    /// - Parameters:
    ///   - keepsPages: whether the outcome holds the site (every page with where its links come from, for a
    ///     caller that checks them). Without, each page is written as soon as it renders and then let go.
    ///   - outputLock: what to do when another process is writing `output` (wait for it, or fail with exit 2).
    ///   - freesContent: whether a build that keeps no pages gives its content's memory back before it returns.
    ///     A process that exits right after (the `build` command) need not: freeing 14,000 listings object by
    ///     object took the last 25 ms of a build, on one core.
    public static func buildOnce(root: URL, output: URL? = nil, strict: Bool = false, today: ContentDate? = nil, sitemapLimit: Int = 50_000,
                                 metrics: BuildMetrics? = nil, keepsPages: Bool = true, freesContent: Bool = true,
                                 outputLock: FolderLock.Policy = .wait(announce: nil)) -> Outcome {
        let output = output ?? root.appendingPathComponent("Public")
        let session = BuildSession(Settings(root: root, strict: strict, today: today, sitemapLimit: sitemapLimit, incremental: false,
                                            metrics: metrics, describesPages: keepsPages, outputLock: outputLock))
        guard keepsPages else { return session.buildWithoutKeeping(into: output, freesContent: freesContent) }
        switch session.update() {
        case .failure(let failure):
            return Outcome(exitCode: 1, diagnostics: failure.diagnostics)
        case .success(let (snapshot, _)):
            do {
                let report = try session.write(snapshot, change: nil, to: output)
                return Outcome(exitCode: 0, diagnostics: snapshot.diagnostics, snapshot: snapshot, pageCount: snapshot.pages.count, report: report)
            } catch {
                return Outcome(exitCode: 2, diagnostics: snapshot.diagnostics, failure: error.description)
            }
        }
    }

    /// The folders a build keeps beside its output (the recycled previous output, and a staging folder an
    /// interrupted build left), for callers that remove a temporary output.
    public static func workingFolders(of output: URL) -> [URL] {
        [OutputWriter.sibling(of: output, "previous"), OutputWriter.sibling(of: output, "staging")]
    }

    /// Plans, then renders and writes each page at once (`renderAndWrite`), keeping none.
    private func buildWithoutKeeping(into output: URL, freesContent: Bool) -> Outcome {
        switch plan(load()) {
        case .failure(let failure):
            return Outcome(exitCode: 1, diagnostics: failure.diagnostics)
        case .success(let planned):
            // The session too: its caches hold every state file's records, which take a core some milliseconds to free.
            if !freesContent { KeptUntilExit.keep((planned, self)) }
            do {
                let report = try renderAndWrite(planned, to: output)
                return Outcome(exitCode: 0, diagnostics: planned.diagnostics, pageCount: planned.specs.count, report: report)
            } catch {
                return Outcome(exitCode: 2, diagnostics: planned.diagnostics, failure: error.description)
            }
        }
    }
}

/// Holds a value for the rest of the process: what a build that exits right after need not free (`freesContent`).
private final class KeptUntilExit<Value>: @unchecked Sendable {
    let value: Value

    private init(_ value: Value) { self.value = value }

    static func keep(_ value: Value) {
        _ = Unmanaged.passRetained(KeptUntilExit(value))
    }
}
