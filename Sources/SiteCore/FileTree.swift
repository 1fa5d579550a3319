import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists a folder tree with `readdir`, which tells entry types without a `stat` per entry:
/// output folders hold thousands of files, and Foundation's enumerators are slow on them.
public enum FileTree {
    public enum Kind: Sendable {
        case file
        case folder
        case symbolicLink
    }

    /// Every entry below `root` as a path relative to it, folders before their contents.
    public static func entries(under root: String, recursive: Bool = true) -> [(path: String, kind: Kind)] {
        var result: [(String, Kind)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(folder) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    lstat(root + "/" + path, &info)
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFLNK ? Int32(DT_LNK) : Int32(DT_REG)
                }
                switch type {
                case Int32(DT_DIR):
                    result.append((path, .folder))
                    if recursive { pending.append(path) }
                case Int32(DT_LNK):
                    result.append((path, .symbolicLink))
                default:
                    result.append((path, .file))
                }
            }
        }
        return result
    }

    /// Deletes `root` and everything in it, unlinking files in parallel.
    public static func remove(_ root: String) throws {
        let all = entries(under: root)
        let files = all.filter { $0.kind != .folder }.map { root + "/" + $0.path }
        let failed = ParallelMap.map(files) { path in unlink(path) == 0 ? nil : path }.compactMap { $0 }
        let folders = all.filter { $0.kind == .folder }.map { root + "/" + $0.path }.sorted { $0.count > $1.count } + [root]
        for path in folders where rmdir(path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        if let path = failed.first { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
