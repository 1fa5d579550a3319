import Foundation
import SiteTestSupport
import Testing

/// Places iopsite cannot use: each gets one located, plain message and the documented exit code, and what was
/// there stays as it was.
@Suite(.cleansUp, .faults, .serialized) struct UnusablePlaceTests {
    @Test func anOutputPathThatIsAFileIsRefusedWithExit2() throws {
        let site = try FaultSite.directorySite()
        let file = try TestResources.owner.temporaryFolder("places").appendingPathComponent("out")
        try Data("notes\n".utf8).write(to: file)
        let run = try FaultSite.run(["build", "--root", site.path, "--output", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasSuffix("error: cannot write '\(file.path)': it exists and is not a folder\n"), "\(run.stderr)")
        #expect(FileManager.default.contents(atPath: file.path) == Data("notes\n".utf8))
    }

    @Test func aReadOnlyOutputIsRefusedWithExit2AndKeptAsItWas() throws {
        let disk = try Tmpfs(megabytes: 64)
        let site = try FaultSite.directorySite()
        let output = disk.root.appendingPathComponent("out")
        try #require(try FaultSite.run(["build", "--root", site.path, "--output", output.path]).status == 0)
        let before = FolderState(output)
        try FaultSite.setEdition(2, of: site)
        try disk.remountReadOnly()
        let run = try FaultSite.run(["build", "--root", site.path, "--output", output.path])
        #expect(run.status == 2)
        let lock = disk.root.appendingPathComponent(".out.iopsite-lock").path
        #expect(run.stderr.hasSuffix("error: cannot lock '\(output.path)': cannot open '\(lock)' (Read-only file system)\n"), "\(run.stderr)")
        #expect(FolderState(output) == before)
    }

    @Test func anUnreadableContentFileIsALocatedErrorWithExit1() throws {
        let folder = try TestResources.owner.temporaryFolder("places")
        let site = try FaultSite.directorySite(in: folder)
        let guide = site.appendingPathComponent("Content/guide/intensive-outpatient-program.md")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: guide.path)
        let output = folder.appendingPathComponent("out")
        let run = try Self.asUnprivilegedUser(["build", "--root", site.path, "--output", output.path], writable: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/guide/intensive-outpatient-program.md:1:1: error: cannot read the file: Permission denied"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aCorruptExternalCacheIsALocatedWarningAndTheCheckGoesOnWithAFreshOne() throws {
        let site = try FixtureSite(FixtureSite.minimal.merging([
            ".iopsite-cache/external.json": "{\"version\": 1, \"entries\": {\"url:https://exa",
        ]) { $1 })
        let run = try FaultSite.run(["check", "--root", site.root.path, "--external"])
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        #expect((run.stdout + run.stderr).contains(".iopsite-cache/external.json:1:1: warning: the cache could not be read"), "\(run.stdout) \(run.stderr)")
        let rewritten = try #require(site.read(".iopsite-cache/external.json"))
        #expect(rewritten.hasPrefix("{") && rewritten.contains("\"version\""), "\(rewritten)")
    }

    /// Runs iopsite as an unprivileged user when the suite runs as root (root reads any file), with `writable` open to it.
    static func asUnprivilegedUser(_ arguments: [String], writable: URL) throws -> CommandRun {
        guard getuid() == 0 else { return try FaultSite.run(arguments) }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: writable.path)
        // The build folder may lie where that user cannot go (a clone in a private temporary folder): the binary is
        // linked (or copied) into the open folder.
        let binary = writable.appendingPathComponent("iopsite")
        if link(FaultSite.iopsite.path, binary.path) != 0 { try FileManager.default.copyItem(at: FaultSite.iopsite, to: binary) }
        return try CommandRun.run(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                  ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments)
    }
}
