import Foundation
import SiteTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A small RAM file system of a fixed size, mounted for one test and unmounted when it ends: the fault suite's
/// disk that fills up. Mounting needs root (CAP_SYS_ADMIN); without it the test fails and says so.
struct Tmpfs {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    let root: URL

    init(megabytes: Int) throws {
        root = try TestResources.owner.temporaryFolder("tmpfs")
        let mount = try CommandRun.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0755", "iopsite-faults", root.path])
        guard mount.status == 0 else {
            throw Unavailable(description: "the fault suite mounts a \(megabytes) MB tmpfs for its full-disk cases and cannot "
                + "(\(mount.stderr.trimmingCharacters(in: .whitespacesAndNewlines))); run it as root: sudo make test-faults")
        }
        let path = root.path
        TestResources.owner.onRelease { _ = try? CommandRun.run(URL(fileURLWithPath: "/bin/umount"), ["-l", path]) }
    }

    /// Bytes that can still be written.
    var available: Int {
        var stats = statvfs()
        guard statvfs(root.path, &stats) == 0 else { return 0 }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    /// Fills the file system with a ballast file until only `leaving` bytes are free.
    func fill(leaving: Int) throws {
        let ballast = root.appendingPathComponent("ballast")
        let handle = try FileHandle(forWritingTo: ballast.creatingIfMissing())
        defer { try? handle.close() }
        try handle.seekToEnd()
        let chunk = Data(count: 1 << 20)
        while available > leaving {
            let size = min(chunk.count, available - leaving)
            try handle.write(contentsOf: chunk.prefix(max(size, 4096)))
        }
    }

    /// Removes the ballast: the space is back.
    func free() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("ballast"))
    }

    /// Makes the whole file system read-only (a remount: root's rights do not reach past it).
    func remountReadOnly() throws {
        let remount = try CommandRun.run(URL(fileURLWithPath: "/bin/mount"), ["-o", "remount,ro", root.path])
        guard remount.status == 0 else { throw Unavailable(description: "cannot remount \(root.path) read-only: \(remount.stderr)") }
    }
}

extension URL {
    /// The file's URL, after making it empty when it did not exist.
    func creatingIfMissing() -> URL {
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        return self
    }
}
