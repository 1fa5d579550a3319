import Foundation
public import SiteBuild
import SiteCore

/// Builds once, then again whenever the sources change: one rebuild at a time, and the changes that come
/// during a rebuild start the next one as soon as it ends (a newer change supersedes any queued one).
public final class Rebuilder: @unchecked Sendable {
    /// One build's result and how long it took.
    public struct Outcome: Sendable {
        public let result: Result<(SiteSnapshot, SiteChange), BuildSession.Failure>
        public let milliseconds: Double
        /// Whether this is the first build of the process.
        public let isFirst: Bool
    }

    public let session: BuildSession
    private let watcher: FileWatcher

    public init(session: BuildSession, watcher: FileWatcher) {
        self.session = session
        self.watcher = watcher
    }

    /// Runs the loop on a thread of its own, calling `handle` after every build (on that thread).
    public func start(_ handle: @escaping @Sendable (Outcome) -> Void) {
        let thread = Thread { [self] in
            var isFirst = true
            while true {
                let start = DispatchTime.now().uptimeNanoseconds
                let result = session.update()
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                handle(Outcome(result: result, milliseconds: elapsed, isFirst: isFirst))
                if case .success = result { isFirst = false }
                watcher.waitForChanges()
            }
        }
        thread.name = "iopsite rebuild"
        thread.start()
    }

    /// The line the terminal prints for a rebuild: what changed, pages rendered, files written, milliseconds.
    public static func summary(_ change: SiteChange, milliseconds: Double) -> String {
        let files = change.files.count <= 3 ? change.files.joined(separator: ", ") : "\(change.files.count) files"
        let what = change.files.isEmpty ? "nothing changed" : "\(files) changed"
        let pages = change.rendered.count == 1 ? "1 page" : "\(Count.text(change.rendered.count)) pages"
        let written = change.written.count + change.removed.count
        return "\(what): \(pages) rendered, \(written == 1 ? "1 file" : "\(written) files") updated in \(String(format: "%.0f", milliseconds)) ms"
    }
}
