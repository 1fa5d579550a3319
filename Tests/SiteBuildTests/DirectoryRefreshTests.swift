import Foundation
import SiteBuild
@testable import SiteContent
import SiteCore
import SiteLinks
import SiteTestSupport
import Testing

/// A newer export imported over an older one: the report, retiring and returning listings, the guard
/// against a truncated download, editors' `retired` and `keep`, and what the site shows. The exports are
/// the real nationwide export's rows of Virginia and the District of Columbia, edited as a newer export
/// would be (rows removed, changed, renamed, re-added, cut short).
@Suite(.cleansUp) struct DirectoryRefreshTests {
    static let export = RealContentTests.root.appendingPathComponent("Tests/Fixtures/samhsa/SAMHSA_Nationwide_Substance_Use_Treatment_Data.csv")

    /// The real export's header and its rows of VA and DC, as fields.
    static let real: (header: [String], rows: [[String]]) = {
        let text = try! String(contentsOf: export, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        let lines = text.split(separator: "\n").map { CSVTable.parse($0).fields }
        let state = lines[0].firstIndex(of: "state")!
        return (lines[0], lines.dropFirst().filter { ["VA", "DC"].contains($0[state]) })
    }()

    static func column(_ name: String) -> Int { real.header.firstIndex(of: name)! }
    static var virginia: [Int] { real.rows.indices.filter { real.rows[$0][column("state")] == "VA" } }
    static var columbia: [Int] { real.rows.indices.filter { real.rows[$0][column("state")] == "DC" } }

    static func csv(_ rows: [[String]]) -> String {
        ([real.header] + rows).map { fields in
            fields.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    /// The newer export: the first three Virginia rows gone, the next two with another county, the first
    /// row of DC renamed and the second moved to another street (each a new identity: the old listing
    /// vanishes, a new one is added).
    static var newer: [[String]] {
        var rows = real.rows
        let va = virginia, dc = columbia
        for index in va[3...4] { rows[index][column("county")] += " County" }
        rows[dc[0]][column("name1")] += " Annex"
        rows[dc[1]][column("street1")] = "1 Moved Street"
        let removed = Set(va[0...2])
        return rows.indices.filter { !removed.contains($0) }.map { rows[$0] }
    }

    static var removedNames: [String] { virginia[0...2].map { real.rows[$0][column("name1")] } }

    func site(_ extra: [String: String] = [:]) throws -> FixtureSite {
        var files = try IncrementalFixture.files().filter { !$0.key.hasPrefix("Content/directory/") }
        files["Content/directory/_states.csv"] = try String(contentsOf: RealContentTests.root.appendingPathComponent("Content/directory/_states.csv"), encoding: .utf8)
        files["Content/directory/_service-codes.csv"] = try String(contentsOf: RealContentTests.root.appendingPathComponent("Content/directory/_service-codes.csv"), encoding: .utf8)
        // The guide the site's navigation links to, without the fixture's link to a made-up listing.
        files["Content/guide/the-guide.md"] = nil
        files["Content/guide/es/the-guide.md"] = nil
        files["Content/guide/intensive-outpatient-program.md"] = IncrementalFixture.guide.replacingOccurrences(of: " See [a center](/rehab-centers/virginia/alpha-house/).", with: "")
        files["Content/guide/es/intensive-outpatient-program.md"] = IncrementalFixture.spanishGuide
            .replacingOccurrences(of: " See [a center](/es/centros-de-tratamiento/virginia/alpha-house/).", with: "")
            .replacingOccurrences(of: "slug: la-guia", with: "slug: programa-ambulatorio-intensivo")
        return try FixtureSite(files.merging(extra) { $1 })
    }

    func importRows(_ site: FixtureSite, _ rows: [[String]], date: String, dryRun: Bool = false, allow: Bool = false) throws -> ImportReport {
        try site.write(["input/export.csv": Self.csv(rows)])
        return LocatorImporter(root: site.root).run(file: site.root.appendingPathComponent("input/export.csv"), displayPath: "export.csv",
                                                    options: .init(date: date, dryRun: dryRun, allowMassRetire: allow))
    }

    func build(_ site: FixtureSite) -> BuildSession.Outcome {
        BuildSession.buildOnce(root: site.root, today: ContentDate("2026-11-29"))
    }

    @Test func aNewerExportIsReportedByStateAndRetiresAndReturnsListingsKeepingTheirIdsAndSlugs() throws {
        let site = try site()
        let first = try importRows(site, Self.real.rows, date: "2026-10-01")
        #expect(first.exitCode == 0)
        let va = try #require(first.states.first { $0.code == "VA" }), dc = try #require(first.states.first { $0.code == "DC" })
        #expect(va.added.count > 150 && dc.added.count > 10)
        let original = try #require(site.read("Content/directory/imported/va.yaml"))

        let newer = try importRows(site, Self.newer, date: "2026-11-01")
        #expect(newer.exitCode == 0, "\(newer.diagnostics)")
        let vaNewer = try #require(newer.states.first { $0.code == "VA" }), dcNewer = try #require(newer.states.first { $0.code == "DC" })
        #expect(vaNewer.added.isEmpty && vaNewer.returned.isEmpty)
        #expect(vaNewer.changed.map(\.fields) == [["county"], ["county"]])
        #expect(vaNewer.vanished.map(\.name).sorted() == Self.removedNames.sorted())
        #expect(vaNewer.unchanged == va.added.count - 5)
        #expect(dcNewer.added.count == 2 && dcNewer.vanished.count == 2 && dcNewer.changed.isEmpty && dcNewer.unchanged == dc.added.count - 2)
        #expect(Set(dcNewer.added.map(\.name)) == Set([Self.real.rows[Self.columbia[0]][Self.column("name1")] + " Annex", Self.real.rows[Self.columbia[1]][Self.column("name1")]]))
        #expect((newer.added, newer.changed, newer.vanished, newer.returned) == (2, 2, 5, 0))
        #expect(newer.lines[0] == "Imported \(newer.read) records of SAMHSA locator, nationwide export, data of 2026-11-01: 2 added, 2 changed, \(Count.text(newer.unchanged)) unchanged, 5 vanished (retired), 0 returned; 2 state files written.")
        #expect(newer.lines.contains("  changed \(vaNewer.changed[0].id) \(vaNewer.changed[0].name): county"))
        let text = try #require(site.read("Content/directory/imported/va.yaml"))
        #expect(text.components(separatedBy: "    retired: \"2026-11-01\"\n").count - 1 == 3)
        #expect(text.components(separatedBy: "    changed: \"2026-11-01\"\n").count - 1 == 2)
        #expect(text.components(separatedBy: "source_date: \"2026-10-01\"").count - 1 == 3, "every listing in the export takes its date; the retired keep theirs")

        // The older rows again: the three come back under their ids and slugs; the renamed DC listing leaves.
        let again = try importRows(site, Self.real.rows, date: "2026-12-01")
        #expect(again.exitCode == 0)
        let vaAgain = try #require(again.states.first { $0.code == "VA" })
        #expect(vaAgain.returned.map(\.id).sorted() == vaNewer.vanished.map(\.id).sorted())
        #expect(vaAgain.changed.count == 2 && vaAgain.vanished.isEmpty && vaAgain.added.isEmpty)
        let restored = try #require(site.read("Content/directory/imported/va.yaml"))
        #expect(!restored.contains("retired:"))
        func slugs(_ text: String) -> [String] { text.split(separator: "\n").filter { $0.hasPrefix("    slug: ") }.map(String.init) }
        #expect(slugs(restored) == slugs(original))
        let json = try #require(String(data: Data(again.json.serialized().utf8), encoding: .utf8))
        #expect(json.contains("\"returned\":5") && json.contains("\"source\":\"SAMHSA locator, nationwide export\""))
    }

    @Test func aRetiredListingKeepsANoindexPageAndLeavesEveryOtherPageTheIndexAndTheSitemap() throws {
        let site = try site()
        _ = try importRows(site, Self.real.rows, date: "2026-10-01")
        _ = try importRows(site, Self.newer, date: "2026-11-01")
        let result = build(site)
        #expect(result.exitCode == 0, "\(result.diagnostics.filter { $0.severity == .error })")
        let gone = Slug.make(Self.removedNames[0])
        let page = try #require(site.read("Public/rehab-centers/virginia/\(gone)/index.html"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("no longer in SAMHSA's treatment locator data since its export of <time datetime=\"2026-11-01\">November 1, 2026</time>"))
        #expect(!page.contains("MedicalClinic"), "no structured data claims a clinic")
        #expect(page.contains("<a href=\"/rehab-centers/virginia/\">All centers in Virginia</a>"))
        #expect(page.contains("<h2 id=\"nearest\">Centers near it that are listed</h2>"))
        // The Spanish page of the retired listing, in Spanish alone (the page kind the real content lacks).
        let spanish = try #require(site.read("Public/es/centros-de-tratamiento/virginia/\(gone)/index.html"))
        #expect(spanish.contains("Este centro ya no aparece en los datos del localizador de SAMHSA desde su exportación del <time datetime=\"2026-11-01\">1 de noviembre de 2026</time>."))
        let text = SpanishEditionTests.readerText(spanish)
        let english = SpanishEditionTests.englishWords(try SpanishEditionTests.englishWords(), in: spanish, text: text)
        #expect(english.isEmpty, "\(english)")
        let state = try #require(site.read("Public/rehab-centers/virginia/index.html"))
        #expect(!state.contains("/rehab-centers/virginia/\(gone)/"))
        #expect(state.contains("<p class=\"lead\">\(Self.virginia.count - 3 - 1) centers"), "two rows of the export repeat another")
        #expect(state.contains("the newest export shown is of November 1, 2026"))
        #expect(!(try #require(site.read("Public/sitemap.xml"))).contains("/\(gone)/"))
        let cells = site.files("Public/rehab-centers/find/cells").compactMap { site.read("Public/rehab-centers/find/cells/\($0)") }.joined()
        #expect(!cells.contains("\(gone)\t"))
        let (report, _, _) = LinkChecker(baseURL: "https://example.org/", basePath: "/", pagePrefix: "Public/").checkSite(site.root.appendingPathComponent("Public"))
        #expect(report.problems.filter { $0.severity == .error }.isEmpty, "\(report.problems.prefix(5))")
    }

    @Test func aTruncatedExportIsRefusedUnlessAllowedAndNeitherItNorADryRunNorASecondImportChangesAByte() throws {
        let site = try site()
        _ = try importRows(site, Self.real.rows, date: "2026-10-01")
        let before = site.snapshot("Content")
        let truncated = Array(Self.real.rows.prefix(Self.real.rows.count / 2))
        let refused = try importRows(site, truncated, date: "2026-11-01")
        #expect(refused.exitCode == 1)
        #expect(refused.diagnostics.filter { $0.severity == .error }.map(\.message).contains { $0.hasPrefix("the import would retire") && $0.contains("a truncated download looks exactly like this") })
        #expect(refused.lines[0].hasPrefix("Not imported: "))
        let dry = try importRows(site, Self.newer, date: "2026-11-01", dryRun: true)
        #expect(dry.exitCode == 0 && dry.vanished == 5 && dry.lines[0].hasSuffix("nothing written (--dry-run)."))
        let same = try importRows(site, Self.real.rows, date: "2026-10-01")
        #expect(same.statesWritten == 0 && same.added == 0 && same.changed == 0 && same.vanished == 0)
        let after = site.snapshot("Content")
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after.filter { !$0.key.hasPrefix("input/") }.allSatisfy { before[$0.key]?.0 == $0.value.0 && before[$0.key]?.1 == $0.value.1 }, "no byte and no file changed")
        let allowed = try importRows(site, truncated, date: "2026-11-01", allow: true)
        #expect(allowed.exitCode == 0 && allowed.vanished > 100)
    }

    @Test func editorsRetireWithAReasonKeepWithAVerifiedDateAndAChangeAfterAVerificationWarns() throws {
        let site = try site()
        _ = try importRows(site, Self.real.rows, date: "2026-10-01")
        _ = try importRows(site, Self.newer, date: "2026-11-01")
        let imported = try #require(site.read("Content/directory/imported/va.yaml"))
        func id(of name: String) -> String {
            let entry = imported.components(separatedBy: "  - id: ").first { $0.contains("\n    name: \(name)\n") }!
            return String(entry.prefix { $0 != "\n" })
        }
        let listed = Self.real.rows[Self.virginia[10]][Self.column("name1")]
        let changed = Self.real.rows[Self.virginia[3]][Self.column("name1")]
        func editorFile(reason: Bool = true, verifiedKeep: Bool = true) -> String {
            """
            facilities:
              - id: \(id(of: listed))
                retired: 2026-11-02
            \(reason ? "    retired_reason: the county says it closed in October\n" : "")    featured: true
              - id: \(id(of: Self.removedNames[0]))
                keep: true
                verified: 2026-11-20
              - id: \(id(of: Self.removedNames[1]))
                keep: true
            \(verifiedKeep ? "    verified: 2026-11-21\n" : "")  - id: \(id(of: changed))
                verified: 2026-10-15

            """
        }
        try site.write(["Content/directory/va.yaml": editorFile(verifiedKeep: false)])
        let broken = build(site)
        #expect(broken.exitCode == 1)
        #expect(broken.diagnostics.filter { $0.severity == .error }.map(\.description) == ["Content/directory/va.yaml:10:11: error: 'keep: true' needs 'verified', the date an editor confirmed the listing is still open"])
        try site.write(["Content/directory/va.yaml": editorFile(reason: false)])
        #expect(build(site).diagnostics.map(\.description).contains("Content/directory/va.yaml:3:14: error: a listing an editor retires needs 'retired_reason', the reason readers are shown"))
        try site.write(["Content/directory/va.yaml": editorFile()])
        let result = build(site)
        #expect(result.exitCode == 0, "\(result.diagnostics.filter { $0.severity == .error })")
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.contains("Content/directory/va.yaml:5:15: warning: featured facility '\(listed)' is retired since 2026-11-02 (the county says it closed in October): it is no longer shown"))
        #expect(warnings.contains("Content/directory/va.yaml:13:15: warning: '\(changed)' was changed by the import of 2026-11-01 after it was verified on 2026-10-15: re-verify"))
        let retiredPage = try #require(site.read("Public/rehab-centers/virginia/\(Slug.make(listed))/index.html"))
        #expect(retiredPage.contains("This center is no longer listed: the county says it closed in October (since <time datetime=\"2026-11-02\">November 2, 2026</time>)."))
        let state = try #require(site.read("Public/rehab-centers/virginia/index.html"))
        #expect(state.contains("/rehab-centers/virginia/\(Slug.make(Self.removedNames[0]))/"), "kept by its editor, listed again")
        #expect(!state.contains("/rehab-centers/virginia/\(Slug.make(listed))/"))
    }
}
