public import Foundation
import SiteCore
#if canImport(Glibc)
import Glibc
#endif

/// Tells when anything under a site's source folders may have changed. On Linux it listens to inotify on
/// every folder of the trees (folders created later are added as they appear); elsewhere it polls the
/// files' stamps. It only says *that* something changed: the build session finds out *what* by itself,
/// so a missed or duplicated event can cost a rebuild but never a wrong one.
public final class FileWatcher: @unchecked Sendable {
    public let root: URL
    public let folders: [String]
    #if os(Linux)
    private let descriptor: Int32
    #else
    private var signature: [String: FileStamp?] = [:]
    #endif

    /// Watches `folders` (relative to `root`); the root itself is watched for them appearing.
    public init(root: URL, folders: [String]) throws {
        self.root = root
        self.folders = folders
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError(message: "cannot watch files: inotify_init1 failed (errno \(errno))") }
        addWatches()
        #else
        signature = currentSignature()
        #endif
    }

    deinit {
        #if os(Linux)
        close(descriptor)
        #endif
    }

    public struct WatchError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Blocks until something changed, then waits for the burst to settle: up to `settle` of quiet after
    /// the last event (a few milliseconds: an atomic save or a checkout is one burst), never longer than
    /// `limit` in all. Events that arrive while the caller rebuilds are kept and end the next wait at once.
    public func waitForChanges(settle: TimeInterval = 0.003, limit: TimeInterval = 0.05) {
        #if os(Linux)
        guard wait(timeout: -1) else { return }
        let start = Date()
        while Date().timeIntervalSince(start) < limit, wait(timeout: Int32(settle * 1000)) {}
        addWatches()
        #else
        while true {
            Thread.sleep(forTimeInterval: 0.2)
            let now = currentSignature()
            if now != signature { signature = now; return }
        }
        #endif
    }

    #if os(Linux)
    /// Waits up to `timeout` milliseconds (-1: forever) for events and drains them; whether any came.
    private func wait(timeout: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, timeout) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var available: Int32 = 0
        repeat {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            _ = ioctl(descriptor, UInt(FIONREAD), &available)
        } while available > 0
        return true
    }

    /// Watches the root and every folder of the source trees not watched yet.
    private func addWatches() {
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF)
        var folders = [root.path]
        for folder in self.folders {
            let top = root.appendingPathComponent(folder).path
            folders.append(top)
            folders += FileTree.entries(under: top).filter { $0.kind == .folder }.map { top + "/" + $0.path }
        }
        for folder in folders {
            // Watching a folder twice returns the same watch; a folder that vanished is dropped by the kernel.
            _ = inotify_add_watch(descriptor, folder, mask)
        }
    }
    #else
    private func currentSignature() -> [String: FileStamp?] {
        var signature: [String: FileStamp?] = [:]
        for folder in folders {
            let top = root.appendingPathComponent(folder).path
            for entry in FileTree.entries(under: top) { signature[folder + "/" + entry.path] = FileStamp(top + "/" + entry.path) }
        }
        return signature
    }
    #endif
}
