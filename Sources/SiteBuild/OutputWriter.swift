import Foundation
import SiteCore

/// Writes a build into the output folder without ever leaving it half-written.
///
/// The new output is assembled in a sibling folder: files whose bytes are unchanged are hard-linked
/// from the previous output (keeping their inode), files iopsite did not write (not in the previous
/// manifest) are linked across untouched, and the two folders are swapped in one rename. Only files
/// the previous manifest lists can disappear.
///
/// The folder swapped out is kept beside the output (`.<name>.iopsite-previous`) and recycled as
/// the next build's staging folder: its folders and hard links are mostly right already, so a
/// rebuild creates few folders and files, which is most of what writing a directory site costs.
struct OutputWriter {
    static let manifestName = ".iopsite-manifest"
    static let manifestHeader = "# Files written by iopsite. Only these are ever removed by a build."

    /// Why the output could not be written: all are environment errors (exit 2).
    enum Failure: Error, CustomStringConvertible {
        case foreignFolder(String)
        case wouldOverwriteForeignFile(String)
        case io(String)

        var description: String {
            switch self {
            case .foreignFolder(let path):
                "refusing to write into '\(path)': it is not empty and has no \(OutputWriter.manifestName), so iopsite did not make it"
            case .wouldOverwriteForeignFile(let path):
                "refusing to overwrite '\(path)': iopsite did not write it (it is not in \(OutputWriter.manifestName))"
            case .io(let message): message
            }
        }
    }

    let output: URL
    private var fileManager: FileManager { .default }

    private func sibling(_ suffix: String) -> URL {
        Self.sibling(of: output, suffix)
    }

    /// The hidden folder beside `output` that a build uses as `staging` or keeps as `previous`.
    static func sibling(of output: URL, _ suffix: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).iopsite-\(suffix)")
    }

    /// Prepares the staging folder for a build that will write exactly `paths`: unwanted entries are
    /// removed and every folder exists, so pages can be put from several threads as they render.
    func begin(paths: Set<String>) throws(Failure) -> Staging {
        let (previous, warning) = try previousManifest(paths: paths)
        let warnings = warning.map { [$0] } ?? []
        // The manifest depends on the paths alone: made meanwhile, so the end of a build does not wait for it.
        let manifest = BackgroundValue { Self.manifest(paths) }
        let staging = sibling("staging")
        let recycled = sibling("previous")
        do {
            // A staging folder left by an interrupted build is as good a start as the recycled one:
            // every entry is checked before it is kept.
            var empty = false
            if !fileManager.fileExists(atPath: staging.path) {
                if fileManager.fileExists(atPath: recycled.path) {
                    try fileManager.moveItem(at: recycled, to: staging)
                } else {
                    try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
                    empty = true
                }
            }
            let (foreign, temporaries) = previous == nil ? ([], []) : foreignEntries(previous: previous!)
            if let clash = foreign.first(where: { $0.kind != .folder && paths.contains($0.path) }) {
                throw Failure.wouldOverwriteForeignFile(output.appendingPathComponent(clash.path).path)
            }
            if empty && foreign.isEmpty {
                // Nothing to keep or clear: each file's folders are made as it is put, on the core that renders it,
                // rather than all of them first (listing the folders of every path, then a pause to make them).
                guard let handle = FileOps.Folder(staging.path) else { throw Failure.io("cannot open '\(staging.path)'") }
                return Staging(writer: self, folder: staging, handle: handle, recycled: recycled, previous: previous, paths: paths,
                               foreign: [], temporaries: temporaries, existing: [:], manifest: manifest, makesFolders: true, warnings: warnings)
            }
            var wanted = paths.union(foreign.filter { $0.kind != .folder }.map(\.path))
            wanted.insert(Self.manifestName)
            let folders = Self.folders(of: wanted).union(foreign.filter { $0.kind == .folder }.map(\.path))
            let existing = try clear(staging, keeping: wanted, folders: folders)
            guard let handle = FileOps.Folder(staging.path) else { throw Failure.io("cannot open '\(staging.path)'") }
            try Self.makeFolders(folders.filter { existing[$0] != .folder }, in: handle)
            return Staging(writer: self, folder: staging, handle: handle, recycled: recycled, previous: previous, paths: paths,
                           foreign: foreign, temporaries: temporaries, existing: existing, manifest: manifest, makesFolders: false,
                           warnings: warnings)
        } catch let failure as Failure {
            try? fileManager.removeItem(at: staging)
            throw failure
        } catch {
            // Nothing is left beside the output that a successful build would not leave (a full disk stays full otherwise).
            try? fileManager.removeItem(at: staging)
            throw .io("cannot write '\(output.path)': \(error)")
        }
    }

    /// A prepared staging folder. `put` is safe from several threads, each path once.
    final class Staging: @unchecked Sendable {
        let writer: OutputWriter
        let folder: URL
        /// The folder open, for writing the files in it by their paths below it.
        let handle: FileOps.Folder
        let recycled: URL
        let previous: Set<String>?
        let paths: Set<String>
        let foreign: [(path: String, kind: FileTree.Kind)]
        /// Read-only after `begin`; every thread may consult it.
        let existing: [String: FileTree.Kind]
        /// Files (then folders) a killed incremental write left in the output: not carried across, removed once swapped out.
        let temporaries: [String]
        /// For the report: what was wrong with the output before the write.
        let warnings: [String]
        /// The text of the manifest of `paths`.
        let manifest: BackgroundValue<String>
        /// Whether a file's folders are made as it is put (in a new, empty staging folder), rather than all beforehand.
        let makesFolders: Bool
        private let lock = NSLock()
        /// `writer.output.path` and `folder.path`, made once (a URL's path is computed at each call).
        private let outputPath: String
        private let folderPath: String
        private var written = 0
        private var unchanged = 0

        init(writer: OutputWriter, folder: URL, handle: FileOps.Folder, recycled: URL, previous: Set<String>?, paths: Set<String>,
             foreign: [(path: String, kind: FileTree.Kind)], temporaries: [String], existing: [String: FileTree.Kind],
             manifest: BackgroundValue<String>, makesFolders: Bool, warnings: [String]) {
            self.temporaries = temporaries
            self.warnings = warnings
            self.manifest = manifest
            self.makesFolders = makesFolders
            self.writer = writer
            self.folder = folder
            self.handle = handle
            self.recycled = recycled
            self.previous = previous
            self.paths = paths
            self.foreign = foreign
            self.existing = existing
            outputPath = writer.output.path
            folderPath = folder.path
        }

        /// Stages one file: a hard link to the previous output's file when the bytes are the same.
        func put(_ path: String, _ data: Data) throws(Failure) {
            var failure: Failure?
            data.withUnsafeBytes { bytes in
                do throws(Failure) { try put(path, bytes: bytes) } catch { failure = error }
            }
            if let failure { throw failure }
        }

        /// Stages one file from bytes read in place (a page's own, as it renders), linked as `put(_:_:)` says.
        func put(_ path: String, bytes data: UnsafeRawBufferPointer) throws(Failure) {
            do {
                if makesFolders { try handle.makeFolders(holding: path) }
                // The previous output's path is made only when there is a previous file to compare (not in a first build).
                if previous?.contains(path) == true, case let old = outputPath + "/" + path, FileOps.file(old, equals: data) {
                    try writer.link(old, to: folderPath, path, existing: existing[path])
                    lock.withLock { unchanged += 1 }
                } else {
                    try writer.replace(in: handle, path, with: data, existing: existing[path])
                    lock.withLock { written += 1 }
                }
            } catch {
                // Named as the output's file it was to become: the staging folder is gone by the time this is read.
                throw .io("cannot write '\(outputPath)/\(path)': \((error as? FileOps.Failure)?.reason ?? "\(error)")")
            }
        }

        /// Removes the staging folder after a failed write (whatever it holds: new files, or the old output after a
        /// swap whose last step failed).
        func discard() {
            try? FileManager.default.removeItem(at: folder)
        }

        /// Carries foreign files across, writes the manifest and swaps the staging folder in.
        func commit() throws(Failure) -> WriteReport {
            let fileManager = FileManager.default
            do {
                for entry in foreign where entry.kind != .folder {
                    let source = writer.output.path + "/" + entry.path
                    if entry.kind == .symbolicLink {
                        let target = folder.path + "/" + entry.path
                        if existing[entry.path] != nil { try FileOps.unlinkFile(target) }
                        try fileManager.createSymbolicLink(atPath: target, withDestinationPath: fileManager.destinationOfSymbolicLink(atPath: source))
                    } else {
                        try writer.link(source, to: folderPath, entry.path, existing: existing[entry.path])
                    }
                }
                try Data(manifest.value.utf8).withUnsafeBytes {
                    try writer.replace(in: handle, OutputWriter.manifestName, with: $0, existing: existing[OutputWriter.manifestName])
                }
                if fileManager.fileExists(atPath: writer.output.path) {
                    try FileSwap.exchange(writer.output, folder)
                    try fileManager.moveItem(at: folder, to: recycled)
                    // Files first, then the folders that held them, deepest first.
                    for path in temporaries where unlink(recycled.path + "/" + path) != 0 { rmdir(recycled.path + "/" + path) }
                } else {
                    try fileManager.moveItem(at: folder, to: writer.output)
                }
            } catch {
                throw .io("cannot write '\(writer.output.path)': \(error)")
            }
            return lock.withLock {
                WriteReport(written: written, unchanged: unchanged, removed: previous.map { $0.subtracting(paths).count } ?? 0, warnings: warnings)
            }
        }
    }

    /// The manifest's text: the header, then the paths in the order of their UTF-8 bytes, one a line.
    static func manifest(_ paths: Set<String>) -> String {
        // Compared as bytes: the same order as String's for these paths, without its Unicode rules.
        var sorted = paths.map { ContiguousArray($0.utf8) }
        // By memcmp: the generic byte-by-byte comparison was most of a manifest of 15,000 paths.
        sorted.sort { first, second in
            first.withUnsafeBufferPointer { first in
                second.withUnsafeBufferPointer { second in
                    let common = min(first.count, second.count)
                    let order = common == 0 ? 0 : memcmp(first.baseAddress!, second.baseAddress!, common)
                    return order != 0 ? order < 0 : first.count < second.count
                }
            }
        }
        var bytes: [UInt8] = Array(manifestHeader.utf8)
        bytes.reserveCapacity(sorted.reduce(bytes.count + 1) { $0 + $1.count + 1 })
        bytes.append(0x0A)
        for path in sorted {
            bytes.append(contentsOf: path)
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Creates `folders` (each one's parent exists or is among them), a depth at a time, each depth on
    /// every core: a directory site has a folder per listing, and creating them is much of a first write.
    static func makeFolders(_ folders: [String], in root: FileOps.Folder) throws {
        let byDepth = Dictionary(grouping: folders) { $0.utf8.count { $0 == UInt8(ascii: "/") } }
        for depth in byDepth.keys.sorted() {
            // In no particular order: sorting would put both cores in one parent folder, whose lock they would share.
            let level = byDepth[depth]!
            let chunks = stride(from: 0, to: level.count, by: 512).map { Array(level[$0..<min($0 + 512, level.count)]) }
            let failures = ParallelMap.map(chunks) { chunk -> String? in
                do {
                    for folder in chunk { try root.makeFolder(folder) }
                } catch {
                    return "\(error)"
                }
                return nil
            }
            if let failure = failures.compactMap({ $0 }).first { throw Failure.io(failure) }
        }
    }

    /// Every folder that holds one of `paths`, e.g. `a` and `a/b` for `a/b/index.html`.
    static func folders(of paths: Set<String>) -> Set<String> {
        var folders: Set<String> = []
        folders.reserveCapacity(paths.count)
        for path in paths {
            // Each parent, innermost first, found by its last slash; a parent seen before has its own parents in.
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                guard !folder.isEmpty, folders.insert(String(folder)).inserted else { break }
            }
        }
        return folders
    }

    /// Removes from `staging` what the new output will not hold; returns the kinds of what is left.
    private func clear(_ staging: URL, keeping wanted: Set<String>, folders: Set<String>) throws -> [String: FileTree.Kind] {
        var kept: [String: FileTree.Kind] = [:]
        var emptied: [String] = []
        for entry in FileTree.entries(under: staging.path) {
            let keep = entry.kind == .folder ? folders.contains(entry.path) : wanted.contains(entry.path) && !folders.contains(entry.path)
            if keep {
                kept[entry.path] = entry.kind
            } else if entry.kind == .folder {
                emptied.append(entry.path)
            } else if unlink(staging.path + "/" + entry.path) != 0 {
                throw Failure.io("cannot remove '\(staging.path)/\(entry.path)'")
            }
        }
        // Deepest first; a folder not wanted may still hold wanted-looking leftovers, so remove it whole.
        for folder in emptied.sorted(by: { $0.count > $1.count }) where rmdir(staging.path + "/" + folder) != 0 {
            try FileTree.remove(staging.path + "/" + folder)
            kept = kept.filter { !$0.key.hasPrefix(folder + "/") }
        }
        return kept
    }

    /// Makes `staging/path` a hard link to `source`, keeping it when it already is one.
    func link(_ source: String, to staging: String, _ path: String, existing: FileTree.Kind?) throws {
        let target = staging + "/" + path
        if existing == .file, FileOps.inode(target) == FileOps.inode(source) { return }
        if existing != nil { try FileOps.unlinkFile(target) }
        try FileOps.hardLink(source, target)
    }

    /// Writes `data` as a new file at `staging/path`. The old entry is unlinked first: it may be a hard
    /// link to a file of the live output, which must never be written through.
    func replace(in staging: FileOps.Folder, _ path: String, with data: UnsafeRawBufferPointer, existing: FileTree.Kind?) throws {
        if existing != nil { try staging.unlinkFile(path) }
        try staging.create(path, data)
    }

    /// The files the last build wrote; nil when the output does not exist or is empty but for `.gitkeep`.
    ///
    /// A manifest that does not begin with iopsite's header was not written by iopsite (a disk error, a hand edit):
    /// then the files this build writes (`paths`) are taken as its own and written afresh, every other file is kept,
    /// and a warning says so. Every page is then right; nothing is removed that iopsite cannot prove it wrote.
    private func previousManifest(paths: Set<String>) throws(Failure) -> (Set<String>?, warning: String?) {
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return (nil, nil) }
        guard isDirectory.boolValue else { throw .io("cannot write '\(output.path)': it exists and is not a folder") }
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        if let data = fileManager.contents(atPath: manifestURL.path) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            guard lines.first == Self.manifestHeader else {
                return (paths, "\(manifestURL.path):1:1: warning: not a manifest iopsite wrote; every page was written afresh and "
                    + "the files it does not name were kept (remove the folder for a clean start)")
            }
            return (Set(lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }), nil)
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        guard entries.allSatisfy({ $0 == ".gitkeep" }) else { throw .foreignFolder(output.path) }
        return ([], nil)
    }

    /// What is in the output that iopsite did not write: it is carried into every new output untouched. Apart, what an
    /// incremental write that was killed left: its temporaries, and the folders it made that hold nothing else. These are
    /// iopsite's, so neither carried nor kept (`temporaries` lists the folders after what they hold).
    private func foreignEntries(previous: Set<String>) -> (foreign: [(path: String, kind: FileTree.Kind)], temporaries: [String]) {
        let written = Self.folders(of: previous)
        var foreign: [(path: String, kind: FileTree.Kind)] = [], temporaries: [String] = []
        for entry in FileTree.entries(under: output.path)
        where entry.path != Self.manifestName && !previous.contains(entry.path) && !(entry.kind == .folder && written.contains(entry.path)) {
            if entry.kind != .folder && Self.isTemporary(entry.path) {
                temporaries.append(entry.path)
            } else {
                foreign.append(entry)
            }
        }
        guard !temporaries.isEmpty else { return (foreign, []) }
        // A folder of its own: every entry beneath it is a temporary (or such a folder), and there is at least one.
        func beneath(_ folder: String, _ path: String) -> Bool { path.hasPrefix(folder + "/") }
        let made = foreign.filter { entry in
            entry.kind == .folder && temporaries.contains { beneath(entry.path, $0) }
                && !foreign.contains { $0.kind != .folder && beneath(entry.path, $0.path) }
        }.map(\.path)
        let madeSet = Set(made)
        return (foreign.filter { !madeSet.contains($0.path) }, temporaries + made.sorted { $0.count > $1.count })
    }

    /// A file an incremental write was making when its process was killed: iopsite's own, so never carried across.
    static func isTemporary(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix(temporaryPrefix) || name.hasPrefix(manifestName + ".writing")
    }
}
