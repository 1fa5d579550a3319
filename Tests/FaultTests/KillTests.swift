import Foundation
import SiteTestSupport
import Testing

/// `kill -9` at seeded moments of a full build, of `build --watch`'s write of a change and of an import: what
/// was killed leaves the whole old or the whole new state (for an incremental write, every file whole), and
/// the next run brings everything to what a clean run writes.
@Suite(.cleansUp, .faults, .serialized) struct KillTests {
    @Test func aFullBuildKilledAtTwentyMomentsLeavesTheWholeOldOrTheWholeNewSite() throws {
        let site = try FaultSite.directorySite()
        let output = try TestResources.owner.temporaryFolder("kill").appendingPathComponent("out")
        let clean = try FaultSite.cleanEditions(of: site).mapValues(\.files)
        try FaultSite.setEdition(1, of: site)
        try #require(try FaultSite.run(["build", "--root", site.path, "--output", output.path]).status == 0)
        // The span of a rebuild: the median of three, one edition to the other.
        var spans: [Double] = []
        for edition in [2, 1, 2] {
            try FaultSite.setEdition(edition, of: site)
            let start = Date()
            try #require(try FaultSite.run(["build", "--root", site.path, "--output", output.path]).status == 0)
            spans.append(seconds(since: start))
        }
        let span = spans.sorted()[1]

        // `current`: the edition the output holds; `content`: the one the sources hold.
        var current = 2, content = 2, old = 0, new = 0
        for (moment, delay) in KillMoments(seed: 27, span: span).enumerated() {
            let next = 3 - current
            try FaultSite.setEdition(next, of: site)
            content = next
            let build = try TestResources.owner.start(FaultSite.iopsite.path, ["build", "--root", site.path, "--output", output.path], output: false)
            usleep(useconds_t(delay * 1_000_000))
            build.killAbruptly()
            let files = FolderState(output).files
            if files == clean[current] {
                old += 1
            } else if files == clean[next] {
                new += 1
                current = next
            } else {
                let paths = Set(files.keys).union(clean[next]!.keys).filter { files[$0] != clean[next]![$0] }.sorted().prefix(5)
                Issue.record("killed at moment \(moment) (\(Int(delay * 1000)) ms): neither edition \(current) nor \(next); unlike the new: \(Array(paths))")
                return
            }
        }
        // Some kills came before the swap (most do: it is the build's last step); how many came after depends on the machine.
        #expect(old > 0, "old \(old), new \(new) of 20")
        FaultReport.line("full build, seed 27, moments over \(Int(span * 1100)) ms: \(old) left the old site, \(new) the new one")
        let repaired = try FaultSite.run(["build", "--root", site.path, "--output", output.path])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(FolderState(output).files == clean[content])
        #expect(Leftovers.under(output.deletingLastPathComponent()).isEmpty, "left: \(Leftovers.under(output.deletingLastPathComponent()))")
    }
}

extension KillTests {
    @Test func buildWatchKilledWhileWritingAChangeLeavesEveryFileWholeAndItsNextStartRepairsTheOutput() throws {
        let site = try FaultSite.directorySite()
        let output = try TestResources.owner.temporaryFolder("kill").appendingPathComponent("out")
        let outputs = try FaultSite.cleanEditions(of: site)
        let clean = outputs.mapValues(\.files)
        // Folders too: a folder a killed write made for a new page must not outlive it.
        let cleanFolders = outputs.mapValues(\.folders)
        // How long a change takes to be written, from the save to the watcher's line.
        try FaultSite.setEdition(1, of: site)
        var watch = try startWatching(site, output)
        try #require(FolderState(output).files == clean[1])
        let saved = Date()
        try FaultSite.setEdition(2, of: site)
        try #require(watch.waitForOutput(containing: "pages rendered", seconds: 60).contains("pages rendered"), "\(watch.output)")
        let span = seconds(since: saved)
        watch.killAbruptly()

        var content = 2, mixed = 0, temporaries = 0
        for (moment, delay) in KillMoments(seed: 28, span: span).enumerated() {
            // The next start writes the whole site: the repair of whatever the last kill left.
            watch = try startWatching(site, output)
            let repaired = FolderState(output)
            guard repaired.files == clean[content], repaired.folders == cleanFolders[content] else {
                let folders = Array(repaired.folders.symmetricDifference(cleanFolders[content]!).sorted().prefix(5))
                Issue.record("after moment \(moment - 1), the next start did not write edition \(content): \(folders) \(watch.output)")
                return
            }
            content = 3 - content
            try FaultSite.setEdition(content, of: site)
            usleep(useconds_t(delay * 1_000_000))
            watch.killAbruptly()
            let old = clean[3 - content]!, new = clean[content]!
            let files = FolderState(output).files
            temporaries += files.keys.contains(where: OutputNames.isTemporary) ? 1 : 0
            mixed += files.contains { $0.key != ".iopsite-manifest" && old[$0.key] != new[$0.key] && $0.value == new[$0.key] }
                && files.contains { $0.key != ".iopsite-manifest" && old[$0.key] != new[$0.key] && $0.value == old[$0.key] } ? 1 : 0
            for (path, data) in files where !OutputNames.isTemporary(path) {
                if path == ".iopsite-manifest" { continue }
                if data != old[path] && data != new[path] {
                    Issue.record("killed at moment \(moment) (\(Int(delay * 1000)) ms): \(path) is neither edition's")
                    return
                }
            }
        }
        watch = try startWatching(site, output)
        #expect(FolderState(output).files == clean[content])
        watch.killAbruptly()
        FaultReport.line("build --watch write, seed 28, moments over \(Int(span * 1100)) ms: \(mixed) left old and new files side by side, "
            + "\(temporaries) left temporaries")
        #expect(Leftovers.under(output.deletingLastPathComponent()).isEmpty, "left: \(Leftovers.under(output.deletingLastPathComponent()))")
    }

    /// Starts `build --watch` and waits for its first write.
    private func startWatching(_ site: URL, _ output: URL) throws -> ManagedProcess {
        let watch = try TestResources.owner.start(FaultSite.iopsite.path, ["build", "--watch", "--root", site.path, "--output", output.path])
        let started = watch.waitForOutput(containing: "Watching", seconds: 60)
        try #require(started.contains("Watching"), "\(started)")
        return watch
    }

    @Test func anImportKilledAtTwentyMomentsLeavesAllOldOrAllNewFilesAndTheNextImportCompletesIt() throws {
        let folder = try TestResources.owner.temporaryFolder("kill")
        let site = try FaultSite.importSite(in: folder, states: [])
        let export = try FaultSite.nationwideExport(in: folder)
        let imported = site.appendingPathComponent("Content/directory/imported")
        let saved = folder.appendingPathComponent("imported-before")
        try FaultSite.copy(imported, to: saved)
        let before = FolderState(imported)
        let arguments = ["import", "samhsa", export.path, "--root", site.path]
        let start = Date()
        try #require(try FaultSite.run(arguments).status == 0)
        let span = seconds(since: start)
        let after = FolderState(imported)
        try #require(Set(after.files.keys) == Set(FaultSite.nationwideFiles))

        var old = 0, new = 0
        for (moment, delay) in KillMoments(seed: 29, span: span).enumerated() {
            try FileManager.default.removeItem(at: imported)
            try FaultSite.copy(saved, to: imported)
            let run = try TestResources.owner.start(FaultSite.iopsite.path, arguments, output: false)
            usleep(useconds_t(delay * 1_000_000))
            run.killAbruptly()
            switch FolderState(imported) {
            case before: old += 1
            case after: new += 1
            default:
                Issue.record("killed at moment \(moment) (\(Int(delay * 1000)) ms): imported/ is neither all old nor all new: \(FolderState(imported).differences(from: after))")
                return
            }
            let next = try FaultSite.run(arguments)
            #expect(next.status == 0, "\(next.stderr)")
            #expect(FolderState(imported) == after)
            #expect(Leftovers.under(folder).isEmpty, "left: \(Leftovers.under(folder))")
        }
        #expect(old > 0, "old \(old), new \(new) of 20")
        FaultReport.line("import, seed 29, moments over \(Int(span * 1100)) ms: \(old) left the old files, \(new) the new ones")
    }
}

extension KillTests {
    @Test func aCorruptManifestMeansEveryPageIsWrittenAfreshAndAMissingOneIsARefusal() throws {
        let site = try FaultSite.directorySite()
        let output = try TestResources.owner.temporaryFolder("manifest").appendingPathComponent("out")
        try FaultSite.setEdition(2, of: site)
        try #require(try FaultSite.run(["build", "--root", site.path, "--output", output.path]).status == 0)
        let manifest = output.appendingPathComponent(".iopsite-manifest")
        try Data([0x00, 0xFF, 0x13, 0x37] + Array("index.html\n../../elsewhere\n".utf8)).write(to: manifest)
        try FaultSite.setEdition(1, of: site)

        let built = try FaultSite.run(["build", "--root", site.path, "--output", output.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("\(manifest.path):1:1: warning: not a manifest iopsite wrote; every page was written afresh"), "\(built.stderr)")
        // Every page is edition 1's; the one page edition 1 lacks is kept, as iopsite cannot prove it wrote it.
        let files = FolderState(output).files, clean = try FaultSite.cleanBuild(of: site)
        #expect(clean.allSatisfy { files[$0.key] == $0.value })
        #expect(Set(files.keys).subtracting(clean.keys) == ["edition-notes/index.html"])

        try FileManager.default.removeItem(at: manifest)
        let before = FolderState(output)
        let refused = try FaultSite.run(["build", "--root", site.path, "--output", output.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refusing to write into '\(output.path)': it is not empty and has no .iopsite-manifest"), "\(refused.stderr)")
        #expect(FolderState(output) == before)
    }
}
