import Foundation
public import SiteCore

/// What a long-lived process keeps between loads of the same root: each file's text by path and stamp,
/// and what was parsed from it, by path and content (the text itself, so a hit is exact, never a
/// collision) and by the settings the parse depended on. A hit replays the parse's diagnostics.
public final class ContentCache: @unchecked Sendable {
    /// The texts of the files read.
    public let texts = TextCache()
    /// What each kind of file was parsed into, by path (or, for a state's merge, by state code).
    let settings = DerivedValues<SiteConfig?>()
    let guides = DerivedValues<GuidePage?>()
    let guideData = DerivedValues<GuideData>()
    let sources = DerivedValues<[SourceEntry]>()
    let stateFiles = DerivedValues<[FacilityRecord]>()
    let stateMerges = DerivedValues<StateMerge>()
    let completedImports = DerivedValues<[CompletedRecord]>()
    let geography = DerivedValues<Geography>()
    private let lock = NSLock()
    private var directory: DirectoryStage?
    private var revisions = 0

    /// The directory as loaded from a set of file texts, reused whole when none of them changed.
    struct DirectoryStage {
        let texts: [String: String]
        let context: String
        let directory: Directory
        let diagnostics: [Diagnostic]
    }

    public init() {}

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

/// Values of one kind, each derived from one or more texts under a key (a file's path, a state's code) and made
/// again only when one of the texts or the context changed. The texts are compared one by one (a text that did
/// not change keeps its storage, so that is cheap); a hit replays the diagnostics of the value's making.
final class DerivedValues<Value>: @unchecked Sendable {
    private struct Entry {
        let inputs: [String]
        let context: String
        let value: Value
        let diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    func value(_ key: String, from inputs: [String], context: String, log: DiagnosticLog, _ make: (DiagnosticLog) -> Value) -> Value {
        if let hit = lock.withLock({ entries[key] }), hit.context == context, hit.inputs == inputs {
            log.append(contentsOf: hit.diagnostics)
            return hit.value
        }
        let own = DiagnosticLog()
        let value = make(own)
        log.append(contentsOf: own.diagnostics)
        lock.withLock { entries[key] = Entry(inputs: inputs, context: context, value: value, diagnostics: own.diagnostics) }
        return value
    }
}
