import Foundation
import SiteCore
import SiteTestSupport
import Testing
@testable import SiteContent

/// The SAMHSA importer on small inline locator files.
@Suite(.cleansUp) struct LocatorImporterTests {
    static let states = "code,name,fips,slug,tile_row,tile_col\nVA,Virginia,51,virginia,5,8\nMA,Massachusetts,25,massachusetts,3,10\n"
    static let codes = """
        code,category,label,source
        SA,Type of Care,Substance use treatment,A
        MH,Type of Care,Mental health treatment (facility type),A
        OIT,Service Setting,Intensive outpatient treatment,A
        OP,Service Setting,Outpatient,A
        MI,Payment Accepted,"Federal military insurance (e.g., TRICARE)",A
        MD,Payment Accepted,Medicaid,A
        SS,Payment Assistance,Sliding fee scale (fee is based on income and other factors),A
        VET,Special Programs,Veterans,C

        """
    static let expectedHash = "81dd2bff2aa7"
    static let header = "name1,name2,street1,street2,city,state,zip,zip4,county,latitude,longitude\n"

    func site(_ files: [String: String] = [:]) throws -> FixtureSite {
        try FixtureSite(["Content/directory/_states.csv": Self.states, "Content/directory/_service-codes.csv": Self.codes].merging(files) { $1 })
    }

    func importFile(_ site: FixtureSite, _ name: String, _ text: String, state: String? = nil,
                    options: LocatorImporter.Options? = nil) throws -> ImportReport {
        try site.write(["input/\(name)": text])
        return LocatorImporter(root: site.root).run(file: site.root.appendingPathComponent("input/\(name)"), displayPath: name,
                                                    options: options ?? .init(state: state))
    }

    @Test func csvRowsBecomeStateFilesWithPaddedZIPsAndHashIDs() throws {
        let site = try site()
        let report = try importFile(site, "n.csv", Self.header + """
            A New Beginning,,122 Helton Court,,Boston,MA,2108,123,Suffolk,42.35,-71.06
            Region Ten,Mohr Center,"1014 East Market Street, Rear",,Charlottesville,VA,22902,,Charlottesville,38.0282239,-78.4725231

            """)
        #expect(report.exitCode == 0)
        #expect(report.diagnostics.isEmpty)
        #expect(report.added == 2)
        #expect(site.read("Content/directory/imported/ma.yaml") == """
            # Written by `iopsite import samhsa`: do not edit. Corrections and additions go in ../<state>.yaml, keyed by id.
            facilities:
              - id: samhsa:\(LocatorImporter.hashID(LocatorRecord(name1: "A New Beginning", name2: "", street1: "122 Helton Court", street2: "", city: "Boston", state: "MA", zip: "02108", zip4: "0123", county: "", latitude: "", longitude: "", location: SourceLocation(path: "", line: 1, column: 1))).dropFirst(7))
                slug: a-new-beginning
                name: A New Beginning
                address:
                  street1: 122 Helton Court
                  city: Boston
                  zip: "02108"
                  zip4: "0123"
                  county: Suffolk
                latitude: 42.35
                longitude: -71.06
                source: SAMHSA locator, nationwide export
                source_date: "2020-04-09"

            """)
        let virginia = try #require(site.read("Content/directory/imported/va.yaml"))
        #expect(virginia.contains("    name2: Mohr Center\n    address:\n      street1: \"1014 East Market Street, Rear\"\n") == false)
        #expect(virginia.contains("      street1: 1014 East Market Street, Rear\n"))
    }

    @Test func anImportWhileAnotherWritesTheSameFolderWaitsOrWithNoWaitChangesNothing() throws {
        let site = try site()
        let row = Self.header + "A New Beginning,,122 Helton Court,,Boston,MA,2108,123,Suffolk,42.35,-71.06\n"
        let imported = site.root.appendingPathComponent("Content/directory/imported")
        let held = try FolderLock.acquire(imported, purpose: "importing into", policy: .fail)
        let refused = try importFile(site, "n.csv", row, options: .init(lock: .fail))
        #expect(refused.exitCode == 2)
        #expect(refused.diagnostics.map(\.description) == [
            "Content/directory/imported:1:1: error: another iopsite (pid \(getpid())) is importing into '\(imported.path)'; not waiting (--no-wait)"])
        #expect(!site.exists("Content/directory/imported/ma.yaml"))
        held.release()
        #expect(try importFile(site, "n.csv", row, options: .init(lock: .fail)).exitCode == 0)
        #expect(site.exists("Content/directory/imported/ma.yaml"))
    }

    @Test func theHashIDIsTwelveHexDigitsOfSHA256OfTheNormalisedIdentity() {
        let record = LocatorRecord(name1: "Café Uno", name2: "", street1: "1 Main St.", street2: "", city: "Richmond", state: "VA",
                                   zip: "23219", zip4: "", county: "", latitude: "", longitude: "", location: SourceLocation(path: "", line: 1, column: 1))
        // printf 'cafe uno||1 main st|richmond|23219' | sha256sum
        #expect(LocatorImporter.hashID(record) == "samhsa:\(Self.expectedHash)")
    }

    @Test func everySkipReasonIsReportedWithItsRowAndTheRestImports() throws {
        let site = try site()
        let report = try importFile(site, "n.csv", Self.header + """
            Good One,,1 Main St,,Richmond,VA,23219,,Richmond,37.5,-77.4
            Good One,,1 Main St,,Richmond,VA,23219,,Richmond,37.5,-77.4
            Bad "Quote",,2 Main St,,Richmond,VA,23219,,Richmond,37.5,-77.4
            "Unclosed,,3 Main St,,Richmond,VA,23219,,Richmond,37.5,-77.4
            Short,,4 Main St,,Richmond,VA
            Elsewhere,,5 Main St,,Toronto,ON,00000,,,43.6,-79.3
            Good Two,,6 Main St,,Richmond,VA,23219,,Richmond,37.5,-77.4

            """)
        #expect(report.exitCode == 0)
        #expect(report.diagnostics.map(\.description) == [
            "n.csv:3:1: warning: row 3 skipped: duplicate of row 2",
            "n.csv:4:1: warning: row 4 skipped: broken quoting at column 5",
            "n.csv:5:1: warning: row 5 skipped: broken quoting: a quoted field is never closed",
            "n.csv:6:1: warning: row 6 skipped: wrong column count: 6 fields, the header has 11",
            "n.csv:7:1: warning: row 7 skipped: unknown state 'ON'",
        ])
        #expect(report.added == 2)
    }

    func slugs(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var id = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("  - id: ") { id = String(line.dropFirst(8)) }
            if line.hasPrefix("    slug: ") { result[id] = String(line.dropFirst(10)) }
        }
        return result
    }

    func record(_ street: String, _ city: String, _ zip: String) -> LocatorRecord {
        LocatorRecord(name1: "Hope House", name2: "", street1: street, street2: "", city: city, state: "VA", zip: zip, zip4: "",
                      county: "", latitude: "", longitude: "", location: SourceLocation(path: "", line: 1, column: 1))
    }

    @Test func slugCollisionsAddTheCityThenANumberInIDOrder() throws {
        let site = try site()
        _ = try importFile(site, "n.csv", Self.header + """
            Hope House,,2 B St,,Norfolk,VA,23510,,,,
            Hope House,,3 C St,,Norfolk,VA,23510,,,,
            Hope House,,4 D St,,Norfolk,VA,23510,,,,

            """)
        let ids = [record("2 B St", "Norfolk", "23510"), record("3 C St", "Norfolk", "23510"), record("4 D St", "Norfolk", "23510")]
            .map(LocatorImporter.hashID).sorted()
        let first = slugs(try #require(site.read("Content/directory/imported/va.yaml")))
        #expect(ids.map { first[$0] } == ["hope-house", "hope-house-norfolk", "hope-house-norfolk-2"])
        // A slug, once written, never changes; a new Hope House elsewhere takes its city. (The export has only
        // it, so the others are retired: more than a fifth of the state, which must be allowed.)
        _ = try importFile(site, "m.csv", Self.header + "Hope House,,1 A St,,Richmond,VA,23219,,,,\n", options: .init(allowMassRetire: true))
        let second = slugs(try #require(site.read("Content/directory/imported/va.yaml")))
        #expect(ids.map { second[$0] } == ids.map { first[$0] })
        #expect(second[LocatorImporter.hashID(record("1 A St", "Richmond", "23219"))] == "hope-house-richmond")
    }

    static let json = """
        {"source": "test", "rows": [
          {"frid": "aaa111", "name1": "Region Ten", "name2": "Mohr Center", "street1": "1014 East Market Street", "street2": "",
           "city": "Charlottesville", "state": "VA", "zip": "22902", "phone": "434-979-8871", "intake1": "(434) 972-1800 x12",
           "hotline1": null, "website": "http://www.regionten.org", "latitude": "38.0282239", "longitude": "-78.4725231",
           "services": [
             {"f1": "Type of Care", "f2": "TC", "f3": "Substance use treatment; Mental health treatment"},
             {"f1": "Service Settings", "f2": "SET", "f3": "Intensive outpatient treatment; Outpatient"},
             {"f1": "Payment", "f2": "PAY", "f3": "Medicaid; Military insurance (e.g., TRICARE); Barter"},
             {"f1": "Approaches", "f2": "TAP", "f3": "Cognitive behavioral therapy"},
             {"f1": "Other languages", "f2": "OL", "f3": "Spanish"}]},
          {"frid": "bbb222", "name1": "New Place", "name2": "", "street1": "9 Elm St", "street2": "", "city": "Richmond",
           "state": "VA", "zip": "23219", "phone": "123-456-7890", "intake1": null, "website": "www.example.org",
           "latitude": "37.5", "longitude": "-77.4", "services": []}
        ]}
        """

    @Test func aJSONRecordEnrichesTheCSVRecordOfTheSameFacility() throws {
        let site = try site()
        _ = try importFile(site, "n.csv", Self.header + "REGION TEN,Outpatient,1014 East Market St.,,Charlottesville,VA,22902,1234,Charlottesville,38.02,-78.47\n")
        let csvOnly = try #require(site.read("Content/directory/imported/va.yaml"))
        let report = try importFile(site, "f.json", Self.json)
        #expect(report.added == 1)
        #expect(report.changed == 1)
        let text = try #require(site.read("Content/directory/imported/va.yaml"))
        #expect(text != csvOnly)
        #expect(text.contains("    frid: aaa111\n"))
        #expect(text.contains("    phone: \"+1-434-979-8871\"\n"))
        #expect(text.contains("    intake_phone: +1-434-972-1800;ext=12\n"))
        #expect(text.contains("    website: http://www.regionten.org\n"))
        #expect(text.contains("    levels_of_care: [SA, MH, OIT, OP]\n"))
        #expect(text.contains("    payment: [MD, MI]\n"))
        #expect(text.contains("    languages: [Spanish]\n"))
        #expect(text.contains("    source: SAMHSA FindTreatment locator; SAMHSA locator, nationwide export\n"))
        #expect(text.contains("    source_date: \"2019\"\n"))
        #expect(text.contains("""
              - id: samhsa:bbb222
                slug: new-place
                name: New Place
                address:
                  street1: 9 Elm St
                  city: Richmond
                  zip: "23219"
                latitude: 37.5
                longitude: -77.4
                source: SAMHSA FindTreatment locator
                source_date: "2019"

            """))
        // The CSV's own values stay: name and street as the newer export gives them.
        #expect(text.contains("    name: REGION TEN\n"))
    }

    @Test func labelsWithoutACodeAreReportedNotGuessed() throws {
        let site = try site()
        let report = try importFile(site, "f.json", Self.json)
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("service label 'Barter' (PAY) has no code in the codebook or the alias table; not imported (1 record)"))
        #expect(!messages.contains { $0.contains("Cognitive behavioral therapy") }, "groups the codebook does not cover are not imported")
        #expect(messages.contains("record 2: phone '123-456-7890' is not a North American number and is left out"))
        #expect(messages.contains("record 2: website 'www.example.org' is not an http(s) URL and is left out"))
    }

    @Test func reimportingTheSameFilesChangesNoByte() throws {
        let site = try site()
        let csv = Self.header + "Region Ten,Outpatient,1014 East Market Street,,Charlottesville,VA,22902,,,38.02,-78.47\nOther,,1 Main,,Richmond,VA,23219,,,,\n"
        _ = try importFile(site, "n.csv", csv)
        _ = try importFile(site, "f.json", Self.json)
        let first = site.snapshot("Content/directory/imported")
        let again = try importFile(site, "f.json", Self.json)
        let csvAgain = try importFile(site, "n.csv", csv)
        #expect(again.added == 0 && again.changed == 0)
        #expect(csvAgain.added == 0 && csvAgain.changed == 0)
        let second = site.snapshot("Content/directory/imported")
        #expect(first.mapValues(\.0) == second.mapValues(\.0))
        #expect(first.mapValues(\.1) == second.mapValues(\.1), "nothing was rewritten")
    }

    @Test func aFailedImportLeavesContentAsItWas() throws {
        let site = try site()
        _ = try importFile(site, "n.csv", Self.header + "Other,,1 Main,,Richmond,VA,23219,,,,\n")
        let before = site.snapshot("Content")
        let report = try importFile(site, "bad.csv", "name1,street1\nX,Y\n")
        #expect(report.exitCode == 1)
        #expect(report.diagnostics.map(\.description).contains("bad.csv:1:1: error: missing column 'name2' in the header"))
        let after = site.snapshot("Content")
        #expect(before.mapValues(\.0) == after.mapValues(\.0))
        #expect(before.mapValues(\.1) == after.mapValues(\.1))
        #expect(!site.exists("Content/directory/.imported-staging"))
    }

    @Test func stateFilesAnImportDoesNotTouchKeepTheirInode() throws {
        let site = try site()
        _ = try importFile(site, "n.csv", Self.header + "Other,,1 Main,,Richmond,VA,23219,,,,\nMass,,1 Main,,Boston,MA,02108,,,,\n")
        let ma = site.inode("Content/directory/imported/ma.yaml")
        _ = try importFile(site, "f.json", Self.json, state: "VA")
        #expect(site.inode("Content/directory/imported/ma.yaml") == ma)
    }
}
