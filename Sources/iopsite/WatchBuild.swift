import Foundation
import SiteBuild
import SiteCore
import SiteCheck
import SiteWatch

/// `iopsite build --watch`: builds into the output folder, then rebuilds on every change, writing only
/// the files that changed. A failed rebuild leaves the output as the last good build wrote it.
enum WatchBuild {
    static func run(root: URL, output: URL, strict: Bool, verbose: Bool, outputLock: FolderLock.Policy) -> Int32 {
        // The output's lock is held only while a change is written: another build may write between two changes.
        let session = BuildSession(.init(root: root, strict: strict, today: Clock.today(), outputLock: outputLock))
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(root: root, folders: BuildSession.sourceFolders)
        } catch {
            Terminal.line("error: \(error)")
            return 2
        }
        let written = WrittenFlag()
        let links = LinkWatch()
        let signals = StopSignals.install {}
        Rebuilder(session: session, watcher: watcher).start { outcome in
            switch outcome.result {
            case .success(let (snapshot, change)):
                if outcome.isFirst || !written.value { DiagnosticPrinter.print(snapshot.diagnostics, verbose: verbose) }
                do {
                    let report = try session.write(snapshot, change: written.value ? change : nil, to: output)
                    report.warnings.forEach(Terminal.line)
                    Terminal.line(written.value ? Rebuilder.summary(change, milliseconds: outcome.milliseconds)
                                                : "Built \(snapshot.pages.count) pages: \(report.written) files written, \(report.unchanged) unchanged, \(report.removed) removed. Watching for changes (Ctrl-C stops).")
                    written.value = true
                    links.submit(snapshot, change: change, isFirst: outcome.isFirst, print: Terminal.line)
                } catch {
                    Terminal.line("error: \(error)")
                    written.value = false
                }
            case .failure(let failure):
                DiagnosticPrinter.print(failure.diagnostics, verbose: verbose)
                let errors = failure.diagnostics.filter { $0.severity == .error }.count
                Terminal.line("Build failed with \(errors) error\(errors == 1 ? "" : "s"); the output was not touched.")
            }
        }
        while true { withExtendedLifetime(signals) { _ = sleep(3600) } }
    }
}

/// Whether the output holds a build of this process (then changes are written file by file).
private final class WrittenFlag: @unchecked Sendable {
    var value = false
}
