import Foundation
import SiteTestSupport

/// The sites the fault cases break, and the program they run.
///
/// A full build runs on a synthetic directory site with the real theme, made once per test run by
/// `iopsite-bench synthetic` (fictional listings, no real facility); an import runs on a site whose
/// `Content/directory/` holds a copy of the repository's state tables and imported files.
enum FaultSite {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let iopsite = CommandRun.product("iopsite")
    /// Listings in the synthetic site: enough that a build writes for a good part of its run.
    static let facilities = 1000

    struct SetupFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// The synthetic site's sources, made once and copied for every case.
    private static let synthetic: Result<URL, SetupFailed> = {
        do {
            let folder = try TestResources.shared.temporaryFolder("fault-site").appendingPathComponent("site")
            let made = try CommandRun.run(CommandRun.product("iopsite-bench"), [
                "synthetic", "--facilities", String(facilities), "--repository", packageRoot.path, "--output", folder.path,
            ])
            guard made.status == 0 else { return .failure(SetupFailed(description: "iopsite-bench synthetic failed: \(made.stderr)")) }
            return .success(folder)
        } catch {
            return .failure(SetupFailed(description: "cannot run iopsite-bench: \(error)"))
        }
    }()

    /// A fresh copy of the synthetic site under `parent` (a test's own folder when nil).
    static func directorySite(in parent: URL? = nil) throws -> URL {
        let source = try synthetic.get()
        let target = try (parent ?? TestResources.owner.temporaryFolder("site")).appendingPathComponent("site")
        try copy(source, to: target)
        return target
    }

    /// A site for imports under `parent`: the repository's `_states.csv`, `_service-codes.csv` and the imported
    /// files of `states` (lowercase codes; none: the nationwide export would retire the listings of any state it lacks).
    static func importSite(in parent: URL, states: [String]) throws -> URL {
        let root = parent.appendingPathComponent("site")
        let directory = root.appendingPathComponent("Content/directory")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("imported"), withIntermediateDirectories: true)
        let real = packageRoot.appendingPathComponent("Content/directory")
        for name in ["_states.csv", "_service-codes.csv"] + states.map({ "imported/\($0).yaml" }) {
            try FileManager.default.copyItem(at: real.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        return root
    }

    /// The export the import cases read, written into `folder`: the first four states (Alabama, Alaska, Arizona,
    /// Arkansas: the first 750 rows) of SAMHSA's 2020 nationwide listing in Tests/Fixtures/samhsa, so that one import
    /// writes four state files. The fixture is sorted by state; the import cases check which files it wrote.
    static func nationwideExport(in folder: URL) throws -> URL {
        let fixture = packageRoot.appendingPathComponent("Tests/Fixtures/samhsa/SAMHSA_Nationwide_Substance_Use_Treatment_Data.csv")
        let lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let file = folder.appendingPathComponent("SAMHSA_Nationwide_Substance_Use_Treatment_Data.csv")
        try Data((lines.prefix(751).joined(separator: "\n") + "\n").utf8).write(to: file)
        return file
    }

    /// The state files the nationwide export's first four states make.
    static let nationwideFiles = ["ak.yaml", "al.yaml", "ar.yaml", "az.yaml"]

    static func copy(_ source: URL, to target: URL) throws {
        let copied = try CommandRun.run(URL(fileURLWithPath: "/bin/cp"), ["-a", source.path, target.path])
        guard copied.status == 0 else { throw SetupFailed(description: "cp -a \(source.path) \(target.path): \(copied.stderr)") }
    }

    /// Runs `iopsite` to its end.
    static func run(_ arguments: [String]) throws -> CommandRun {
        try CommandRun.run(iopsite, arguments)
    }

    /// Gives every page of the site a new title (`site.yaml`'s `title:`), so that a build rewrites every page; an
    /// even edition also has a guide of its own, so that the site gains and loses a page between editions.
    static func setEdition(_ edition: Int, of site: URL) throws {
        let file = site.appendingPathComponent("Content/site.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: Fault edition \(edition)", options: .regularExpression)
        try Data(edited.utf8).write(to: file)
        let guide = site.appendingPathComponent("Content/guide/edition-notes.md")
        if edition.isMultiple(of: 2) {
            try Data("---\ntitle: Edition \(edition) notes\ndescription: What changed.\npublished: 2024-01-01\n---\nNotes for edition \(edition).\n".utf8)
                .write(to: guide)
        } else {
            try? FileManager.default.removeItem(at: guide)
        }
    }

    /// Clean builds of editions 1 and 2, by edition; the site is left at edition 2.
    static func cleanEditions(of site: URL) throws -> [Int: FolderState] {
        var clean: [Int: FolderState] = [:]
        for edition in [1, 2] {
            try setEdition(edition, of: site)
            clean[edition] = try cleanOutput(of: site)
        }
        return clean
    }

    /// What a clean build of `site` as it is now writes: the files of a fresh output folder.
    static func cleanBuild(of site: URL) throws -> [String: Data] {
        try cleanOutput(of: site).files
    }

    /// A fresh output folder of `site` as it is now, folders included.
    static func cleanOutput(of site: URL) throws -> FolderState {
        let output = try TestResources.owner.temporaryFolder("clean").appendingPathComponent("out")
        let built = try run(["build", "--root", site.path, "--output", output.path])
        guard built.status == 0 else { throw SetupFailed(description: "the clean build failed: \(built.stderr)") }
        return FolderState(output)
    }
}
