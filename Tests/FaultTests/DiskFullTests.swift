import Foundation
import SiteTestSupport
import Testing

/// The disk fills up while iopsite writes: the write fails with exit 2 and a plain message, what was there is
/// byte for byte as it was, nothing is left behind to keep the disk full, and once there is space the next run works.
@Suite(.cleansUp, .faults, .serialized) struct DiskFullTests {
    /// A little space: enough for a lock file and a folder or two, never for a site.
    static let slack = 64 * 1024

    @Test func aRebuildThatFillsTheDiskLeavesTheOldOutputAndNoStagingAndTheNextBuildSucceeds() throws {
        let disk = try Tmpfs(megabytes: 96)
        let site = try FaultSite.directorySite()
        let output = disk.root.appendingPathComponent("out")
        let first = try FaultSite.run(["build", "--root", site.path, "--output", output.path])
        try #require(first.status == 0, "\(first.stderr)")
        try FaultSite.setEdition(2, of: site)
        try runOnAFullDisk(["build", "--root", site.path, "--output", output.path], keeping: output, on: disk)

        let next = try FaultSite.run(["build", "--root", site.path, "--output", output.path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(FolderState(output).files == (try FaultSite.cleanBuild(of: site)))
        #expect(Leftovers.under(disk.root).isEmpty)
    }

    @Test func aFirstBuildOnAFullDiskLeavesNoOutputAndNoStaging() throws {
        let disk = try Tmpfs(megabytes: 8)
        let site = try FaultSite.directorySite()
        let output = disk.root.appendingPathComponent("out")
        try disk.fill(leaving: 2 * 1024 * 1024)

        let failed = try FaultSite.run(["build", "--root", site.path, "--output", output.path])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("No space left on device"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(Leftovers.under(disk.root).isEmpty, "left: \(Leftovers.under(disk.root))")
        #expect(disk.available >= 2 * 1024 * 1024 - 8192)
    }

    @Test func buildWatchWhoseWriteFillsTheDiskKeepsEveryOldFileAndWritesTheNextChangeOnceThereIsSpace() throws {
        let disk = try Tmpfs(megabytes: 96)
        let site = try FaultSite.directorySite()
        let output = disk.root.appendingPathComponent("out")
        let watch = try TestResources.owner.start(FaultSite.iopsite.path, ["build", "--watch", "--root", site.path, "--output", output.path])
        let started = watch.waitForOutput(containing: "Watching", seconds: 60)
        try #require(started.contains("Watching"), "\(started)")
        let before = FolderState(output)
        try disk.fill(leaving: Self.slack)
        let free = disk.available

        try FaultSite.setEdition(2, of: site)
        let failed = watch.waitForOutput(containing: "No space left on device", seconds: 60)
        #expect(failed.contains("No space left on device"), "\(failed)")
        expectUnchanged(output, was: before, on: disk, free: free)

        try disk.free()
        try FaultSite.setEdition(3, of: site)
        let count = watch.output.components(separatedBy: "written").count
        let deadline = Date().addingTimeInterval(60)
        while watch.output.components(separatedBy: "written").count == count, Date() < deadline { usleep(50_000) }
        #expect(FolderState(output).files == (try FaultSite.cleanBuild(of: site)), "\(watch.output)")
        #expect(Leftovers.under(disk.root).isEmpty)
    }

    @Test func anImportThatFillsTheDiskLeavesContentAsItWasAndTheNextImportSucceeds() throws {
        let disk = try Tmpfs(megabytes: 16)
        let site = try FaultSite.importSite(in: disk.root, states: [])
        let export = try FaultSite.nationwideExport(in: try TestResources.owner.temporaryFolder("export"))
        let content = site.appendingPathComponent("Content")
        try runOnAFullDisk(["import", "samhsa", export.path, "--root", site.path], keeping: content, on: disk)

        let next = try FaultSite.run(["import", "samhsa", export.path, "--root", site.path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.path + "/directory/imported").sorted()
            == FaultSite.nationwideFiles)
        #expect(Leftovers.under(disk.root).isEmpty)
    }

    /// Fills the disk, runs iopsite with `arguments`, expects a plain exit 2 that leaves `folder` as it was, then frees
    /// the space again.
    private func runOnAFullDisk(_ arguments: [String], keeping folder: URL, on disk: Tmpfs,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = FolderState(folder)
        try disk.fill(leaving: Self.slack)
        let free = disk.available
        let failed = try FaultSite.run(arguments)
        #expect(failed.status == 2, sourceLocation: sourceLocation)
        #expect(failed.stderr.contains("No space left on device"), "\(failed.stderr)", sourceLocation: sourceLocation)
        expectUnchanged(folder, was: before, on: disk, free: free, sourceLocation: sourceLocation)
        try disk.free()
    }

    /// What a failed write leaves: `folder` as it was, no staging or temporary anywhere on the disk, and the
    /// disk's free space as before (a lock file and a folder entry or two aside).
    private func expectUnchanged(_ folder: URL, was before: FolderState, on disk: Tmpfs, free: Int,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(FolderState(folder) == before, "changed: \(FolderState(folder).differences(from: before))", sourceLocation: sourceLocation)
        #expect(Leftovers.under(disk.root).isEmpty, "left: \(Leftovers.under(disk.root))", sourceLocation: sourceLocation)
        #expect(disk.available >= free - 8192, "the failed write kept \(free - disk.available) bytes", sourceLocation: sourceLocation)
    }
}
