import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport
import Testing

/// After any sequence of edits, a session's output is byte for byte what a clean build writes.
@Suite(.cleansUp) struct IncrementalEquivalenceTests {
    /// Every file under `folder` with its bytes.
    func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for entry in FileTree.entries(under: folder.path) where entry.kind != .folder {
            files[entry.path] = FileManager.default.contents(atPath: folder.path + "/" + entry.path)
        }
        return files
    }

    @Test(arguments: [20_261_130 as UInt64, 7])
    func aThousandRandomEditsLeaveTheOutputEqualToACleanBuild(seed: UInt64) throws {
        let site = try IncrementalFixture.site()
        let output = site.root.appendingPathComponent("Public")
        let session = BuildSession(.init(root: site.root))
        var editor = SiteEditor(site: site, seed: seed)
        var written = false
        var failures = 0
        func step() throws {
            switch session.update() {
            case .success(let (snapshot, change)):
                _ = try session.write(snapshot, change: written ? change : nil, to: output)
                written = true
            case .failure:
                failures += 1
            }
        }
        try step()
        let edits = 1_000
        var checkpoints = 0
        for number in 1...edits {
            try editor.edit()
            try step()
            guard number % 25 == 0 else { continue }
            try editor.fix()
            try step()
            let clean = try TestResources.owner.temporaryFolder("clean")
            let result = SiteBuilder(root: site.root, output: clean.appendingPathComponent("Public")).build()
            #expect(result.exitCode == 0, "\(result.diagnostics.filter { $0.severity == .error })")
            let expected = tree(clean.appendingPathComponent("Public")), actual = tree(output)
            let differing = Set(expected.keys).union(actual.keys).filter { expected[$0] != actual[$0] }.sorted()
            #expect(differing.isEmpty, "after edit \(number) (seed \(seed)): \(differing.prefix(10)); last edits: \(editor.log.suffix(25))")
            if !differing.isEmpty { return }
            checkpoints += 1
        }
        #expect(checkpoints == edits / 25)
        #expect(failures > 0, "the edits include broken states")
    }
}
