import ArgumentParser
import Foundation

/// Options every command shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site's folder (holding Content/ and Templates/).")
    var root: String = "."

    @Flag(name: .long, help: "Also print the details under summary notes (e.g. unverified listings per state).")
    var verbose = false

    /// The root as an absolute URL; a usage error (exit 2) when it is not a folder.
    func rootURL() throws -> URL {
        let url = URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--root '\(root)' is not a folder")
        }
        return url
    }
}
