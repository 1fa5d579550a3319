import Foundation
import SiteCore
import SiteTestSupport
import Testing
@testable import SiteContent

/// Today's FindTreatment.gov downloads: the facility listing's CSV (named columns, one flag column per code),
/// several files as one export, coverage declared with `--complete`, one listing per site.
@Suite(.cleansUp) struct LocatorListingImportTests {
    /// The real export's header shape: leading spaces, the 17 named columns, then flags (`zz` is no code).
    static let header = "    name1,name2,street1,street2,city,state,zip,zip4,county,phone,intake_prompt,intake1,intake2,website,latitude,longitude,type_facility,sa,mh,oit,op,md,mi,ss,sp,zz \n"
    static let suRow = "North Shore Counseling,Outpatient Clinic,301 Broadway,,Chelsea,MA,02150,,Suffolk,866-781-6727,,617-555-2000 x308,,http://www.example.org,42.39,-71.03,SU,1,,1,1,1,,1,1,1\n"
    static let mhRow = "North Shore Counseling,Mental Health Clinic,301 Broadway,,Chelsea,MA,02150,,Suffolk,866-781-6727,,,,http://www.example.org,42.39,-71.03,MH,,1,,1,,1,,,\n"
    static let otherRow = "Harbor House,,12 Pier Road,,Gloucester,MA,01930,,Essex,978-283-1000,,,,,42.61,-70.66,SU,1,,,,,,,,\n"
    static let listingName = "FindTreament_Facility_listing_2025_08_19_150020.csv"

    func site(_ files: [String: String] = [:]) throws -> FixtureSite {
        try FixtureSite(["Content/directory/_states.csv": LocatorImporterTests.states + "CA,California,06,california,4,1\n",
                         "Content/directory/_service-codes.csv": LocatorImporterTests.codes + "SP,Language Services,Spanish,A\n"].merging(files) { $1 })
    }

    func importFiles(_ site: FixtureSite, _ files: [(String, String)], options: LocatorImporter.Options = .init()) throws -> ImportReport {
        try site.write(Dictionary(uniqueKeysWithValues: files.map { ("input/\($0.0)", $0.1) }))
        let inputs = files.map { LocatorImporter.InputFile(url: site.root.appendingPathComponent("input/\($0.0)"), displayPath: $0.0) }
        return LocatorImporter(root: site.root).run(files: inputs, options: options)
    }

    @Test func theListingsFlagsPhonesAndDirectoriesBecomeOneListingPerSite() throws {
        let site = try site()
        let report = try importFiles(site, [(Self.listingName, Self.header + Self.suRow + Self.mhRow + Self.otherRow)])
        #expect(report.exitCode == 0)
        #expect(report.source == "FindTreatment.gov facility listing")
        #expect(report.date == "2025-08-19")
        #expect(report.added == 2, "the SU and MH rows of 301 Broadway are one listing")
        let text = try #require(site.read("Content/directory/imported/ma.yaml"))
        #expect(text.contains("    phone: \"+1-866-781-6727\"\n"))
        #expect(text.contains("    intake_phone: +1-617-555-2000;ext=308\n"))
        #expect(text.contains("    website: http://www.example.org\n"))
        #expect(text.contains("    levels_of_care: [SA, OIT, OP, MH]\n"), "both rows' flags, in the order read")
        #expect(text.contains("    payment: [MD, SS, MI]\n"))
        #expect(text.contains("    languages: [Spanish]\n"))
        #expect(text.contains("    source_date: \"2025-08-19\"\n"))
        #expect(report.unsure.count == 1, "the rows' name2 differ: the merge is listed for an editor")
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("1 flag column has no code in the codebook and is not imported: zz (1 row)"))
    }

    @Test func aBOMAndCRLFAndAFileSplitInTwoGiveTheSameStateFile() throws {
        let rows = Self.suRow + Self.mhRow + Self.otherRow
        let plain = try site()
        _ = try importFiles(plain, [(Self.listingName, Self.header + rows)])
        let windows = try site()
        let crlf = ("\u{FEFF}" + Self.header + rows).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try importFiles(windows, [(Self.listingName, crlf)]).exitCode == 0)
        let split = try site()
        let report = try importFiles(split, [("FindTreament_Facility_listing_2025_08_19_150020_1.csv", Self.header + Self.suRow),
                                             ("FindTreament_Facility_listing_2025_08_19_150020_2.csv", Self.header + Self.mhRow + Self.otherRow)])
        #expect(report.exitCode == 0)
        let expected = try #require(plain.read("Content/directory/imported/ma.yaml"))
        #expect(windows.read("Content/directory/imported/ma.yaml") == expected)
        #expect(split.read("Content/directory/imported/ma.yaml") == expected)
    }

    @Test func aSearchExportRetiresNothingUnlessItsStatesAreDeclaredComplete() throws {
        let site = try site()
        _ = try importFiles(site, [(Self.listingName, Self.header + Self.suRow + Self.otherRow)])
        let later = "FindTreament_Facility_listing_2025_09_01_090000.csv"
        let partial = try importFiles(site, [(later, Self.header + Self.suRow)])
        #expect(partial.vanished == 0)
        #expect(partial.coverage.isEmpty)
        #expect(partial.lines.contains { $0.hasPrefix("Nothing retired: a search export covers no state completely") })
        let complete = try importFiles(site, [(later, Self.header + Self.suRow)], options: .init(allowMassRetire: true, complete: ["MA"]))
        #expect(complete.coverage == ["MA"])
        #expect(complete.vanished == 1)
        #expect(site.read("Content/directory/imported/ma.yaml")?.contains("    retired: \"2025-09-01\"\n") == true)
    }

    @Test func filesOfDifferentExportsOrWithoutADateAreRefused() throws {
        let site = try site()
        let mixed = try importFiles(site, [(Self.listingName, Self.header + Self.suRow),
                                           ("FindTreament_Facility_listing_2025_09_01_090000.csv", Self.header + Self.otherRow)])
        #expect(mixed.exitCode == 2)
        #expect(mixed.diagnostics.contains { $0.message.contains("the files of one import must be one export (or give --date)") })
        let undated = try importFiles(site, [("listing.csv", Self.header + Self.suRow)])
        #expect(undated.exitCode == 2)
        #expect(undated.diagnostics.map(\.message).contains("the file's name carries no date (…_YYYY_MM_DD_…): give the day it was downloaded with --date"))
        #expect(site.read("Content/directory/imported/ma.yaml") == nil, "a refused import writes nothing")
        let dated = try importFiles(site, [("listing.csv", Self.header + Self.suRow)], options: .init(date: "2025-08-20"))
        #expect(dated.exitCode == 0)
        #expect(dated.date == "2025-08-20")
    }

    @Test func aRowOfAnotherExportsNameAtTheSameAddressUpdatesTheListing() throws {
        let site = try site()
        let nationwide = LocatorImporterTests.header + "Harbor House Inc,,12 Pier Road,,Gloucester,MA,1930,,Essex,42.61,-70.66\n"
        try site.write(["input/n.csv": nationwide])
        _ = LocatorImporter(root: site.root).run(file: site.root.appendingPathComponent("input/n.csv"), displayPath: "n.csv", options: .init())
        let report = try importFiles(site, [(Self.listingName, Self.header + Self.otherRow)])
        #expect(report.added == 0)
        #expect(report.changed == 1)
        #expect(report.states.flatMap(\.unsure).count == 1)
        let text = try #require(site.read("Content/directory/imported/ma.yaml"))
        #expect(text.contains("    phone: \"+1-978-283-1000\"\n"))
        #expect(text.components(separatedBy: "  - id:").count == 2, "one listing")
    }

    @Test func aJSONPageWithoutFridImportsItsRowsWithCoordinatesPutRight() throws {
        let site = try site()
        let page = """
            {"page": 1, "totalPages": 1, "recordCount": 3, "rows": [
              {"_irow": 1, "name1": "Harbor House", "name2": "", "street1": "12 Pier Road", "street2": "", "city": "Gloucester",
               "state": "MA", "zip": "01930", "phone": "978-283-1000", "intake1": "", "hotline1": "", "website": "",
               "latitude": "42.61", "longitude": "-70.66", "miles": 1.2, "services": null, "typeFacility": "SU"},
              {"_irow": 2, "name1": "Harbor House", "name2": "", "street1": "12 Pier Road", "street2": "", "city": "Gloucester",
               "state": "MA", "zip": "01930", "phone": "978-283-1000", "intake1": "", "hotline1": "", "website": "",
               "latitude": "42.61", "longitude": "-70.66", "miles": 1.2,
               "services": [{"f1": "Type of Care", "f2": "TC", "f3": "Mental health treatment"}], "typeFacility": "MH"},
              {"_irow": 3, "name1": "Mission Clinic", "name2": "", "street1": "14 Valencia Street", "street2": "", "city": "San Francisco",
               "state": "CA", "zip": "94103", "phone": "(999) 999-9999", "intake1": "", "hotline1": "", "website": "",
               "latitude": "-122.42", "longitude": "37.77", "miles": 1.3, "services": null, "typeFacility": "SU"}
            ]}
            """
        let report = try importFiles(site, [("locator_2026_03_02.json", page)])
        #expect(report.exitCode == 0)
        #expect(report.added == 2, "the SU and MH rows of Harbor House are one listing")
        let text = try #require(site.read("Content/directory/imported/ma.yaml"))
        #expect(text.contains("    latitude: 42.61\n    longitude: -70.66\n"))
        let california = try #require(site.read("Content/directory/imported/ca.yaml"))
        #expect(california.contains("    latitude: 37.77\n    longitude: -122.42\n"))
        #expect(!california.contains("999"))
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("record 3: latitude -122.42 and longitude 37.77 are the wrong way round; swapped back"))
        #expect(messages.contains("record 3: phone '(999) 999-9999' is a placeholder (one digit repeated) and is left out"))
        #expect(report.date == "2026-03-02")
    }

    @Test func theRealMassachusettsExportImportsWithPhonesAndOneListingPerSite() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fixture = try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/samhsa/FindTreament_Facility_listing_2025_08_19_MA.csv"), encoding: .utf8)
        let site = try site(["Content/directory/_states.csv": LocatorImporterTests.states + "VT,Vermont,50,vermont,1,10\n"])
        // The real export flags codes this small codebook lacks: reported once, as one warning.
        let report = try importFiles(site, [(Self.listingName, fixture)])
        #expect(report.exitCode == 0)
        let text = try #require(site.read("Content/directory/imported/ma.yaml"))
        let listings = text.components(separatedBy: "\n  - id: ").count - 1
        #expect(listings < 662 && listings >= 440, "\(listings) listings: about one per site, not one per row")
        #expect(text.contains("levels_of_care: [") && text.contains("OIT"))
        #expect(!text.contains("    phone: \"\""))
        let again = try importFiles(site, [(Self.listingName, fixture)])
        #expect(again.changed == 0 && again.added == 0, "a second run changes nothing")
        // The same export (its lines end in CRLF) with LF line ends and a byte-order mark, and split into two files
        // imported together.
        let unix = fixture.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(unix != fixture)
        let lines = unix.split(separator: "\n", omittingEmptySubsequences: false)
        let marked = try self.site(["Content/directory/_states.csv": LocatorImporterTests.states + "VT,Vermont,50,vermont,1,10\n"])
        _ = try importFiles(marked, [(Self.listingName, "\u{FEFF}" + unix)])
        let split = try self.site(["Content/directory/_states.csv": LocatorImporterTests.states + "VT,Vermont,50,vermont,1,10\n"])
        let half = lines.count / 2
        _ = try importFiles(split, [("FindTreament_Facility_listing_2025_08_19_150020_1.csv", lines[..<half].joined(separator: "\n") + "\n"),
                                    ("FindTreament_Facility_listing_2025_08_19_150020_2.csv", ([lines[0]] + lines[half...]).joined(separator: "\n"))])
        for state in ["ma", "vt"] {
            let expected = try #require(site.read("Content/directory/imported/\(state).yaml"))
            #expect(marked.read("Content/directory/imported/\(state).yaml") == expected)
            #expect(split.read("Content/directory/imported/\(state).yaml") == expected)
        }
    }

    @Test(.heavy) func theSameExportAsAWorkbookGivesTheSameStateFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let csv = root.appendingPathComponent("Tests/Fixtures/samhsa/FindTreament_Facility_listing_2025_08_19_MA.csv")
        let fromCSV = try site(["Content/directory/_states.csv": LocatorImporterTests.states + "VT,Vermont,50,vermont,1,10\n"])
        _ = try importFiles(fromCSV, [(Self.listingName, try String(contentsOf: csv, encoding: .utf8))])
        let fromWorkbook = try site(["Content/directory/_states.csv": LocatorImporterTests.states + "VT,Vermont,50,vermont,1,10\n"])
        // openpyxl writes the workbook, as a spreadsheet program would: a title row and an empty row above the header.
        let workbook = fromWorkbook.root.appendingPathComponent("FindTreament_Facility_listing_2025_08_19_150020.xlsx")
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", root.appendingPathComponent("Tests/Fixtures/samhsa/write_workbook.py").path, csv.path, workbook.path]
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0, "python3 with openpyxl (make test-deps installs it) writes the workbook")
        let report = LocatorImporter(root: fromWorkbook.root).run(files: [.init(url: workbook, displayPath: workbook.lastPathComponent)], options: .init())
        #expect(report.exitCode == 0)
        #expect(report.date == "2025-08-19")
        #expect(report.diagnostics.contains { $0.location.line == 148 && $0.message.hasPrefix("row 148 skipped") }, "rows keep the sheet's row numbers")
        for state in ["ma", "vt"] {
            let expected = try #require(fromCSV.read("Content/directory/imported/\(state).yaml"))
            #expect(fromWorkbook.read("Content/directory/imported/\(state).yaml") == expected)
        }
    }
}
