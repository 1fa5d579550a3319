import Foundation
import SiteCore
import SiteTestSupport
import Testing

/// Two writers of one folder, as real processes: builds into one output, imports into one `imported/`, a build
/// beside `build --watch`. The second waits for the lock (saying whose it is), or with `--no-wait` exits 2 and
/// touches nothing; nobody ever sees the other's half-made folders.
@Suite(.cleansUp, .faults, .serialized) struct LockTests {
    @Test func twoBuildsStartedTogetherBothSucceedAndLeaveOneWholeSite() throws {
        let site = try FaultSite.directorySite()
        let output = try TestResources.owner.temporaryFolder("locks").appendingPathComponent("out")
        let clean = try FaultSite.cleanBuild(of: site)
        for round in 1...5 {
            let arguments = ["build", "--root", site.path, "--output", output.path]
            let first = try TestResources.owner.start(FaultSite.iopsite.path, arguments)
            let second = try TestResources.owner.start(FaultSite.iopsite.path, arguments)
            let (one, two) = (first.wait(), second.wait())
            #expect(one == 0 && two == 0, "round \(round): \(first.output) \(second.output)")
            #expect(FolderState(output).files == clean, "round \(round)")
            #expect(Leftovers.under(output.deletingLastPathComponent()).isEmpty, "round \(round)")
        }
    }

    @Test func aBuildIntoAFolderAnotherWriterHoldsWaitsForItOrWithNoWaitExits2AndTouchesNothing() throws {
        let site = try FaultSite.directorySite()
        let output = try TestResources.owner.temporaryFolder("locks").appendingPathComponent("out")
        try FaultSite.setEdition(1, of: site)
        try #require(try FaultSite.run(["build", "--root", site.path, "--output", output.path]).status == 0)
        let before = FolderState(output)
        try FaultSite.setEdition(2, of: site)
        let held = try FolderLock.acquire(output, purpose: "writing", policy: .fail)

        let refused = try FaultSite.run(["build", "--root", site.path, "--output", output.path, "--no-wait"])
        #expect(refused.status == 2)
        // Refused at once, before the site is loaded (which would print its warnings).
        #expect(refused.stderr == "error: another iopsite (pid \(getpid())) is writing '\(output.path)'; not waiting (--no-wait)\n", "\(refused.stderr)")
        #expect(FolderState(output) == before)

        let waiting = try TestResources.owner.start(FaultSite.iopsite.path, ["build", "--root", site.path, "--output", output.path])
        let said = waiting.waitForOutput(containing: "waiting for it to finish", seconds: 60)
        #expect(said.contains("another iopsite (pid \(getpid())) is writing '\(output.path)'; waiting for it to finish"), "\(said)")
        usleep(500_000)
        #expect(FolderState(output) == before, "the waiting build wrote while the lock was held")
        held.release()
        #expect(waiting.wait() == 0, "\(waiting.output)")
        #expect(FolderState(output).files == (try FaultSite.cleanBuild(of: site)))
    }

    @Test func anImportIntoAFolderAnotherImportHoldsWaitsForItOrWithNoWaitExits2AndTouchesNothing() throws {
        let folder = try TestResources.owner.temporaryFolder("locks")
        let site = try FaultSite.importSite(in: folder, states: [])
        let export = try FaultSite.nationwideExport(in: folder)
        let content = site.appendingPathComponent("Content")
        let before = FolderState(content)
        let held = try FolderLock.acquire(content.appendingPathComponent("directory/imported"), purpose: "importing into", policy: .fail)
        let arguments = ["import", "samhsa", export.path, "--root", site.path]

        let refused = try FaultSite.run(arguments + ["--no-wait"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("another iopsite (pid \(getpid())) is importing into"), "\(refused.stderr)")
        #expect(FolderState(content) == before)

        let waiting = try TestResources.owner.start(FaultSite.iopsite.path, arguments)
        let said = waiting.waitForOutput(containing: "waiting for it to finish", seconds: 60)
        #expect(said.contains("is importing into"), "\(said)")
        usleep(500_000)
        #expect(FolderState(content).files == before.files, "the waiting import wrote while the lock was held")
        held.release()
        #expect(waiting.wait() == 0, "\(waiting.output)")
        #expect(FolderState(content).files != before.files)
    }

    @Test func aBuildBesideBuildWatchWritesWhileItIsIdleAndItsNextWriteWaitsForTheLock() throws {
        let site = try FaultSite.directorySite()
        let output = try TestResources.owner.temporaryFolder("locks").appendingPathComponent("out")
        try FaultSite.setEdition(1, of: site)
        let watch = try TestResources.owner.start(FaultSite.iopsite.path, ["build", "--watch", "--root", site.path, "--output", output.path])
        try #require(watch.waitForOutput(containing: "Watching", seconds: 60).contains("Watching"), "\(watch.output)")

        // Idle, build --watch holds no lock: a build writes at once.
        let beside = try FaultSite.run(["build", "--root", site.path, "--output", output.path, "--no-wait"])
        #expect(beside.status == 0, "\(beside.stderr)")

        // While another writer holds it, the watcher's write of a change waits, then happens.
        let held = try FolderLock.acquire(output, purpose: "writing", policy: .fail)
        let before = FolderState(output)
        try FaultSite.setEdition(2, of: site)
        let said = watch.waitForOutput(containing: "waiting for it to finish", seconds: 60)
        #expect(said.contains("another iopsite (pid \(getpid())) is writing"), "\(said)")
        usleep(500_000)
        #expect(FolderState(output) == before)
        held.release()
        #expect(watch.waitForOutput(containing: "pages rendered", seconds: 60).contains("pages rendered"), "\(watch.output)")
        #expect(FolderState(output).files == (try FaultSite.cleanBuild(of: site)))
    }
}

extension LockTests {
    @Test func aBuildBesideAnImportReadsAllOfTheImportOrNoneOfIt() throws {
        let folder = try TestResources.owner.temporaryFolder("locks")
        let site = try FaultSite.directorySite(in: folder)
        let export = try FaultSite.nationwideExport(in: folder)
        let imported = site.appendingPathComponent("Content/directory/imported")
        try FileManager.default.createDirectory(at: imported, withIntermediateDirectories: true)
        let importing = ["import", "samhsa", export.path, "--root", site.path]
        let before = try FaultSite.cleanBuild(of: site)
        try #require(try FaultSite.run(importing).status == 0)
        let after = try FaultSite.cleanBuild(of: site)
        try #require(before != after)

        // While an import holds imported/, a build waits to read it.
        let output = folder.appendingPathComponent("out")
        let held = try FolderLock.acquire(imported, purpose: "importing into", policy: .fail)
        let waiting = try TestResources.owner.start(FaultSite.iopsite.path, ["build", "--root", site.path, "--output", output.path])
        usleep(1_500_000)
        #expect(!FileManager.default.fileExists(atPath: output.path), "the build read imported/ while an import held it: \(waiting.output)")
        held.release()
        #expect(waiting.wait() == 0, "\(waiting.output)")
        #expect(FolderState(output).files == after)

        for round in 1...5 {
            try FileManager.default.removeItem(at: imported)
            try FileManager.default.createDirectory(at: imported, withIntermediateDirectories: true)
            let importer = try TestResources.owner.start(FaultSite.iopsite.path, importing, output: false)
            let build = try TestResources.owner.start(FaultSite.iopsite.path, ["build", "--root", site.path, "--output", output.path])
            #expect(importer.wait() == 0, "round \(round)")
            #expect(build.wait() == 0, "round \(round): \(build.output)")
            let files = FolderState(output).files
            #expect(files == before || files == after, "round \(round): the build read part of the import")
        }
    }
}
