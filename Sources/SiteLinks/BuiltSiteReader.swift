import Foundation
import SiteCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads a built folder for `LinkChecker.checkSite`: lists it level by level, and reads each HTML page
/// through its folder's open descriptor (`openat`) while the folder is listed, so the kernel resolves
/// each page's path once. Each level is split into one task per core; each core keeps its own table of
/// hrefs and ids from level to level.
enum BuiltSiteReader {
    /// Every file's path, and every HTML page scanned (one table per task, kept across levels).
    static func scan(_ root: String) -> (files: [String], site: ScannedSite) {
        let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        var tables = [ByteStringTable](repeating: ByteStringTable(), count: cores)
        var files: [String] = []
        var pages: [(path: String, table: Int, page: ScannedPage)] = []
        var level = [""]
        while !level.isEmpty {
            let chunkCount = min(level.count, cores)
            let chunks = (0..<chunkCount).map { chunk in
                (chunk, tables[chunk], stride(from: chunk, to: level.count, by: chunkCount).map { level[$0] })
            }
            // Each task takes its table over; the copy left behind is replaced when the task is done.
            for chunk in 0..<chunkCount { tables[chunk] = ByteStringTable() }
            let listed = ParallelMap.map(chunks) { chunk, table, folders in
                var task = Task(root: root, table: table)
                for folder in folders { task.list(folder) }
                return (chunk, task)
            }
            for (chunk, task) in listed {
                tables[chunk] = task.table
                files += task.files
                pages += task.pages.map { (path: $0.0, table: chunk, page: $0.1) }
            }
            level = listed.flatMap(\.1.folders)
        }
        return (files, ScannedSite(tables: tables, pages: pages))
    }

    /// One core's share of a level: the folders it lists, the files and pages it finds.
    private struct Task: Sendable {
        let root: String
        var table: ByteStringTable
        var folders: [String] = []
        var files: [String] = []
        var pages: [(String, ScannedPage)] = []
        var buffer: [UInt8] = []

        init(root: String, table: ByteStringTable) {
            self.root = root
            self.table = table
        }

        private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

        mutating func list(_ folder: String) {
            guard let handle = opendir(folder.isEmpty ? root : root + "/" + folder) else { return }
            defer { closedir(handle) }
            let descriptor = dirfd(handle)
            while let entry = readdir(handle) {
                // The name is read in place: copying the 256-byte d_name out first costs more than the string.
                let name = String(cString: UnsafeRawPointer(entry).advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self))
                if name == "." || name == ".." { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW)
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
                }
                if type == Int32(DT_DIR) {
                    folders.append(path)
                    continue
                }
                if folder.isEmpty && name.hasPrefix(".iopsite") { continue }
                files.append(path)
                guard name.hasSuffix(".html") || name.hasSuffix(".htm") else { continue }
                guard let count = BuiltSiteReader.readFile(at: descriptor, name, into: &buffer) else { continue }
                let page = buffer.withUnsafeBufferPointer { all in
                    HTMLScanner.scan(UnsafeBufferPointer(rebasing: all[..<count]), into: &table)
                }
                pages.append((path, page))
            }
        }
    }

    /// A page costs openat, read and close.
    private static func readFile(at folder: Int32, _ name: String, into buffer: inout [UInt8]) -> Int? {
        let descriptor = openat(folder, name, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return FileOps.readAll(descriptor, into: &buffer)
    }
}
