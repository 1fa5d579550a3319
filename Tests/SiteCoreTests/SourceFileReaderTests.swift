import Foundation
import SiteCore
import SiteTestSupport
import Testing

/// The size limits of what a build reads, and the text it makes of the bytes.
@Suite(.cleansUp) struct SourceFileReaderTests {
    @Test func aStateFileOfTheDirectoryMayBeLargerThanOtherFiles() throws {
        let site = try FixtureSite([:])
        let nineMiB = String(repeating: "# a comment line of sixty-four bytes, to make the file large..\n", count: 9 * 16_384)
        try site.write(["Content/directory/ca.yaml": nineMiB, "Content/guide/big.md": nineMiB])
        let reader = SourceFileReader(root: site.root)
        #expect((try? reader.data("Content/directory/ca.yaml").get())?.count == nineMiB.utf8.count)
        guard case .failure(let diagnostic) = reader.data("Content/guide/big.md") else {
            Issue.record("a 9 MiB guide must be refused")
            return
        }
        #expect(diagnostic.message == "file is \(nineMiB.utf8.count) bytes, over the limit of 8388608 bytes (8 MiB); split it")
        #expect(SourceFileReader.maximumSize(of: "Content/directory/imported/ca.yaml") == 32 << 20)
        #expect(SourceFileReader.maximumSize(of: "Content/directory/_states.csv") == 8 << 20)
    }

    @Test func aFileReadsAsTheSameTextWhetherReadStraightOrThroughACache() throws {
        let files: [String: [UInt8]] = [
            "plain.md": Array("# Title\n\nSome text → with “quotes”.\n".utf8),
            "empty.md": [],
            "bom.md": [0xEF, 0xBB, 0xBF] + Array("after the mark\n".utf8),
            "crlf.md": Array("one\r\ntwo\rthree\n".utf8),
            "invalid.md": Array("ok\nbad ".utf8) + [0xC3, 0x28],
            "nul.md": Array("a\u{0}b".utf8),
        ]
        let site = try FixtureSite([:])
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: site.root.appendingPathComponent("Content/\(name)"))
        }
        let straight = SourceFileReader(root: site.root), cached = SourceFileReader(root: site.root, cache: TextCache())
        for name in files.keys.sorted() {
            let path = "Content/\(name)"
            #expect(straight.text(path) == cached.text(path), "\(name)")
        }
        #expect(try straight.text("Content/plain.md").get() == "# Title\n\nSome text → with “quotes”.\n")
        #expect(try straight.text("Content/empty.md").get() == "")
        #expect(try straight.text("Content/bom.md").get() == "after the mark\n")
        #expect(try straight.text("Content/crlf.md").get() == "one\ntwo\nthree\n")
        #expect(throws: Diagnostic.self) { try straight.text("Content/invalid.md").get() }
        #expect(throws: Diagnostic.self) { try straight.text("Content/nul.md").get() }
    }
}
