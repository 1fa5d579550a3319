import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport
import Testing

/// Input nobody means to write, or someone means to abuse: it never crashes, hangs, or reaches outside
/// the root; each is a located error (or documented behaviour), and a failed build leaves Public/ untouched.
@Suite(.cleansUp) struct HostileInputTests {
    static let head = "---\ntitle: The Guide\ndescription: A guide.\npublished: 2024-01-02\n---\n"

    /// Builds `site` once cleanly, applies `change`, builds again; returns the errors of the second build
    /// after checking that it failed and left the output exactly as it was.
    func errorsAfter(_ change: (FixtureSite) throws -> Void) throws -> [String] {
        let site = try Fixtures.site()
        #expect(site.build().exitCode == 0)
        let before = site.snapshot("Public")
        try change(site)
        let result = site.build()
        #expect(result.exitCode == 1)
        let after = site.snapshot("Public")
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, (data, inode)) in before {
            #expect(after[path]?.0 == data && after[path]?.1 == inode, "\(path) changed")
        }
        return result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func aSymbolicLinkOutOfTheRootIsAnErrorAndItsTargetIsNotRead() throws {
        let outside = try TestResources.owner.temporaryFolder("outside")
        try Data("---\ntitle: Secret\n---\nsecret text\n".utf8).write(to: outside.appendingPathComponent("secret.md"))
        let errors = try errorsAfter { site in
            try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/guide/leak.md").path,
                                                       withDestinationPath: outside.appendingPathComponent("secret.md").path)
        }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("Content/guide/leak.md:1:1: error: symbolic link resolves outside the site root") == true)
    }

    @Test func aSymbolicLinkedAssetOutOfTheRootIsAnErrorToo() throws {
        let errors = try errorsAfter { site in
            try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Templates/assets/passwd.txt").path,
                                                       withDestinationPath: "/etc/passwd")
        }
        #expect(errors == ["Templates/assets/passwd.txt:1:1: error: symbolic link resolves outside the site root (to /etc/passwd); it was not read"])
    }

    @Test func aSymbolicLinkInsideTheRootIsFollowed() throws {
        let site = try Fixtures.site()
        try site.write(["Content/guide-copy.md": Self.head + "Same text.\n"])
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/guide/second.md").path,
                                                   withDestinationPath: site.root.appendingPathComponent("Content/guide-copy.md").path)
        #expect(site.build().exitCode == 0)
        #expect(site.read("Public/second/index.html")?.contains("Same text.") == true)
    }

    @Test func aFileOverTheSizeLimitIsAnErrorThatSaysSo() throws {
        let errors = try errorsAfter { site in
            try site.write(["Content/guide/huge.md": Self.head + String(repeating: "Words and more words.\n", count: SourceFileReader.maximumSize / 20)])
        }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("over the limit of 8388608 bytes (8 MiB)") == true)
    }

    @Test func invalidUTF8IsAnErrorAtTheLineAndColumnOfTheFirstBadByte() throws {
        let errors = try errorsAfter { site in
            var bytes = Array((Self.head + "First line.\nCafé \u{2014} ").utf8)
            bytes += [0xC3, 0x28] + Array(" rest\n".utf8)
            try Data(bytes).write(to: site.root.appendingPathComponent("Content/guide/guide.md"))
        }
        #expect(errors == ["Content/guide/guide.md:7:8: error: invalid UTF-8 (byte 0xC3 starts a character that does not continue)"])
    }

    @Test func aNULCharacterIsAnErrorAtItsPosition() throws {
        let errors = try errorsAfter { site in
            try site.write(["Content/guide/guide.md": Self.head + "Text\u{0}here\n"])
        }
        #expect(errors == ["Content/guide/guide.md:6:5: error: NUL character (U+0000) in text"])
    }

    @Test func aByteOrderMarkIsDroppedAndPositionsStayTheSame() throws {
        let site = try Fixtures.site(["Content/guide/guide.md": "\u{FEFF}" + Self.head + "A [link](javascript:x).\n"])
        #expect(site.build().diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "Content/guide/guide.md:6:10: error: unsafe URL scheme 'javascript:' in link 'javascript:x'",
        ])
    }

    @Test func windowsAndOldMacLineEndsCountAsUnixOnes() throws {
        for separator in ["\r\n", "\r"] {
            let text = (Self.head + "One.\n\nA [link](javascript:x).\n").replacingOccurrences(of: "\n", with: separator)
            let site = try Fixtures.site(["Content/guide/guide.md": text])
                #expect(site.build().diagnostics.filter { $0.severity == .error }.map(\.description) == [
                "Content/guide/guide.md:8:10: error: unsafe URL scheme 'javascript:' in link 'javascript:x'",
            ], "\(separator.debugDescription)")
        }
    }

    @Test(.timeLimit(.minutes(1))) func aYAMLAliasBombIsAnErrorNotAnExpansion() throws {
        var yaml = "references:\n  - id: a\n    type: webpage\n    title: t\n    x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<10 {
            let previous = Character(UnicodeScalar(UInt8(96 + level)))
            let name = Character(UnicodeScalar(UInt8(97 + level)))
            yaml += "    x-\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "    keyword: *j\n"
        // Expanded, the aliases would be 3.4 billion values; the check stops counting at the limit, so the test
        // ends (a release build fails in 0.3 s; docs/security.md) well within its time limit.
        let errors = try errorsAfter { site in try site.write(["Content/sources/bomb.yaml": yaml]) }
        #expect(errors.contains { $0.hasPrefix("Content/sources/bomb.yaml:") && $0.contains("more than 1000000 values once its aliases are expanded") })
    }

    @Test func deeplyNestedYAMLIsAnErrorNotACrash() throws {
        let errors = try errorsAfter { site in
            try site.write(["Content/sources/deep.yaml": "x: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"])
        }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("Maximum nesting level reached") == true)
    }

    @Test func deeplyNestedMarkdownInAGuideIsALocatedError() throws {
        for body in [String(repeating: "> ", count: 20_000) + "a\n",
                     String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000) + "\n",
                     String(repeating: "![", count: 100_000) + "a" + String(repeating: "](b)", count: 100_000) + "\n"] {
            let errors = try errorsAfter { site in try site.write(["Content/guide/guide.md": Self.head + body]) }
            #expect(errors.count == 1)
            #expect(errors.first?.hasPrefix("Content/guide/guide.md:6:") == true)
            #expect(errors.first?.contains("the limit is 100") == true)
        }
    }
}
