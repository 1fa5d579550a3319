import Foundation
import SiteCore
import SiteTestSupport
import Testing
@testable import SiteLinks

/// `checkSite` on a hand-written folder: pages on several levels are scanned by several tasks, each
/// with its own table of hrefs, so the same href and fragment are judged in more than one table.
@Suite(.cleansUp) struct BuiltSiteCheckTests {
    static func page(_ body: String) -> String {
        "<!doctype html>\n<html><head><link rel=\"stylesheet\" href=\"/style.css\"></head>\n<body id=\"top\">\n\(body)\n</body></html>\n"
    }

    static func folder() -> [String: String] {
        var files: [String: String] = [
            "Public/index.html": page("<a href=\"/a/\">A</a> <a href=\"/a/#one\">one</a> <a href=\"/a/#two\">two</a>"),
            "Public/style.css": "body {}",
            "Public/a/index.html": page("<h2 id=\"one\">One</h2><a name=\"anchor\"></a><a href=\"../#top\">up</a> <a href=\"/style.css#x\">css</a>"),
        ]
        // Enough pages on one level that every core scans some of them.
        for number in 0..<40 {
            files["Public/a/p\(number)/index.html"] = page("""
                <a href="/a/#one">one</a> <a href="/a/#anchor">anchor</a> <a href="/a/#two">two</a>
                <a href="#top">top</a> <a href="#gone">gone</a> <a href="../p\((number + 1) % 40)/">next</a> <a href="/a">slashless</a>
                """)
        }
        return files
    }

    @Test func everyPageOfAFolderIsJudgedAlikeWhicheverTaskScannedIt() throws {
        let site = try FixtureSite(Self.folder())
        let (report, files, _) = LinkChecker(baseURL: "https://example.org/", basePath: "/", pagePrefix: "Public/")
            .checkSite(site.root.appendingPathComponent("Public"))
        #expect(files.count == 43)
        #expect(report.checked == 4 + 3 + 40 * 8)
        let messages = Dictionary(grouping: report.problems, by: \.message).mapValues(\.count)
        #expect(messages == [
            "no element with id 'two' on a/index.html (link '/a/#two')": 41,
            "no element with id 'gone' on this page (link '#gone')": 40,
            "link '/a' lacks the trailing slash of its folder; write it ending in '/'": 40,
        ])
        let first = try #require(report.problems.first)
        // Sorted by page and line; the column is the attribute's, in the output page.
        #expect("\(first.location)" == "Public/a/p0/index.html:4:62")
        #expect(first.href == "/a/#two")
        #expect(report.broken == 81)
        #expect(report.warnings == 40)
    }
}

/// The table that lets a link be judged once per distinct href.
@Suite(.cleansUp) struct ByteStringTableTests {
    func intern(_ text: String, in table: inout ByteStringTable) -> Int32 {
        var text = text
        return text.withUTF8 { table.intern($0) }
    }

    @Test func equalStringsShareAnIdAcrossGrowth() {
        var table = ByteStringTable()
        let texts = (0..<5_000).map { "/rehab-centers/state-\($0 % 2_500)/#café-\($0)" } + ["", "/"]
        let ids = texts.map { intern($0, in: &table) }
        #expect(table.count == texts.count)
        #expect(Set(ids).count == texts.count)
        #expect(texts.map { intern($0, in: &table) } == ids)
        #expect(table.count == texts.count)
        #expect(ids.map(table.string) == texts)
        #expect(table.find("/rehab-centers/state-7/#café-7") == ids[7])
        #expect(table.find("/rehab-centers/state-7/#café-") == nil)
        #expect(ByteStringTable().find("") == nil)
    }
}
