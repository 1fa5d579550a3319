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
        if let problem { Terminal.line("\(ExternalCache.path):1:1: warning: \(problem)") }
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
