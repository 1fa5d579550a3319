import Foundation
import SiteCore
import SiteLinksReference
import SiteTestSupport
import Testing
@testable import FuzzChecks

/// Every input a fuzz target ever failed on stays fixed: each file of `Fuzz/Regressions/<target>/`, named after
/// what it broke, goes through the target's checks on every test run.
@Suite(.cleansUp) struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var regressions: [(target: String, file: String)] {
        FuzzTarget.all.flatMap { target in
            let folder = root.appendingPathComponent("Fuzz/Regressions/\(target.name)")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.filter { !$0.hasPrefix(".") }.sorted().map { (target.name, $0) }
        }
    }

    @Test(arguments: regressions.map { "\($0.target)/\($0.file)" })
    func aRegressionInputPassesItsTargetsChecks(_ input: String) throws {
        let target = try #require(FuzzTarget.named(String(input.split(separator: "/")[0])))
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Fuzz/Regressions/\(input)"))
        #expect(target.check(Array(data)) == [])
    }

    @Test func everyTargetHasARegressionFolderAndADictionary() {
        for target in FuzzTarget.all {
            var isFolder: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("Fuzz/Regressions/\(target.name)").path, isDirectory: &isFolder)
                    && isFolder.boolValue, "no Fuzz/Regressions/\(target.name)/")
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("Fuzz/Dictionaries/\(target.name).dict").path))
        }
    }
}

/// The checks themselves must be able to fail: each invariant, given an input or output that breaks it, says so.
@Suite(.cleansUp) struct FuzzCheckTests {
    @Test func aPositionPastTheEndOfALineOrTheTextIsOutside() {
        let bounds = InputBounds(["a.md": "ab\ncdé\n"])
        #expect(bounds.problem(.init(path: "a.md", line: 1, column: 3)) == nil)
        #expect(bounds.problem(.init(path: "a.md", line: 3, column: 1)) == nil)
        #expect(bounds.problem(.init(path: "a.md", line: 1, column: 4)) != nil)
        #expect(bounds.problem(.init(path: "a.md", line: 4, column: 1)) != nil)
        #expect(bounds.problem(.init(path: "a.md", line: 0, column: 1)) != nil)
        #expect(bounds.problem(.init(path: "b.md", line: 1, column: 1)) != nil)
        // A lone carriage return ends a line for YAML and CommonMark.
        #expect(InputBounds(["a.md": "a\rb"]).problem(.init(path: "a.md", line: 2, column: 2)) == nil)
    }

    @Test func markupOutsideTheRenderersSetIsReported() {
        #expect(RenderedMarkup.problems(in: "<p>a <em>b</em> <a href=\"/x/\" title=\"t\">c</a></p>\n<hr>\n") == [])
        #expect(RenderedMarkup.problems(in: "<p><script>alert(1)</script></p>").count == 2)
        #expect(RenderedMarkup.problems(in: "<p onclick=\"x\">a</p>").count == 1)
        #expect(RenderedMarkup.problems(in: "<a href=\"java&#x27;script:alert(1)\">a</a>") == [])
        #expect(RenderedMarkup.problems(in: "<a href=\" javascript:alert(1)\">a</a>").count == 1)
        #expect(RenderedMarkup.problems(in: "<img src=\"x\" alt=\"a>").count == 1)
    }

    @Test func eachTargetAcceptsItsOwnKindOfGoodInput() {
        #expect(FuzzTarget.markdown.check(Array("# Title\n\nText [@smith2020; see @a, p. 3] and [x](/a/).\n\n{{< faq >}}\n".utf8)) == [])
        #expect(FuzzTarget.content.check([2] + Array("title: Site\nbase_url: https://example.org/\n".utf8)) == [])
        #expect(FuzzTarget.locator.check([0] + Array("name1,name2,street1,street2,city,state,zip,zip4,county,latitude,longitude\n".utf8)) == [])
        #expect(FuzzTarget.html.check(Array("<p><a href=\"/a/\" id=\"x\">a</a></p>".utf8)) == [])
        #expect(FuzzTarget.templates.check(Array("{{< base}}{{$main}}<h1>{{title}}</h1>{{{body}}}{{/main}}{{/base}}".utf8)) == [])
    }

    @Test func theHTMLTargetNoticesWhenTheScannerAndLibxml2Disagree() {
        // Both read this alike; the check compares what each found, so a differing reference would be reported.
        #expect(HTMLLinksCheck.problems(Array("<p><a href=\"/a/\">a</a><img src=\"/b.png\" alt=\"\"></p>".utf8)) == [])
        #expect(HTMLExtractor.parsesWithoutErrors("<p><a href=\"/a/\">a</a></p>"))
        #expect(!HTMLExtractor.parsesWithoutErrors("<p><a href=\"/a/\">a</b></p>"))
        #expect(!HTMLLinksCheck.hasMalformedTag(Array("<p class=x><a href=\"/a/\" download>a</a><br/></p>".utf8)))
        #expect(HTMLLinksCheck.hasMalformedTag(Array("<a href id=\"=\"foo\nBar/>".utf8)))
    }

    @Test func aNameLongerThanLibxml2ReadsWholeMakesATagMalformed() {
        // libxml2 2.9 cuts a name at 100 bytes and reads the rest as a second attribute.
        #expect(!HTMLLinksCheck.hasMalformedTag(Array("<a \(String(repeating: ".", count: 95))href=\"x.html\">".utf8)))
        #expect(HTMLLinksCheck.hasMalformedTag(Array("<a \(String(repeating: ".", count: 96))href=\"x.html\">".utf8)))
        #expect(HTMLLinksCheck.hasMalformedTag(Array("<\(String(repeating: "b", count: 100)) id=\"q\">".utf8)))
    }
}
