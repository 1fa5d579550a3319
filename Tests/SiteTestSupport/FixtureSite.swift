public import Foundation

/// A small site written into a fresh temporary folder from inline file contents.
///
/// Tests describe a site as `[relative path: contents]`, like Hugo's txtar fixtures. The folder belongs to
/// the running test's `TestResources` and is removed when the test ends.
public struct FixtureSite {
    public let root: URL

    /// The smallest whole site: settings, one guide, and the four templates a build needs.
    public static let minimal: [String: String] = [
        "Content/site.yaml": "title: T\nbase_url: https://example.org/\n",
        "Content/guide/g.md": "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\nText.\n",
        "Templates/layout.mustache": "<html><title>{{title}}</title><body>{{$main}}{{/main}}</body></html>",
        "Templates/home.mustache": "{{<layout}}{{$main}}{{#guides}}<a href=\"{{url}}\">{{title}}</a>{{/guides}}{{/main}}{{/layout}}",
        "Templates/guide.mustache": "{{<layout}}{{$main}}{{{body}}}{{/main}}{{/layout}}",
        "Templates/404.mustache": "{{<layout}}{{$main}}Not found{{/main}}{{/layout}}",
    ]

    public init(_ files: [String: String]) throws {
        root = try TestResources.owner.temporaryFolder("fixture")
        try write(files)
    }

    public func write(_ files: [String: String]) throws {
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    public func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// The inode of a file, to prove that it was kept (hard-linked) or left alone.
    public func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path))?[.systemFileNumber] as? UInt64
    }

    /// Every regular file under `folder` with its bytes and inode, for before/after comparisons.
    public func snapshot(_ folder: String) -> [String: (Data, UInt64)] {
        let base = root.appendingPathComponent(folder)
        var result: [String: (Data, UInt64)] = [:]
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return result }
        for case let path as String in walker {
            let full = base.appendingPathComponent(path).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let inode = ((try? FileManager.default.attributesOfItem(atPath: full))?[.systemFileNumber] as? UInt64) ?? 0
            result[path] = (FileManager.default.contents(atPath: full) ?? Data(), inode)
        }
        return result
    }

    /// Relative paths of every file under `folder`, sorted.
    public func files(_ folder: String) -> [String] {
        snapshot(folder).keys.sorted()
    }
}
