import Foundation
import SiteCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads a built folder for `LinkChecker.checkSite`: lists it level by level, and reads each HTML page
/// through its folder's open descriptor (`openat`) while the folder is listed, so the kernel resolves
/// each page's path once. Each level is split into one chunk per core; a chunk's `visit` calls share
/// its state (a memo, a read buffer).
enum BuiltSiteReader {
    struct Page {
        let path: String
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// Calls `visit` for every HTML page with its bytes (valid during the call) and returns every
    /// file's path with the visits' results. `makeState` makes one state per chunk.
    static func read<State, Result: Sendable>(_ root: String, makeState: @Sendable () -> State,
                                              visit: @Sendable (inout State, Page) -> Result) -> (files: [String], results: [(String, Result)]) {
        var files: [String] = []
        var results: [(String, Result)] = []
        var level = [""]
        let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        while !level.isEmpty {
            let chunkCount = min(level.count, cores)
            let chunks = (0..<chunkCount).map { chunk in stride(from: chunk, to: level.count, by: chunkCount).map { level[$0] } }
            let listed = ParallelMap.map(chunks) { folders -> (folders: [String], files: [String], results: [(String, Result)]) in
                var state = makeState()
                var buffer = [UInt8](repeating: 0, count: 1 << 20)
                var found: (folders: [String], files: [String], results: [(String, Result)]) = ([], [], [])
                for folder in folders {
                    guard let handle = opendir(folder.isEmpty ? root : root + "/" + folder) else { continue }
                    defer { closedir(handle) }
                    let descriptor = dirfd(handle)
                    while let entry = readdir(handle) {
                        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                        if name == "." || name == ".." { continue }
                        let path = folder.isEmpty ? name : folder + "/" + name
                        var type = Int32(entry.pointee.d_type)
                        if type == Int32(DT_UNKNOWN) {
                            var info = stat()
                            fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW)
                            type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
                        }
                        if type == Int32(DT_DIR) {
                            found.folders.append(path)
                            continue
                        }
                        if folder.isEmpty && name.hasPrefix(".iopsite") { continue }
                        found.files.append(path)
                        guard name.hasSuffix(".html") || name.hasSuffix(".htm") else { continue }
                        guard let count = readFile(at: descriptor, name, into: &buffer) else { continue }
                        let result = buffer.withUnsafeBufferPointer { all in
                            visit(&state, Page(path: path, bytes: UnsafeBufferPointer(rebasing: all[..<count])))
                        }
                        found.results.append((path, result))
                    }
                }
                return found
            }
            files += listed.flatMap(\.files)
            results += listed.flatMap(\.results)
            level = listed.flatMap(\.folders)
        }
        return (files, results)
    }

    /// A page costs openat, read and close.
    private static func readFile(at folder: Int32, _ name: String, into buffer: inout [UInt8]) -> Int? {
        let descriptor = openat(folder, name, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return FileOps.readAll(descriptor, into: &buffer)
    }
}
