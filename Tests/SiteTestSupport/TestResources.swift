public import Foundation
public import Testing

/// Owns what a test makes outside itself: temporary folders and the processes it starts. When the
/// test ends, passed or failed, every process group is stopped and every folder removed.
///
/// A test gets its own under the `.cleansUp` trait; resources shared by many tests (the real site's
/// build) belong to `shared`, released when the test process exits.
public final class TestResources: @unchecked Sendable {
    @TaskLocal public static var current: TestResources?

    /// For resources that outlive one test; released at exit.
    public static let shared: TestResources = {
        let resources = TestResources()
        atexit { TestResources.shared.release() }
        return resources
    }()

    /// Where the current test's resources go, or the shared ones outside a test.
    public static var owner: TestResources { current ?? shared }

    /// Every folder of this test run lies under this one, named after the process.
    static let runFolder = FileManager.default.temporaryDirectory.appendingPathComponent("iopsite-tests-\(getpid())")

    private let lock = NSLock()
    private var folders: [URL] = []
    private var processes: [ManagedProcess] = []
    private var cleanups: [() -> Void] = []

    public init() {}

    /// A new, empty folder that is removed when the owner is released.
    public func temporaryFolder(_ name: String = "folder") throws -> URL {
        let url = Self.runFolder.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        lock.withLock { folders.append(url) }
        return url
    }

    /// Starts `executable` in a process group of its own, stopped (the whole group) when the owner is released.
    public func start(_ executable: String, _ arguments: [String], output: Bool = true) throws -> ManagedProcess {
        let process = try ManagedProcess(executable, arguments, captureOutput: output)
        lock.withLock { processes.append(process) }
        return process
    }

    /// Runs `action` when the owner is released, after its processes stop and before its folders are removed
    /// (a file system mounted in one of them is unmounted first); the last registered runs first.
    public func onRelease(_ action: @escaping () -> Void) {
        lock.withLock { cleanups.append(action) }
    }

    /// Stops every process group, runs the cleanups and removes every folder.
    public func release() {
        let (owned, actions, made) = lock.withLock { () -> ([ManagedProcess], [() -> Void], [URL]) in
            defer { processes = []; cleanups = []; folders = [] }
            return (processes, cleanups, folders)
        }
        owned.forEach { $0.stop() }
        actions.reversed().forEach { $0() }
        for folder in made {
            try? FileManager.default.removeItem(at: folder)
            // A build keeps its staging and previous folders beside its output; those are inside `folder` here.
        }
        if self !== Self.shared { return }
        try? FileManager.default.removeItem(at: Self.runFolder)
    }
}

/// The `.cleansUp` trait: each test (and each case of a parameterised test) runs with resources of its own,
/// released when it ends.
public struct CleansUp: TestTrait, SuiteTrait, TestScoping {
    public init() {}

    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        guard testCase != nil else { return try await function() }
        let resources = TestResources()
        defer { resources.release() }
        try await TestResources.$current.withValue(resources) { try await function() }
    }
}

extension Trait where Self == CleansUp {
    /// Every folder and process a test makes through `TestResources` is removed or stopped when it ends.
    public static var cleansUp: Self { CleansUp() }
}
