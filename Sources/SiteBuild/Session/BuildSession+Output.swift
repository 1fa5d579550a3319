public import Foundation
import SiteCore
import SiteTemplates

/// The output folder could not be written (an environment problem: the CLI's exit 2).
public struct OutputFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
}

extension BuildSession {
    /// Writes `snapshot` into `output`: in full, staged and swapped in at once, when `change` is nil (the
    /// first build of a process); otherwise only the files `change` lists, each replaced by a rename.
    /// Either way the folder ends as a clean build of the same sources writes it.
    public func write(_ snapshot: SiteSnapshot, change: SiteChange?, to output: URL) throws(OutputFailure) -> WriteReport {
        let held = try lockOutput(output)
        defer { held.release() }
        let writer = OutputWriter(output: output)
        do {
            if let change {
                try writer.apply(change, to: snapshot)
                return WriteReport(written: change.written.count, unchanged: 0, removed: change.removed.count)
            }
            return try settings.metrics.step("write") { () throws(OutputWriter.Failure) in try writer.write(snapshot) }
        } catch {
            throw OutputFailure(description: error.description)
        }
    }

    /// A one-shot build's last step: renders every planned page on every core and stages each as soon as
    /// it is rendered, then swaps the output in at once, as `write` does. No page is kept: memory holds
    /// the content and the pages being rendered, not the whole site (125 MB for the real content).
    public func renderAndWrite(_ planned: Planned, to output: URL) throws(OutputFailure) -> WriteReport {
        let held = try lockOutput(output)
        defer { held.release() }
        let renderer = renderer(for: planned)
        let paths = Set(planned.specs.map(\.route.outputFile) + planned.templates.assets.map(\.path))
        do {
            return try settings.metrics.step("render and write") { () throws(OutputWriter.Failure) in
                try OutputWriter(output: output).write(Self.longestFirst(planned.specs), paths: paths, assets: planned.templates.assets, metrics: settings.metrics) { spec, put in
                    renderer.write(spec) { put(spec.route.outputFile, $0) }
                }
            }
        } catch {
            throw OutputFailure(description: error.description)
        }
    }

    /// The output folder's lock, held for the whole of a write: two builds into one folder (an editor's, a CI job's,
    /// `build --watch`'s) take turns instead of interleaving their staging folders.
    private func lockOutput(_ output: URL) throws(OutputFailure) -> FolderLock {
        do {
            return try FolderLock.acquire(output, purpose: "writing", policy: settings.outputLock)
        } catch {
            throw OutputFailure(description: error.description)
        }
    }

    /// The pages in the order the cores take them: the few that take long (a state's page renders every listing
    /// of the state, a sitemap lists every page) before the many short listing pages, so that no core is left
    /// alone at the end with a long one.
    static func longestFirst(_ specs: [PageSpec]) -> [PageSpec] {
        var long: [PageSpec] = [], short: [PageSpec] = []
        long.reserveCapacity(512)
        short.reserveCapacity(specs.count)
        for spec in specs {
            switch spec.kind {
            case .facility, .retired: short.append(spec)
            default: long.append(spec)
            }
        }
        return long + short
    }
}
