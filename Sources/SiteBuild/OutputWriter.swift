import Foundation
import SiteCore

/// Writes a build into the output folder without ever leaving it half-written.
///
/// The new output is assembled in a sibling folder: files whose bytes are unchanged are hard-linked
/// from the previous output (keeping their inode), files iopsite did not write (not in the previous
/// manifest) are linked across untouched, and the two folders are swapped in one rename. Only files
/// the previous manifest lists can disappear.
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

    /// What a write did, for the summary line and tests.
    struct Report: Equatable {
        var written = 0
        var unchanged = 0
        var removed = 0
    }

    let output: URL
    private var fileManager: FileManager { .default }

    func write(_ files: [String: Data]) throws(Failure) -> Report {
        let previous = try previousManifest()
        let staging = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).iopsite-staging")
        var report = Report()
        do {
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            // Each folder once, parents first (sorted paths put "a" before "a/b").
            let folders = Set(files.keys.flatMap { path in
                let parts = path.split(separator: "/").dropLast()
                return parts.indices.map { parts[...$0].joined(separator: "/") }
            })
            // Level by level, each level in parallel: a directory site has one folder per page.
            let levels = Dictionary(grouping: folders) { $0.split(separator: "/").count }
            for depth in levels.keys.sorted() {
                let failed = ParallelMap.map(levels[depth]!.sorted()) { folder in
                    mkdir(staging.path + "/" + folder, 0o755) == 0 ? nil : folder
                }.compactMap { $0 }
                if let folder = failed.first { throw Failure.io("cannot create folder '\(folder)' in '\(staging.path)'") }
            }
            let sorted = files.sorted { $0.key < $1.key }
            let outcomes = ParallelMap.map(sorted.map(\.key)) { path -> Result<Bool, Error> in
                let target = staging.appendingPathComponent(path)
                let data = files[path]!
                do {
                    let old = output.appendingPathComponent(path)
                    if previous?.contains(path) == true, FileManager.default.contents(atPath: old.path) == data {
                        try FileManager.default.linkItem(at: old, to: target)
                        return .success(false)
                    }
                    try data.write(to: target)
                    return .success(true)
                } catch {
                    return .failure(error)
                }
            }
            for outcome in outcomes {
                if try outcome.get() { report.written += 1 } else { report.unchanged += 1 }
            }
            if let previous {
                try carryForeignEntries(previous: previous, into: staging, newFiles: Set(files.keys))
                report.removed = previous.subtracting(files.keys).count
            }
            let manifest = ([Self.manifestHeader] + files.keys.sorted()).joined(separator: "\n") + "\n"
            try Data(manifest.utf8).write(to: staging.appendingPathComponent(Self.manifestName))
            if fileManager.fileExists(atPath: output.path) {
                try FileSwap.exchange(output, staging)
                try FileTree.remove(staging.path)
            } else {
                try fileManager.moveItem(at: staging, to: output)
            }
        } catch let failure as Failure {
            try? fileManager.removeItem(at: staging)
            throw failure
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .io("cannot write '\(output.path)': \(error.localizedDescription)")
        }
        return report
    }

    /// The files the last build wrote; nil when the output does not exist or is empty but for `.gitkeep`.
    private func previousManifest() throws(Failure) -> Set<String>? {
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { throw .io("'\(output.path)' exists and is not a folder") }
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        if let data = fileManager.contents(atPath: manifestURL.path) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            return Set(lines.filter { !$0.hasPrefix("#") && !$0.isEmpty })
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        guard entries.allSatisfy({ $0 == ".gitkeep" }) else { throw .foreignFolder(output.path) }
        return []
    }

    /// Links every file iopsite did not write into the new output at the same path, untouched.
    private func carryForeignEntries(previous: Set<String>, into staging: URL, newFiles: Set<String>) throws {
        for entry in FileTree.entries(under: output.path) where entry.path != Self.manifestName && !previous.contains(entry.path) {
            let source = output.appendingPathComponent(entry.path)
            let target = staging.appendingPathComponent(entry.path)
            switch entry.kind {
            case .folder:
                try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
            case .symbolicLink, .file:
                if newFiles.contains(entry.path) { throw Failure.wouldOverwriteForeignFile(source.path) }
                try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if entry.kind == .symbolicLink {
                    try fileManager.createSymbolicLink(atPath: target.path, withDestinationPath: fileManager.destinationOfSymbolicLink(atPath: source.path))
                } else {
                    try fileManager.linkItem(at: source, to: target)
                }
            }
        }
    }
}
