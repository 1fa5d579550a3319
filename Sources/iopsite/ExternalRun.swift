import Foundation
import SiteContent
import SiteExternal
import SiteLinks

/// Runs the external check for the command line: the real HTTP client, the cache under the root,
/// and a progress line on standard error.
struct ExternalRun {
    let root: URL
    let settings: CheckSettings
    let baseURL: String

    func check(_ targets: ExternalTargets) -> ExternalChecker.Result {
        let cacheFile = root.appendingPathComponent(ExternalCache.path)
        let (cache, problem) = ExternalCache.load(from: cacheFile)
        if let problem { Terminal.line("warning: \(ExternalCache.path): \(problem)") }
        let fetcher = HTTPFetcher(connectTimeout: settings.connectTimeout, timeout: settings.timeout,
                                  userAgent: "iopsite link checker (+\(baseURL))")
        let checker = ExternalChecker(settings: settings, fetcher: fetcher)
        let line = ProgressLine(interactive: isatty(STDERR_FILENO) == 1)
        let result = Blocking.run {
            let result = await checker.run(targets, cache: cache) { line.show($0) }
            await fetcher.shutdown()
            return result
        }
        line.finish()
        do {
            try result.cache.save(to: cacheFile, now: Date())
        } catch {
            Terminal.line("warning: \(ExternalCache.path) could not be written: \(error)")
        }
        return result
    }
}

/// Waits for async work from synchronous code (the commands are synchronous).
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = Box<T>()
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}

/// `external: 120/412 checked · 100 ok · 2 broken · 1 blocked · 0 deferred · 3 unreliable · waiting on example.org`:
/// rewritten in place on a terminal (at most ten times a second), a plain line every 5 s otherwise.
final class ProgressLine: @unchecked Sendable {
    private let interactive: Bool
    private let lock = NSLock()
    private var last = Date.distantPast
    private var shown = false

    init(interactive: Bool) {
        self.interactive = interactive
    }

    func show(_ progress: ExternalProgress) {
        lock.withLock {
            let now = Date()
            // The summary follows: a last progress line would only repeat it.
            guard progress.done < progress.total, now.timeIntervalSince(last) >= (interactive ? 0.1 : 5) else { return }
            last = now
            shown = true
            let line = Self.text(progress)
            FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + line : line + "\n").utf8))
        }
    }

    func finish() {
        lock.withLock {
            if interactive && shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }

    static func text(_ progress: ExternalProgress) -> String {
        let counts = ExternalOutcome.allCases.map { "\(progress.counts[$0, default: 0]) \($0.rawValue)" }
        let waiting = progress.waitingOn.map { " · waiting on \($0)" } ?? ""
        return "external: \(progress.done)/\(progress.total) checked · " + counts.joined(separator: " · ") + waiting
    }
}
