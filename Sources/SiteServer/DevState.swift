import Foundation
import SiteBuild
import SiteCore
import SiteTemplates
import SiteWatch

/// What the dev server shows: the pages of the last good build, the problems of the last build when it
/// failed, and the browsers listening for changes. Updated by the rebuild thread, read by request handlers.
///
/// The pages are a copy of its own, brought up to date with each change's routes: keeping the session's
/// snapshot here would share its storage and make every rebuild copy all 14,000 pages.
final class DevState: @unchecked Sendable {
    private let lock = NSLock()
    private var current: ServedSite?
    private var currentProblems: [Diagnostic] = []
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    /// The path the site is served under (that of `base_url`), always ending in `/`.
    let basePath: String

    init(basePath: String) {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    var site: ServedSite? { lock.withLock { current } }
    var problems: [Diagnostic] { lock.withLock { currentProblems } }

    /// Takes a build's outcome: a success replaces the site and names what changed; a failure keeps the
    /// last good site and shows the problems on every open page.
    func publish(_ outcome: Rebuilder.Outcome) {
        switch outcome.result {
        case .success(let (snapshot, change)):
            let wasBroken = lock.withLock { () -> Bool in
                // The snapshot's pages are the served ones, changed or not: shared whole (copying the changed
                // ones one by one took 15,000 steps after a layout edit, before the browsers heard of it).
                current = ServedSite(pages: snapshot.pages, assets: snapshot.assets)
                defer { currentProblems = [] }
                return !currentProblems.isEmpty
            }
            if outcome.isFirst || !change.isEmpty || wasBroken {
                broadcast(LiveEvent.change(change, basePath: basePath, reloadAll: outcome.isFirst))
            }
        case .failure(let failure):
            // Errors first (what broke the build), then the warnings that stood before.
            let errors = failure.diagnostics.filter { $0.severity == .error } + failure.diagnostics.filter { $0.severity == .warning }
            lock.withLock { currentProblems = errors }
            broadcast(LiveEvent.problems(errors))
        }
    }

    /// A stream of events for one browser; it starts with the current problems, if any.
    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.onTermination = { [weak self] _ in self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) } }
        let problems = lock.withLock { () -> [Diagnostic] in
            listeners[id] = continuation
            return currentProblems
        }
        continuation.yield(LiveEvent.hello)
        if !problems.isEmpty { continuation.yield(LiveEvent.problems(problems)) }
        return stream
    }

    /// Writes a comment line to every browser's stream: one whose browser is gone fails to be written and ends.
    func keepAlive() {
        broadcast(LiveEvent.keepAlive)
    }

    /// Ends every browser's stream (when the server stops).
    func closeAll() {
        let all = lock.withLock { () -> [AsyncStream<String>.Continuation] in
            defer { listeners = [:] }
            return Array(listeners.values)
        }
        for continuation in all { continuation.finish() }
    }

    private func broadcast(_ event: String) {
        let all = lock.withLock { Array(listeners.values) }
        for continuation in all { continuation.yield(event) }
    }
}

/// The Server-Sent Events the live-reload script listens to.
enum LiveEvent {
    static let hello = "event: hello\ndata: {}\n\n"
    /// A comment line, which browsers ignore.
    static let keepAlive = ": keep-alive\n\n"

    /// The routes whose pages changed (as served URLs) and the stylesheets that changed.
    static func change(_ change: SiteChange, basePath: String, reloadAll: Bool) -> String {
        let base = String(basePath.dropLast())
        let routes = change.routes.map { base + $0.path }
        let styles = change.written.filter { $0.hasSuffix(".css") }.map { base + "/" + $0 }
        let other = change.written.filter { !$0.hasSuffix(".css") && !$0.hasSuffix(".html") } + change.removed.filter { !$0.hasSuffix(".html") }
        let payload = JSONValue.object([
            ("routes", .array(routes.map(JSONValue.string))),
            ("styles", .array(styles.map(JSONValue.string))),
            // An asset other than a stylesheet (a script, an image) may be used by any page.
            ("reload", .bool(reloadAll || !other.isEmpty)),
        ])
        return "event: change\ndata: \(payload.serialized())\n\n"
    }

    static func problems(_ diagnostics: [Diagnostic]) -> String {
        let list = diagnostics.map { diagnostic -> JSONValue in
            .object([("location", .string(diagnostic.location.description)), ("severity", .string(diagnostic.severity.rawValue)),
                     ("message", .string(diagnostic.message))])
        }
        return "event: problems\ndata: \(JSONValue.object([("problems", .array(list))]).serialized())\n\n"
    }
}

/// The pages and assets the server answers with.
struct ServedSite: Sendable {
    var pages: PageTable
    var assets: [TemplateLibrary.Asset]

    /// The page written at `relative` (a path in the output folder; a folder means its `index.html`).
    func page(at relative: String) -> RenderedPage? {
        if relative.isEmpty || relative.hasSuffix("/") { return pages[Route("/" + relative)] }
        if relative == "index.html" { return pages[Route("/")] }
        if relative.hasSuffix("/index.html") { return pages[Route("/" + relative.dropLast("index.html".count))] }
        return pages[Route("/" + relative)]
    }
}
