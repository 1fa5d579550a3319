public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Thin POSIX file operations for the output writer, which does them tens of thousands of times per
/// build; Foundation's FileManager adds checks and allocations on each call that cost more than the call.
public enum FileOps {
    public struct Failure: LocalizedError, CustomStringConvertible {
        public let operation: String
        public let path: String
        public let code: Int32

        public init(operation: String, path: String, code: Int32) {
            self.operation = operation
            self.path = path
            self.code = code
        }

        public var description: String { "\(operation) '\(path)': \(reason)" }

        public var errorDescription: String? { description }

        /// The system's words for the failure ("Permission denied").
        public var reason: String { String(cString: strerror(code)) }
    }

    /// Creates a new file (it must not exist) holding `buffer`.
    public static func create(_ path: String, _ buffer: UnsafeRawBufferPointer) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(operation: "create", path: path, code: errno) }
        defer { close(descriptor) }
        try write(buffer, to: descriptor, path: { path })
    }

    /// Writes all of `buffer` to an open file; `path` names it in a failure.
    static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: () -> String) throws {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            guard written > 0 else { throw Failure(operation: "write", path: path(), code: errno) }
            offset += written
        }
    }

    /// Whether the file at `path` holds exactly `bytes`: sizes first, then the contents in small chunks,
    /// so that comparing a large page costs no copy of it.
    public static func file(_ path: String, equals bytes: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var offset = 0
        while offset < bytes.count {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, min($0.count, bytes.count - offset)) }
            guard count > 0 else { return false }
            let same = chunk.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress! + offset, count) == 0 }
            guard same else { return false }
            offset += count
        }
        return true
    }

    public static func hardLink(_ source: String, _ target: String) throws {
        guard link(source, target) == 0 else { throw Failure(operation: "link", path: target, code: errno) }
    }

    /// Removes a file or symbolic link.
    public static func unlinkFile(_ path: String) throws {
        guard unlink(path) == 0 else { throw Failure(operation: "remove", path: path, code: errno) }
    }

    /// The file's text, read straight into a String's storage, when `accept` takes its bytes (they must be
    /// valid UTF-8); nil when it cannot be read or `accept` refuses them.
    public static func text(_ path: String, accepting accept: (UnsafeBufferPointer<UInt8>) -> Bool) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return accept(UnsafeBufferPointer(start: nil, count: 0)) ? "" : nil }
        var accepted = false
        let text = String(unsafeUninitializedCapacity: size) { buffer in
            var offset = 0
            while offset < size {
                let count = Glibc.read(descriptor, buffer.baseAddress! + offset, size - offset)
                guard count > 0 else { return 0 }
                offset += count
            }
            accepted = accept(UnsafeBufferPointer(rebasing: buffer[..<size]))
            return accepted ? size : 0
        }
        return accepted ? text : nil
    }

    /// The file's bytes, or nil when it cannot be read.
    public static func contents(_ path: String) -> Data? {
        try? read(path).get()
    }

    /// The file's bytes, or why they cannot be read (the system's reason, for a diagnostic).
    public static func read(_ path: String) -> Result<Data, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(operation: "open", path: path, code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Failure(operation: "stat", path: path, code: errno)) }
        // Read into memory that is not zeroed first (`Data(count:)` wrote zeros over every byte it was about to read).
        let size = Int(info.st_size)
        guard size > 0 else { return .success(Data()) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        var offset = 0
        while offset < size {
            let count = Glibc.read(descriptor, buffer + offset, size - offset)
            guard count > 0 else {
                let failure = Failure(operation: "read", path: path, code: count < 0 ? errno : EIO)
                buffer.deallocate()
                return .failure(failure)
            }
            offset += count
        }
        return .success(Data(bytesNoCopy: buffer, count: size, deallocator: .custom { pointer, _ in pointer.deallocate() }))
    }

    /// Reads the rest of an open file into `buffer` (grown as needed, reused across calls); returns the
    /// byte count. A short read of a regular file means its end, so a small file costs one `read`.
    public static func readAll(_ descriptor: Int32, into buffer: inout [UInt8]) -> Int? {
        if buffer.isEmpty { buffer = [UInt8](repeating: 0, count: 1 << 20) }
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in Glibc.read(descriptor, raw.baseAddress! + total, raw.count - total) }
            guard count >= 0 else { return nil }
            total += count
            if total < buffer.count { return total }
            buffer += [UInt8](repeating: 0, count: buffer.count)
        }
    }

    /// The inode number of a path (not following a final symbolic link).
    public static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }
}
