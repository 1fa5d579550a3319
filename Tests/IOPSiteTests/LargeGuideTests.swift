import Foundation
import SiteTestSupport
import Testing

/// A guide just under the size limit builds, and within ten times its size in memory (peak resident
/// memory of the real binary, above the same site with a short guide).
@Suite(.cleansUp, .heavy) struct LargeGuideTests {
    /// A realistic guide body of about `bytes` bytes: sections with headings, paragraphs with emphasis and
    /// links, lists and code, as editors write them.
    static func guide(bytes: Int) -> String {
        var text = "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\n"
        var section = 0
        while text.utf8.count < bytes {
            section += 1
            text += """
                ## Part \(section): what a program looks like

                An intensive outpatient program meets *three to five* times a week for about **nine to twenty**
                hours; see [the guide](/g/) and [SAMHSA](https://www.samhsa.gov/) for details. People keep
                living at home, and "groups" -- the core of it -- teach skills... every week.

                - individual therapy, `weekly`
                - group therapy, several times a week
                - family sessions where they help

                > Recovery is a process, and a program is one step of it.


                """
        }
        return text
    }

    func peakMemory(ofBuildingGuideOf bytes: Int) throws -> (status: Int32, kilobytes: Int) {
        let site = try FixtureSite(CommandLineTests.site.merging(["Content/guide/g.md": Self.guide(bytes: bytes)]) { $1 })
        let build = try TestResources.owner.start(CommandLineTests.binary.path, ["build", "--root", site.root.path])
        let status = build.wait()
        return (status, try #require(build.peakMemoryKB))
    }

    @Test func aGuideJustUnderTheLimitBuildsWithinTenTimesItsSizeInMemory() throws {
        let size = 8 * 1024 * 1024 - 64 * 1024
        let small = try peakMemory(ofBuildingGuideOf: 2_000)
        let large = try peakMemory(ofBuildingGuideOf: size)
        #expect(small.status == 0 && large.status == 0)
        let extra = (large.kilobytes - small.kilobytes) * 1024
        #expect(extra <= 10 * size, "peak \(large.kilobytes) KiB against \(small.kilobytes) KiB: \(Double(extra) / Double(size))× the guide's size")
    }
}
