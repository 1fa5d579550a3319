import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport
import Testing

@Suite(.cleansUp) struct BuildOutputTests {
    @Test func aCleanSiteBuildsEveryPageAndAsset() throws {
        let site = try Fixtures.site()
        let result = site.build()
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.exitCode == 0)
        #expect(site.files("Public") == [".iopsite-manifest", "404.html", "assets/site.css", "guide/index.html", "index.html", "robots.txt", "sitemap.xml"])
        let guide = try #require(site.read("Public/guide/index.html"))
        #expect(guide.contains("<h2 id=\"details\">Details <a class=\"heading-anchor\" href=\"#details\""))
        #expect(guide.contains("<a href=\"#ref-drake2007\" id=\"cite-drake2007-1\" aria-label=\"Source 1: Management of persons with co-occurring severe mental illness\">1</a>"))
        #expect(guide.contains("<li id=\"ref-drake2007\">"))
        #expect(guide.contains("<time datetime=\"2024-03-04\">March 4, 2024</time>"))
        #expect(guide.contains("<a href=\"tel:+18006624357\">1-800-662-4357</a>"))
        #expect(!guide.contains("[@"))
    }

    @Test func linksAreEmittedUnderTheBasePath() throws {
        let site = try Fixtures.site(["Content/site.yaml": Fixtures.siteYAML.replacingOccurrences(of: "https://example.org/", with: "https://example.org/sub/")])
        let result = site.build()
        #expect(result.exitCode == 0)
        let guide = try #require(site.read("Public/guide/index.html"))
        #expect(guide.contains("<link rel=\"canonical\" href=\"https://example.org/sub/guide/\">"))
        #expect(guide.contains("href=\"/sub/assets/site.css\""))
        #expect(guide.contains("<a href=\"/sub/\">home</a>"))
        #expect(guide.contains("<a href=\"/sub/guide/\">Guide</a>"))
    }

    @Test func eachPageRecordsItsInputsAndTheOriginOfEveryLink() throws {
        let site = try Fixtures.site()
        let page = try #require(site.build().pages.first { $0.route.path == "/guide/" })
        #expect(page.inputs == ["Content/guide/guide.md", "Content/site.yaml", "Content/sources.yaml",
                                "Templates/guide.mustache", "Templates/layout.mustache", "Templates/sources.mustache"])
        let origins = page.links.map { "\($0.href)#\($0.ordinal) \($0.kind.rawValue) \($0.origin)" }
        #expect(origins == [
            "/assets/site.css#0 template Templates/layout.mustache:3:73",
            "#main#0 template Templates/layout.mustache:4:16",
            "/guide/#0 data Content/site.yaml:13:10",
            "tel:+18006624357#0 data Content/site.yaml:7:10",
            "#details#0 markdown Content/guide/guide.md:11:19",
            "/#0 markdown Content/guide/guide.md:11:40",
            "https://doi.org/10.1002/j.2051-5545.2007.tb00004.x#0 data Content/sources.yaml:5:10",
            "/guide/#1 markdown Content/site.yaml:4:52",
        ])
    }

    @Test func whatAKilledIncrementalWriteLeftIsDroppedByTheNextFullWriteAndAUsersFileIsKept() throws {
        let site = try Fixtures.site()
        #expect(site.build().exitCode == 0)
        let before = site.files("Public")
        // As `build --watch` leaves them when killed mid-write: a temporary beside a page, a folder made for a new page
        // holding only its temporary, the new manifest's temporaries; and a file of the user's, with a folder of its own.
        try site.write(["Public/.iopsite-writing-index.html": "half", "Public/new-page/.iopsite-writing-index.html": "half",
                        "Public/.iopsite-manifest.writing": "half", "Public/.iopsite-manifest.writing-all": "half",
                        "Public/mine/notes.txt": "mine"])
        #expect(site.build().exitCode == 0)
        #expect(site.files("Public") == (before + ["mine/notes.txt"]).sorted())
        #expect(!site.exists("Public/new-page"))
        #expect(site.read("Public/mine/notes.txt") == "mine")
        // Nor are they kept in the folder the next build starts from.
        #expect(site.files(".Public.iopsite-previous").allSatisfy { !$0.contains("iopsite-writing") && !$0.contains(".writing") })
        #expect(!site.exists(".Public.iopsite-previous/new-page"))
    }

    @Test func twoBuildsProduceIdenticalBytes() throws {
        let first = try Fixtures.site()
        let second = try Fixtures.site()
        _ = first.build()
        _ = second.build()
        let a = first.snapshot("Public").mapValues(\.0)
        let b = second.snapshot("Public").mapValues(\.0)
        #expect(a == b)
    }

    @Test func unchangedFilesKeepTheirInodeAcrossBuilds() throws {
        let site = try Fixtures.site()
        _ = site.build()
        let before = site.snapshot("Public")
        try site.write(["Content/guide/guide.md": Fixtures.guide.replacingOccurrences(of: "Intro with", with: "Opening with")])
        let result = site.build()
        #expect(result.exitCode == 0)
        #expect(result.report.written == 1)
        let after = site.snapshot("Public")
        #expect(after["index.html"]?.1 == before["index.html"]?.1)
        #expect(after["assets/site.css"]?.1 == before["assets/site.css"]?.1)
        #expect(after["guide/index.html"]?.1 != before["guide/index.html"]?.1)
        #expect(site.read("Public/guide/index.html")?.contains("Opening with") == true)
    }

    @Test func filesAPageNoLongerProducesAreRemovedAndForeignFilesAreNeverTouched() throws {
        let site = try Fixtures.site(["Content/guide/other.md": Fixtures.guide.replacingOccurrences(of: "The Guide", with: "Other")])
        _ = site.build()
        #expect(site.exists("Public/other/index.html"))
        try site.write(["Public/CNAME": "example.org\n", "Public/extra/notes.txt": "mine\n"])
        let foreign = site.snapshot("Public").filter { ["CNAME", "extra/notes.txt"].contains($0.key) }
        try site.remove("Content/guide/other.md")
        let result = site.build()
        #expect(result.exitCode == 0)
        #expect(result.report.removed == 1)
        #expect(!site.exists("Public/other/index.html"))
        let after = site.snapshot("Public")
        for (path, (data, inode)) in foreign {
            #expect(after[path]?.0 == data)
            #expect(after[path]?.1 == inode)
        }
    }

    @Test func aForeignNonEmptyFolderIsRefusedWithExitCode2() throws {
        let site = try Fixtures.site(["Public/index.html": "hand made\n"])
        let result = site.build()
        #expect(result.exitCode == 2)
        #expect(result.failure?.contains("is not empty and has no .iopsite-manifest") == true)
        #expect(site.read("Public/index.html") == "hand made\n")
        #expect(site.files("Public") == ["index.html"])
    }

    @Test func aLoneGitkeepIsNotForeignAndIsKept() throws {
        let site = try Fixtures.site(["Public/.gitkeep": ""])
        #expect(site.build().exitCode == 0)
        #expect(site.exists("Public/.gitkeep"))
        #expect(site.build().exitCode == 0)
        #expect(site.exists("Public/.gitkeep"))
    }

    @Test func aBuildNeverOverwritesAFileItDidNotWrite() throws {
        let site = try Fixtures.site()
        _ = site.build()
        try site.write(["Content/guide/notes.md": Fixtures.guide, "Public/notes/index.html": "mine\n"])
        let result = site.build()
        #expect(result.exitCode == 2)
        #expect(site.read("Public/notes/index.html") == "mine\n")
    }
}

@Suite(.cleansUp) struct RecycledFolderTests {
    @Test func aTamperedRecycledFolderNeverChangesTheOutput() throws {
        let site = try Fixtures.site()
        _ = site.build()
        try site.write(["Content/guide/guide.md": Fixtures.guide.replacingOccurrences(of: "Intro with", with: "Opening with")])
        _ = site.build()
        let recycled = ".Public.iopsite-previous"
        #expect(site.exists(recycled + "/index.html"))
        // Replace (not write through) a recycled file, and leave junk behind.
        try site.remove(recycled + "/guide/index.html")
        try site.remove(recycled + "/404.html")
        // A folder where a file belongs, a stale file and junk.
        try site.write([recycled + "/guide/index.html": "stale", recycled + "/junk/deep/file.txt": "junk", recycled + "/404.html/x": ""])
        try site.write(["Content/guide/guide.md": Fixtures.guide])
        #expect(site.build().exitCode == 0)
        let clean = try Fixtures.site()
        _ = clean.build()
        #expect(site.snapshot("Public").mapValues(\.0) == clean.snapshot("Public").mapValues(\.0))
    }

    @Test func anInterruptedStagingFolderIsReusedSafely() throws {
        let site = try Fixtures.site()
        _ = site.build()
        try site.write([".Public.iopsite-staging/index.html": "half", ".Public.iopsite-staging/other/index.html": "x"])
        #expect(site.build().exitCode == 0)
        #expect(site.read("Public/index.html")?.contains("<h1>Fixture Site</h1>") == true)
        #expect(!site.exists("Public/other/index.html"))
        #expect(!site.exists(".Public.iopsite-staging"))
    }
}
