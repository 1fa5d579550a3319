import Foundation
import SiteCore
import SiteTestSupport
import Testing

/// The size limits of what a build reads.
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
}
