import Foundation

/// What identifies one version of a file without reading it: its device and inode, size and change times.
public struct FileStamp: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    /// Nanoseconds since 1970.
    let modified: Int64
    let changed: Int64

    /// Nil when the file cannot be examined. Symbolic links are followed (the target's version counts).
    public init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }
}

/// The files a long-lived process has read, by path: a file whose stamp is unchanged is not read again
/// and keeps its text's storage, so that caches keyed by content compare in constant time.
///
/// A stamp is trusted only when the file's last change is well before the moment it was read (the rule
/// git uses for "racily clean" files): file systems keep change times in coarse ticks, and a file written
/// twice within one tick, to the same size, would otherwise look unchanged. Such a file is read again,
/// and its version number moves only when its bytes differ.
public final class TextCache: @unchecked Sendable {
    /// How long after its last change a file's stamp is trusted (coarser than any file system's tick).
    static let racyWindow: Int64 = 2_000_000_000

    private struct Entry {
        var stamp: FileStamp
        var readAt: Int64
        var bytes: Result<Data, Diagnostic>
        /// The bytes decoded, once a reader asked for text.
        var text: Result<String, Diagnostic>?
        var version: Int
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var nextVersion = 1

    public init() {}

    /// The bytes of `path` (its full path is `fullPath`), read with `read` only when they may have changed.
    func data(_ path: String, fullPath: String, read: () -> Result<Data, Diagnostic>) -> Result<Data, Diagnostic> {
        entry(path, fullPath: fullPath, read: read).bytes
    }

    /// The text of `path`, decoded with `decode` once per version.
    func text(_ path: String, fullPath: String, read: () -> Result<Data, Diagnostic>,
              decode: (Data) -> Result<String, Diagnostic>) -> Result<String, Diagnostic> {
        let found = entry(path, fullPath: fullPath, read: read)
        if let text = found.text { return text }
        let text: Result<String, Diagnostic> = switch found.bytes {
        case .success(let data): decode(data)
        case .failure(let problem): .failure(problem)
        }
        lock.withLock { if entries[path]?.version == found.version { entries[path]?.text = text } }
        return text
    }

    /// A number that changes exactly when the bytes of `path` (or the problem reading it) change.
    func version(_ path: String, fullPath: String, read: () -> Result<Data, Diagnostic>) -> Int {
        entry(path, fullPath: fullPath, read: read).version
    }

    private func entry(_ path: String, fullPath: String, read: () -> Result<Data, Diagnostic>) -> Entry {
        let stamp = FileStamp(fullPath)
        let cached = lock.withLock { entries[path] }
        if let cached, let stamp, cached.stamp == stamp, stamp.modified + Self.racyWindow < cached.readAt, stamp.changed + Self.racyWindow < cached.readAt {
            return cached
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let readAt = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        let result = read()
        return lock.withLock {
            var entry = Entry(stamp: stamp ?? FileStamp.missing, readAt: readAt, bytes: result, text: nil, version: 0)
            if let cached, Self.same(cached.bytes, result) {
                entry.version = cached.version
                entry.bytes = cached.bytes
                entry.text = cached.text
            } else {
                entry.version = nextVersion
                nextVersion += 1
            }
            entries[path] = entry
            return entry
        }
    }

    private static func same(_ a: Result<Data, Diagnostic>, _ b: Result<Data, Diagnostic>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): x == y
        case (.failure(let x), .failure(let y)): x == y
        default: false
        }
    }
}

extension FileStamp {
    /// The stamp of a file that could not be examined; never equal to a real one's read time rule.
    static let missing = FileStamp(device: 0, inode: 0, size: -1, modified: .max / 2, changed: .max / 2)

    private init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }
}
