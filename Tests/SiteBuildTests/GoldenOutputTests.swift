import Crypto
import Foundation
import SiteBuild
import SiteContent
import SiteCore
import SiteTestSupport
import Testing

/// The compiled templates write, byte for byte, what the interpreted renderer they replaced wrote:
/// the digests of every file of the real site and of the 10,000-facility synthetic site were recorded
/// by that renderer (commit fe6297f). `IOPSITE_RECORD_GOLDEN=1` records them again, after a change
/// meant to alter the output.
@Suite(.cleansUp, .heavy) struct GoldenOutputTests {
    static let fixtures = RealContentTests.root.appendingPathComponent("Tests/Fixtures/golden")

    /// "digest  path" per file (the first 128 bits of SHA-256), in path order, the manifest left out.
    static func digests(of folder: URL) throws -> [String] {
        let files = FileTree.entries(under: folder.path).filter { $0.kind == .file && $0.path != ".iopsite-manifest" }.map(\.path)
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return try files.map { path in
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            let hex = SHA256.hash(data: data).prefix(16).map { String(format: "%02x", $0) }.joined()
            return "\(hex)  \(path)"
        }
    }

    static func compare(_ folder: URL, with name: String) throws {
        let actual = try digests(of: folder)
        let file = fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["IOPSITE_RECORD_GOLDEN"] == "1" {
            try Data((actual.joined(separator: "\n") + "\n").utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(actual.count == expected.count)
        let differing = zip(actual, expected).filter { $0 != $1 }.prefix(5)
        #expect(differing.isEmpty, "first differences (ours, recorded): \(Array(differing))")
    }

    @Test func everyFileOfTheRealSiteIsWhatTheRecordedRendererWrote() throws {
        try #require(RealContentTests.result.exitCode == 0)
        try Self.compare(RealContentTests.output, with: "real-site.txt")
    }

    @Test func everyFileOfTheTenThousandFacilitySiteIsWhatTheRecordedRendererWrote() throws {
        let folder = try TestResources.shared.temporaryFolder("synthetic")
        let site = folder.appendingPathComponent("site"), output = folder.appendingPathComponent("out")
        let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        let process = Process()
        process.executableURL = runner.deletingLastPathComponent().appendingPathComponent("iopsite-bench")
        process.arguments = ["synthetic", "--facilities", "10000", "--repository", RealContentTests.root.path, "--output", site.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        // As `iopsite build` builds it: each page written as it renders, without recording reads or link
        // origins (the real site's build keeps its pages, their reads and links, and writes them after).
        let result = BuildSession.buildOnce(root: site, output: output, today: ContentDate("2026-11-29"), keepsPages: false)
        try #require(result.exitCode == 0)
        try Self.compare(output, with: "synthetic-10000.txt")
    }
}
