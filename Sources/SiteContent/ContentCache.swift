import Foundation
public import SiteCore

/// What a long-lived process keeps between loads of the same root: each file's text by path and stamp,
/// and what was parsed from it, by path and content (the text itself, so a hit is exact, never a
/// collision) and by the settings the parse depended on. A hit replays the parse's diagnostics.
public final class ContentCache: @unchecked Sendable {
    /// The texts of the files read.
    public let texts = TextCache()
    private let lock = NSLock()
    private var derived: [String: Derived] = [:]
    private var directory: DirectoryStage?
    private var revisions = 0

    private struct Derived {
        let inputs: [String]
        let context: String
        let value: Any
        let diagnostics: [Diagnostic]
    }

    /// The directory as loaded from a set of file texts, reused whole when none of them changed.
    struct DirectoryStage {
        let texts: [String: String]
        let context: String
        let directory: Directory
        let diagnostics: [Diagnostic]
    }

    public init() {}

    /// The value parsed from `text` of `path` under `context`, parsing only when either changed.
    func parse<Value>(_ path: String, text: String, context: String, log: DiagnosticLog, _ make: (DiagnosticLog) -> Value) -> Value {
        derive("file:" + path, from: [text], context: context, log: log, make)
    }

    /// A value derived from several texts (e.g. one state's two files), made again only when one changed.
    /// The texts are compared one by one (a text that did not change keeps its storage, so that is cheap).
    func derive<Value>(_ key: String, from inputs: [String], context: String, log: DiagnosticLog, _ make: (DiagnosticLog) -> Value) -> Value {
        if let hit = lock.withLock({ derived[key] }), hit.context == context, hit.inputs == inputs, let value = hit.value as? Value {
            log.append(contentsOf: hit.diagnostics)
            return value
        }
        let own = DiagnosticLog()
        let value = make(own)
        log.append(contentsOf: own.diagnostics)
        lock.withLock { derived[key] = Derived(inputs: inputs, context: context, value: value, diagnostics: own.diagnostics) }
        return value
    }

    func directory(texts: [String: String], context: String) -> DirectoryStage? {
        lock.withLock {
            guard let stage = directory, stage.context == context, stage.texts == texts else { return nil }
            return stage
        }
    }

    /// Keeps a newly loaded directory, numbering it with a new revision.
    func keep(_ stage: DirectoryStage) -> Directory {
        lock.withLock {
            revisions += 1
            var numbered = stage.directory
            numbered.revision = revisions
            directory = DirectoryStage(texts: stage.texts, context: stage.context, directory: numbered, diagnostics: stage.diagnostics)
            return numbered
        }
    }
}
