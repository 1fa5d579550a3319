public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time for a folder: an advisory lock (`flock`) on a file beside it, `.<name>.iopsite-lock`,
/// which holds the pid of the process writing. The kernel releases the lock when that process ends, however it
/// ends (`kill -9` included), so a lock file left behind never blocks anyone: only a live holder does.
public final class FolderLock: @unchecked Sendable {
    /// What to do when another process holds the lock.
    public enum Policy: Sendable {
        /// Wait for it; `announce` is told the holder's pid (nil when unknown) once, before waiting.
        case wait(announce: (@Sendable (Int32?) -> Void)?)
        /// Fail at once (`--no-wait`).
        case fail
    }

    /// The lock is held by another process (and the policy said not to wait), or could not be taken at all.
    public struct Busy: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    private let descriptor: Int32
    /// A reader's lock, shared with other readers: it names no process.
    private let shared: Bool

    private init(descriptor: Int32, shared: Bool = false) {
        self.descriptor = descriptor
        self.shared = shared
    }

    deinit { release() }

    /// The lock file of `folder`.
    public static func file(of folder: URL) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).iopsite-lock")
    }

    /// Takes the lock of `folder`, for `purpose` ("writing", "importing") as the message to another process says.
    public static func acquire(_ folder: URL, purpose: String, policy: Policy) throws(Busy) -> FolderLock {
        let path = file(of: folder).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Busy(description: "cannot lock '\(folder.path)': cannot open '\(path)' (\(String(cString: strerror(errno))))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = holder(descriptor)
            let who = holder.map { "another iopsite (pid \($0))" } ?? "another iopsite"
            switch policy {
            case .fail:
                close(descriptor)
                throw Busy(description: "\(who) is \(purpose) '\(folder.path)'; not waiting (--no-wait)")
            case .wait(let announce):
                announce?(holder)
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        close(descriptor)
                        throw Busy(description: "cannot lock '\(folder.path)' (\(String(cString: strerror(errno))))")
                    }
                }
            }
        }
        // The holder's pid, for the message another process prints while it waits.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return FolderLock(descriptor: descriptor)
    }

    /// Takes a reader's share of the lock of `folder`, waiting while a writer holds it, so that what is read is all
    /// of one write. Nil when no writer ever locked the folder (there is no lock file; a reader never makes one, so
    /// that reading leaves the folder's parent as it was) or the file cannot be opened.
    public static func share(_ folder: URL) -> FolderLock? {
        let descriptor = open(file(of: folder).path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_SH) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                return nil
            }
        }
        return FolderLock(descriptor: descriptor, shared: true)
    }

    /// The pid written in the lock file, if any.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private var released = false
    private let lock = NSLock()

    /// Gives the lock up (also when the value goes away).
    public func release() {
        lock.withLock {
            guard !released else { return }
            released = true
            if !shared { _ = ftruncate(descriptor, 0) }
            close(descriptor)
        }
    }
}
