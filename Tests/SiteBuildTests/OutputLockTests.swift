import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport
import Testing

/// Two writers of one output folder take turns: the second waits for the first (saying who it waits for), or with
/// `--no-wait` fails with exit 2 and leaves the output as it was; a lock file left by a process that died blocks nobody.
@Suite(.cleansUp) struct OutputLockTests {
    @Test func aBuildIntoAFolderAnotherProcessIsWritingFailsPlainlyWhenItMustNotWait() throws {
        let site = try Fixtures.site()
        #expect(site.build().exitCode == 0)
        let before = site.snapshot("Public")
        let output = site.root.appendingPathComponent("Public")
        let held = try FolderLock.acquire(output, purpose: "writing", policy: .fail)
        defer { held.release() }
        let result = BuildSession.buildOnce(root: site.root, outputLock: .fail)
        #expect(result.exitCode == 2)
        #expect(result.failure == "another iopsite (pid \(getpid())) is writing '\(output.path)'; not waiting (--no-wait)")
        #expect(site.snapshot("Public").mapValues(\.0) == before.mapValues(\.0))
    }

    @Test func aBuildWaitsForTheWriterBeforeItAndThenWrites() async throws {
        let site = try Fixtures.site()
        let output = site.root.appendingPathComponent("Public")
        let held = try FolderLock.acquire(output, purpose: "writing", policy: .fail)
        let announced = LockedBox<Int32?>(nil)
        let root = site.root
        let build = Task.detached {
            BuildSession.buildOnce(root: root, outputLock: .wait { pid in announced.value = pid })
        }
        // The build announces that it waits, and writes nothing while the lock is held.
        for _ in 0..<200 where announced.value == nil { try await Task.sleep(for: .milliseconds(25)) }
        #expect(announced.value == getpid())
        #expect(!site.exists("Public/index.html"))
        held.release()
        let result = await build.value
        #expect(result.exitCode == 0)
        #expect(site.exists("Public/index.html"))
    }

    @Test func aLockFileLeftByAProcessThatDiedBlocksNobody() throws {
        let site = try Fixtures.site()
        let output = site.root.appendingPathComponent("Public")
        try "999999\n".write(to: FolderLock.file(of: output), atomically: true, encoding: .utf8)
        let result = BuildSession.buildOnce(root: site.root, outputLock: .fail)
        #expect(result.exitCode == 0)
    }
}
