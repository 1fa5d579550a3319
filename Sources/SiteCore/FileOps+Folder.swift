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

        /// Removes a file or symbolic link.
        public func unlinkFile(_ relative: String) throws {
            guard unlinkat(descriptor, relative, 0) == 0 else { throw Failure(operation: "remove", path: path + "/" + relative, code: errno) }
        }
    }
}
