import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport
import Testing

/// After any sequence of edits, a session's output is byte for byte what a clean build writes.
@Suite(.cleansUp, .heavy) struct IncrementalEquivalenceTests {
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
        var succeeded = false
        func step() throws {
            switch session.update() {
            case .success(let (snapshot, change)):
                _ = try session.write(snapshot, change: written ? change : nil, to: output)
                written = true
                succeeded = true
            case .failure:
                failures += 1
                succeeded = false
            }
        }
        try step()
        let edits = 1_000
        var checkpoints = 0
        for number in 1...edits {
            try editor.edit()
            try step()
            // Every tenth edit is a checkpoint; every hundredth first mends whatever is broken.
            guard number % 10 == 0 else { continue }
            if number % 100 == 0 {
                try editor.fix()
                try step()
            }
            let clean = try TestResources.owner.temporaryFolder("clean")
            let result = BuildSession.buildOnce(root: site.root, output: clean.appendingPathComponent("Public"))
            #expect((result.exitCode == 0) == succeeded, "after edit \(number): \(result.diagnostics.filter { $0.severity == .error })")
            guard succeeded else { continue }
            let expected = tree(clean.appendingPathComponent("Public")), actual = tree(output)
            let differing = Set(expected.keys).union(actual.keys).filter { expected[$0] != actual[$0] }.sorted()
            #expect(differing.isEmpty, "after edit \(number) (seed \(seed)): \(differing.prefix(10)); last edits: \(editor.log.suffix(25))")
            if !differing.isEmpty { return }
            checkpoints += 1
        }
        #expect(checkpoints > edits / 20, "most checkpoints compare a built site")
        #expect(failures > 0, "the edits include broken states")
    }
}
