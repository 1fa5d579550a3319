import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension FileOps {
    /// An open folder that paths below it are resolved from: the kernel walks only the path's own parts, not the
    /// folder's path again for each of the tens of thousands of files and folders a build makes in it.
    public final class Folder: @unchecked Sendable {
        public let path: String
        let descriptor: Int32

        /// Nil when the folder cannot be opened.
        public init?(_ path: String) {
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            self.path = path
        }

        deinit { close(descriptor) }

        /// Creates a new file at `relative` (it must not exist) holding `buffer`.
        public func create(_ relative: String, _ buffer: UnsafeRawBufferPointer) throws {
            let file = openat(descriptor, relative, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard file >= 0 else { throw Failure(operation: "create", path: path + "/" + relative, code: errno) }
            defer { close(file) }
            try FileOps.write(buffer, to: file, path: { self.path + "/" + relative })
        }

        public func makeFolder(_ relative: String) throws {
            guard mkdirat(descriptor, relative, 0o755) == 0 else { throw Failure(operation: "create folder", path: path + "/" + relative, code: errno) }
        }

        /// Makes the folders that hold `relative` (`a` and `a/b` for `a/b/c.html`) where they are missing; another
        /// thread may be making the same ones.
        public func makeFolders(holding relative: String) throws {
            var relative = relative
            try relative.withUTF8 { bytes in
                guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash > 0 else { return }
                // The folder's path as a C string on the stack: no String made per file.
                try withUnsafeTemporaryAllocation(of: CChar.self, capacity: slash + 1) { folder in
                    bytes.withMemoryRebound(to: CChar.self) { _ = folder.initialize(from: $0.prefix(slash)) }
                    folder[slash] = 0
                    try makeFolder(folder.baseAddress!, length: slash)
                }
            }
        }

        /// Makes the folder named by the first `length` bytes of `path` (a C string it may cut short), and its missing parents.
        private func makeFolder(_ path: UnsafeMutablePointer<CChar>, length: Int) throws {
            if mkdirat(descriptor, path, 0o755) == 0 || errno == EEXIST { return }
            let failure = errno
            var slash = length - 1
            while slash > 0, path[slash] != CChar(UInt8(ascii: "/")) { slash -= 1 }
            guard failure == ENOENT, slash > 0 else {
                throw Failure(operation: "create folder", path: self.path + "/" + String(cString: path), code: failure)
            }
            path[slash] = 0
            try makeFolder(path, length: slash)
            path[slash] = CChar(UInt8(ascii: "/"))
            guard mkdirat(descriptor, path, 0o755) == 0 || errno == EEXIST else {
                throw Failure(operation: "create folder", path: self.path + "/" + String(cString: path), code: errno)
            }
        }

        /// Removes a file or symbolic link.
        public func unlinkFile(_ relative: String) throws {
            guard unlinkat(descriptor, relative, 0) == 0 else { throw Failure(operation: "remove", path: path + "/" + relative, code: errno) }
        }
    }
}
