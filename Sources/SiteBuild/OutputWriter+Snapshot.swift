import Foundation
import SiteCore
import SiteTemplates

extension OutputWriter {
    /// Writes a whole snapshot: staged on every core, swapped in at once.
    func write(_ snapshot: SiteSnapshot) throws(Failure) -> WriteReport {
        // In any order: each page is its own file.
        try write(Array(snapshot.pages.values), paths: snapshot.outputPaths, assets: snapshot.assets) { page, put in
            UTF8Text.withBytes(of: page.html) { put(page.file, UnsafeRawBufferPointer($0)) }
        }
    }

    /// Writes a whole output from `items`, each made into one file's path and bytes by `page` on one of
    /// the cores, which hands them to `put` to be staged at once (so a one-shot build never holds every page,
    /// nor a copy of one), then the assets, then swaps the staging folder in. `paths` are every file the output
    /// will hold.
    func write<Item: Sendable>(_ items: [Item], paths: Set<String>, assets: [TemplateLibrary.Asset], metrics: BuildMetrics? = nil,
                               page: @escaping @Sendable (Item, _ put: (_ file: String, _ bytes: UnsafeRawBufferPointer) -> Void) -> Void) throws(Failure) -> WriteReport {
        let staging = try begin(paths: paths)
        do throws(Failure) {
            let failures = ParallelMap.map(items) { item -> Failure? in
                var failure: Failure?
                page(item) { file, bytes in
                    do throws(Failure) {
                        try metrics.writing { () throws(Failure) in try staging.put(file, bytes: bytes) }
                    } catch {
                        failure = error
                    }
                }
                return failure
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            for asset in assets { try staging.put(asset.path, asset.data) }
            return try staging.commit()
        } catch {
            // A failed write leaves nothing beside the output that a successful one would not: on a full disk the
            // staging folder is what fills it. The next build starts from an empty staging folder instead.
            staging.discard()
            throw error
        }
    }

    /// Brings an output that holds `previous` up to `snapshot` by writing only what `change` lists, then the
    /// manifest. The result is the same tree a full write gives.
    ///
    /// In two steps, so that a failure changes nothing: every new file (and the manifest) is first written
    /// beside its target as a temporary; only when all are written are they renamed into place, one rename
    /// each (a reader never sees half a file), and the removed files unlinked. A full disk in the first step
    /// removes the temporaries and the folders it made, and the output is as it was.
    func apply(_ change: SiteChange, to snapshot: SiteSnapshot) throws(Failure) {
        guard !change.written.isEmpty || !change.removed.isEmpty else { return }
        let pages = Dictionary(snapshot.orderedPages.map { ($0.file, $0) }) { first, _ in first }
        let assets = Dictionary(snapshot.assets.map { ($0.path, $0.data) }) { first, _ in first }
        var prepared = PreparedFiles()
        let manifest = output.path + "/" + Self.manifestName
        do {
            var adds = false
            for path in change.written {
                let target = output.path + "/" + path
                try prepared.makeFolders(holding: target)
                adds = adds || access(target, F_OK) != 0
                let temporary = Self.temporaryName(for: target)
                if let page = pages[path] {
                    var html = page.html
                    try prepared.write(temporary, for: target) { try html.withUTF8 { try FileOps.create(temporary, UnsafeRawBufferPointer($0)) } }
                } else if let data = assets[path] {
                    try prepared.write(temporary, for: target) { try data.withUnsafeBytes { try FileOps.create(temporary, $0) } }
                }
            }
            if adds {
                // A file that is new to the output is listed before it is placed: were the process killed before
                // the final manifest, the next build would otherwise take it for someone else's and refuse to replace it.
                let listed = snapshot.outputPaths.union(change.removed)
                try prepared.write(manifest + ".writing-all", for: manifest, first: true) {
                    try Data(Self.manifest(listed).utf8).withUnsafeBytes { try FileOps.create(manifest + ".writing-all", $0) }
                }
            }
            try prepared.write(manifest + ".writing", for: manifest) {
                try Data(Self.manifest(snapshot.outputPaths).utf8).withUnsafeBytes { try FileOps.create(manifest + ".writing", $0) }
            }
        } catch {
            prepared.discard()
            guard let failure = error as? FileOps.Failure else { throw .io("cannot write '\(output.path)': \(error)") }
            // Named as the file the temporary was to become.
            let name = (failure.path as NSString).lastPathComponent
            let target = (failure.path as NSString).deletingLastPathComponent + "/"
                + (name.hasPrefix(Self.temporaryPrefix) ? String(name.dropFirst(Self.temporaryPrefix.count)) : name)
            throw .io("cannot write '\(target)': \(failure.reason)")
        }
        // The final manifest comes last, after the removals: until it is renamed, the one before lists every file
        // that may be removed, so a file a kill leaves is never taken for someone else's.
        try place(prepared.files.dropLast(), prepared)
        for path in change.removed {
            try? FileOps.unlinkFile(output.path + "/" + path)
            var folder = (path as NSString).deletingLastPathComponent
            // Folders left empty go too, as a full build would not make them.
            while !folder.isEmpty, rmdir(output.path + "/" + folder) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        try place(prepared.files.suffix(1), prepared)
    }

    /// Renames each temporary to its target.
    private func place(_ files: ArraySlice<(temporary: String, target: String)>, _ prepared: PreparedFiles) throws(Failure) {
        for (temporary, target) in files where rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            prepared.discard()
            throw .io("cannot write '\(target)': \(reason)")
        }
    }

    /// Where a file is written before it is renamed to `target`: beside it, under a name iopsite reserves (a
    /// full write drops such a file, left by a killed process, rather than carry it across).
    static func temporaryName(for target: String) -> String {
        (target as NSString).deletingLastPathComponent + "/" + temporaryPrefix + (target as NSString).lastPathComponent
    }

    static let temporaryPrefix = ".iopsite-writing-"
}

/// The temporaries and folders of an incremental write's first step, undone together when it fails.
private struct PreparedFiles {
    /// Each written temporary and the file it becomes, in the order written.
    private(set) var files: [(temporary: String, target: String)] = []
    /// Folders made, outermost first.
    private var folders: [String] = []

    /// Writes a temporary with `body`, to be renamed to `target` after those before it (or before all, `first`).
    mutating func write(_ temporary: String, for target: String, first: Bool = false, _ body: () throws -> Void) throws {
        try? FileOps.unlinkFile(temporary)
        do {
            try body()
        } catch {
            try? FileOps.unlinkFile(temporary)
            throw error
        }
        files.insert((temporary, target), at: first ? 0 : files.count)
    }

    /// Makes the missing folders above `target`, remembering each.
    mutating func makeFolders(holding target: String) throws {
        var missing: [String] = []
        var folder = (target as NSString).deletingLastPathComponent
        while !FileManager.default.fileExists(atPath: folder) {
            missing.append(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() {
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
                throw FileOps.Failure(operation: "create folder", path: folder, code: errno)
            }
            folders.append(folder)
        }
    }

    /// Unlinks every temporary that has not been renamed and removes the folders made, innermost first.
    func discard() {
        for (temporary, _) in files { try? FileOps.unlinkFile(temporary) }
        for folder in folders.reversed() { rmdir(folder) }
    }
}
