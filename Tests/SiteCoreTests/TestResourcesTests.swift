import Foundation
import SiteTestSupport
import Testing

/// The helper that owns the suite's folders and processes stops and removes them when a test ends.
@Suite(.cleansUp) struct TestResourcesTests {
    @Test(.heavy) func aProcessGroupAndItsChildrenAreStoppedWhenTheOwnerIsReleased() throws {
        let resources = TestResources()
        let shell = try resources.start("/bin/sh", ["-c", "sleep 600 & sleep 600 & echo started; wait"])
        #expect(shell.waitForOutput(containing: "started").contains("started"))
        #expect(shell.groupIsAlive)
        resources.release()
        #expect(!shell.groupIsAlive, "no process of the group outlives its owner")
    }

    @Test(.heavy) func aChildStartsWithNoSignalBlockedOrIgnoredSoThatSIGTERMReachesIt() throws {
        // Started from a thread of Swift's pool, which blocks nearly every signal.
        let probe = try TestResources.owner.start("/bin/sh", ["-c", "exec grep -E '^Sig(Blk|Ign)' /proc/self/status"])
        #expect(probe.wait() == 0)
        let masks = Dictionary(uniqueKeysWithValues: probe.output.split(separator: "\n").map { line in
            let parts = line.split(separator: ":")
            return (String(parts[0]), UInt64(parts[1].trimmingCharacters(in: .whitespaces), radix: 16))
        })
        // Signals 1 to 31; above them are the real-time signals the C library keeps for itself.
        let standard: UInt64 = 0x7FFF_FFFF
        #expect(masks["SigBlk"].map { $0! & standard } == 0, "\(probe.output)")
        #expect(masks["SigIgn"].map { $0! & standard } == 0, "\(probe.output)")
    }

    @Test func foldersAreRemovedWhenTheOwnerIsReleased() throws {
        let resources = TestResources()
        let folder = try resources.temporaryFolder()
        try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
        resources.release()
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test(.heavy) func theTraitReleasesWhatATestMadeEvenWhenTheTestThrows() async throws {
        struct Failure: Error {}
        let made = LockedBox<(URL, ManagedProcess)?>(nil)
        let test = try #require(Test.current)
        await #expect(throws: Failure.self) {
            try await CleansUp().provideScope(for: test, testCase: Test.Case.current) {
                let folder = try TestResources.owner.temporaryFolder()
                let process = try TestResources.owner.start("/bin/sleep", ["600"])
                made.value = (folder, process)
                throw Failure()
            }
        }
        let (folder, process) = try #require(made.value)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(!process.groupIsAlive)
    }
}
