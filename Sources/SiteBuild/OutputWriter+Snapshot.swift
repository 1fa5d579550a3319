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

    /// Brings an output that holds `previous` up to `snapshot` by writing only what `change` lists, each
    /// file replaced by a rename (a reader never sees half a file), then the manifest. The result is the
    /// same tree a full write gives.
    func apply(_ change: SiteChange, to snapshot: SiteSnapshot) throws(Failure) {
        let pages = Dictionary(snapshot.orderedPages.map { ($0.file, $0) }) { first, _ in first }
        let assets = Dictionary(snapshot.assets.map { ($0.path, $0.data) }) { first, _ in first }
        do {
            for path in change.removed {
                try? FileOps.unlinkFile(output.path + "/" + path)
                var folder = (path as NSString).deletingLastPathComponent
                // Folders left empty go too, as a full build would not make them.
                while !folder.isEmpty, rmdir(output.path + "/" + folder) == 0 {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            for path in change.written {
                let target = output.path + "/" + path
                let folder = (target as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let temporary = folder + "/.iopsite-writing-" + (target as NSString).lastPathComponent
                try? FileOps.unlinkFile(temporary)
                do {
                    if let page = pages[path] {
                        var html = page.html
                        try html.withUTF8 { try FileOps.create(temporary, UnsafeRawBufferPointer($0)) }
                    } else if let data = assets[path] {
                        try data.withUnsafeBytes { try FileOps.create(temporary, $0) }
                    } else {
                        continue
                    }
                    guard rename(temporary, target) == 0 else { throw Failure.io("cannot write '\(target)'") }
                } catch {
                    // Half a file (a full disk) is never left behind: the old file stays whole in its place.
                    try? FileOps.unlinkFile(temporary)
                    throw error
                }
            }
            if !change.written.isEmpty || !change.removed.isEmpty {
                let manifest = Self.manifest(snapshot.outputPaths)
                let target = output.path + "/" + Self.manifestName
                try? FileOps.unlinkFile(target + ".writing")
                do {
                    try Data(manifest.utf8).withUnsafeBytes { try FileOps.create(target + ".writing", $0) }
                    guard rename(target + ".writing", target) == 0 else { throw Failure.io("cannot write '\(target)'") }
                } catch {
                    try? FileOps.unlinkFile(target + ".writing")
                    throw error
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .io("cannot write '\(output.path)': \(error)")
        }
    }
}
