import Foundation

/// Everything under a folder, hidden entries included: each file's bytes, each folder and link by name. Two
/// states are equal when the trees are byte-identical. Lock files (`.NAME.iopsite-lock`, empty, beside a folder
/// a writer locks) are left out: they stay after every run, successful or not, by design.
struct FolderState: Equatable {
    enum Entry: Equatable {
        case file(Data)
        case folder
        case link(String)
    }

    var entries: [String: Entry]

    init(_ folder: URL) {
        var entries: [String: Entry] = [:]
        let base = folder.path
        if let walker = FileManager.default.enumerator(atPath: base) {
            for case let path as String in walker where !path.hasSuffix(".iopsite-lock") {
                let full = base + "/" + path
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                    entries[path] = .link(target)
                    continue
                }
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
                entries[path] = isFolder.boolValue ? .folder : .file(FileManager.default.contents(atPath: full) ?? Data())
            }
        }
        self.entries = entries
    }

    /// The files alone, by path.
    var files: [String: Data] {
        entries.compactMapValues { if case .file(let data) = $0 { data } else { nil } }
    }

    /// The folders alone, by path.
    var folders: Set<String> {
        Set(entries.compactMap { if case .folder = $0.value { $0.key } else { nil } })
    }

    /// A few of the paths where two states differ, for a failure's message.
    func differences(from other: FolderState, limit: Int = 5) -> [String] {
        let paths = Set(entries.keys).union(other.entries.keys).sorted()
        return Array(paths.filter { entries[$0] != other.entries[$0] }.prefix(limit))
    }
}

/// What a failed or killed writer must not leave behind once the next run is done: staging folders and
/// half-written temporaries, anywhere under a folder.
enum Leftovers {
    static func under(_ folder: URL) -> [String] {
        let all = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        return all.filter { path in
            let name = (path as NSString).lastPathComponent
            return name.contains("staging") || name.hasPrefix(".iopsite-writing-") || name.hasSuffix(".writing")
        }.sorted()
    }
}

/// The names iopsite writes a file under before renaming it into the output.
enum OutputNames {
    static func isTemporary(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix(".iopsite-writing-") || name.hasPrefix(".iopsite-manifest.writing")
    }
}

/// One line of what a fault case saw (how many kills landed where, how many answers), on standard error, for
/// docs/reliability.md's figures.
enum FaultReport {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data("fault suite: \(text)\n".utf8))
    }
}
