import SiteCore
import SiteTestSupport
import Testing
@testable import SiteContent

/// Loading and validating Content/directory/ on small fixture sites.
@Suite(.cleansUp) struct DirectoryTests {
    static let imported = """
        facilities:
          - id: samhsa:aaaaaaaaaaaa
            slug: hope-house
            name: Hope House
            address:
              street1: 1 Main St
              city: Richmond
              zip: "23219"
            phone: "+1-804-555-0100"
            levels_of_care: [SA, OIT]
            payment: [MD]
            source: SAMHSA locator, nationwide export
            source_date: "2020-04-09"
          - id: samhsa:bbbbbbbbbbbb
            slug: river-clinic
            name: River Clinic
            address:
              street1: 2 Main St
              city: Norfolk
              zip: "23510"
            source: SAMHSA locator, nationwide export
            source_date: "2020-04-09"
        """

    func load(_ files: [String: String], today: ContentDate? = ContentDate("2026-11-29")) throws -> (Directory?, [String]) {
        let site = try FixtureSite([
            "Content/site.yaml": "title: T\nbase_url: https://e.org/\ndirectory:\n  verified_max_age_days: 365\n",
            "Content/directory/_states.csv": LocatorImporterTests.states,
            "Content/directory/_service-codes.csv": LocatorImporterTests.codes,
            "Content/directory/imported/va.yaml": Self.imported,
        ].merging(files) { $1 })
        let result = ContentLoader(root: site.root, shortcodes: [], today: today).load()
        return (result.content?.directory, result.diagnostics.map(\.description))
    }

    @Test func importedListingsLoadWithOverridesWinning() throws {
        let (directory, messages) = try load(["Content/directory/va.yaml": """
            facilities:
              - id: samhsa:aaaaaaaaaaaa
                phone: (804) 555-0199 x7
                hours: {mon: "08:00-17:00", tue: "08:00-12:00, 13:00-17:00", sat: closed, sun: 24h}
                description: "Offers *evening* groups."
                verified: 2026-06-01
              - id: local:new-place
                slug: new-place
                name: New Place
                address: {street1: 3 Elm St, city: Richmond, zip: "23220", zip4: "0001"}
                source: Editor, by phone
                source_date: 2026-10-01
            """])
        #expect(messages == [
            "Content/directory:1:1: note: 2 listings not verified by an editor, in 1 state (--verbose lists them by state)",
            "Content/directory/imported/va.yaml:1:1: note: 2 of 3 listings in Virginia have not been verified by an editor",
        ])
        let facilities = try #require(directory).facilities
        #expect(facilities.map(\.id.value) == ["samhsa:aaaaaaaaaaaa", "samhsa:bbbbbbbbbbbb", "local:new-place"])
        let hope = facilities[0]
        #expect(hope.phone?.value.description == "+1-804-555-0199;ext=7")
        #expect(hope.phone?.location.description == "Content/directory/va.yaml:3:12")
        #expect(hope.levelsOfCare == ["SA", "OIT"])
        #expect(hope.hours?.value.days.map { "\($0.day.rawValue) \($0.hours.text)" } == ["mon 08:00-17:00", "tue 08:00-12:00, 13:00-17:00", "sat closed", "sun 24h"])
        #expect(hope.verified?.value.description == "2026-06-01")
        #expect(hope.state == "VA")
    }

    @Test func everyFieldRuleIsCheckedAtItsPosition() throws {
        let (_, messages) = try load(["Content/directory/va.yaml": """
            facilities:
              - id: samhsa:aaaaaaaaaaaa
                phone: 555-1234
                intake_phone: (123) 456-7890
                website: ftp://example.org
                levels_of_care: [OIT, XYZ, MD]
                payment: [SA]
                hours: {mon: "17:00-08:00", fri: "9-5", holiday: closed}
                state: MA
              - id: samhsa:cccccccccccc
                featured: true
              - id: local:incomplete
                name: Incomplete
                address: {street1: 1 A St, city: Richmond, zip: "2321", zip4: "12345"}
            """])
        #expect(messages == [
            "Content/directory:1:1: note: 2 listings not verified by an editor, in 1 state (--verbose lists them by state)",
            "Content/directory/imported/va.yaml:1:1: note: 2 of 2 listings in Virginia have not been verified by an editor",
            "Content/directory/va.yaml:3:12: error: bad phone number '555-1234' in 'phone' (expected a 10-digit North American number)",
            "Content/directory/va.yaml:4:19: error: bad phone number '(123) 456-7890' in 'intake_phone' (expected a 10-digit North American number)",
            "Content/directory/va.yaml:5:14: error: 'website' must be an http or https URL, not 'ftp://example.org'",
            "Content/directory/va.yaml:6:27: error: unknown service code 'XYZ' in 'levels_of_care'",
            "Content/directory/va.yaml:6:32: error: 'MD' (Payment Accepted) is not a level of care code",
            "Content/directory/va.yaml:7:15: error: 'SA' (Type of Care) is not a payment code",
            "Content/directory/va.yaml:8:18: error: bad hours '17:00-08:00' for mon (expected HH:MM-HH:MM, closed or 24h)",
            "Content/directory/va.yaml:8:38: error: bad hours '9-5' for fri (expected HH:MM-HH:MM, closed or 24h)",
            "Content/directory/va.yaml:8:45: error: unknown key 'holiday' in hours (expected one of: fri, mon, sat, sun, thu, tue, wed)",
            "Content/directory/va.yaml:9:12: error: state 'MA' does not match the file's state VA",
            "Content/directory/va.yaml:10:9: error: override 'samhsa:cccccccccccc' matches no imported facility",
            "Content/directory/va.yaml:12:5: error: facility 'local:incomplete' is missing source, source_date",
            "Content/directory/va.yaml:14:53: error: bad ZIP code '2321' (expected 5 digits)",
            "Content/directory/va.yaml:14:67: error: bad ZIP+4 extension '12345' (expected 4 digits)",
        ])
    }

    @Test func unknownStatesDuplicateIDsAndSlugsAreErrors() throws {
        let duplicate = Self.imported + """

              - id: samhsa:aaaaaaaaaaaa
                slug: other
                name: Again
                address: {street1: 9 A St, city: Richmond, zip: "23219"}
                source: S
                source_date: "2020"
              - id: samhsa:dddddddddddd
                slug: hope-house
                name: Hope House Two
                address: {street1: 9 B St, city: Richmond, zip: "23219"}
                source: S
                source_date: "2020"
            """
        let (_, messages) = try load(["Content/directory/imported/va.yaml": duplicate,
                                      "Content/directory/imported/zz.yaml": "facilities: []\n"])
        #expect(messages.contains("Content/directory/imported/va.yaml:23:9: error: duplicate facility id 'samhsa:aaaaaaaaaaaa' (first at Content/directory/imported/va.yaml:2:9)"))
        #expect(messages.contains("Content/directory/imported/va.yaml:30:11: error: duplicate slug 'hope-house' in VA (first at Content/directory/imported/va.yaml:3:11)"))
        #expect(messages.contains("Content/directory/imported/zz.yaml:1:1: error: unknown state 'zz': a state file is named by its lowercase USPS code (e.g. va.yaml)"))
    }

    @Test func featuredAndVerifiedListingsAreWarnedAbout() throws {
        let (_, messages) = try load(["Content/directory/va.yaml": """
            facilities:
              - id: samhsa:aaaaaaaaaaaa
                featured: true
                verified: 2025-01-01
              - id: samhsa:bbbbbbbbbbbb
                featured: true
            """])
        #expect(messages == [
            "Content/directory:1:1: note: 1 listing not verified by an editor, in 1 state (--verbose lists them by state)",
            "Content/directory/imported/va.yaml:1:1: note: 1 of 2 listings in Virginia have not been verified by an editor",
            "Content/directory/va.yaml:4:15: warning: listing was verified on 2025-01-01, 697 days ago (more than 365); confirm it again",
            "Content/directory/va.yaml:6:15: warning: featured facility 'River Clinic' does not list intensive outpatient treatment (OIT)",
            "Content/directory/va.yaml:6:15: warning: featured facility 'River Clinic' has never been verified by an editor",
        ])
    }

    @Test func phoneNumbersNormalise() {
        #expect(PhoneNumber("434-979-8871")?.description == "+1-434-979-8871")
        #expect(PhoneNumber("1 (434) 979.8871 ext. 204")?.description == "+1-434-979-8871;ext=204")
        #expect(PhoneNumber("+1-434-979-8871;ext=12")?.display == "(434) 979-8871, ext. 12")
        #expect(PhoneNumber("979-8871") == nil)
        #expect(PhoneNumber("134-979-8871") == nil)
        #expect(PhoneNumber("434-979-8871 call us") == nil)
        // The normalised form, read from its bytes, and its near misses, read by the general rules.
        #expect(PhoneNumber("+1-434-979-8871")?.description == "+1-434-979-8871")
        #expect(PhoneNumber("+1-134-979-8871") == nil)
        #expect(PhoneNumber("+1-434-179-8871") == nil)
        #expect(PhoneNumber("+1-434-979-887x")?.description == nil)
    }

    @Test func openingHoursTrimAndLowercase() {
        #expect(OpeningHours.Hours(" Closed\t") != nil)
        #expect(OpeningHours.Hours("24H").map { "\($0)" } == OpeningHours.Hours("24h").map { "\($0)" })
        #expect(OpeningHours.Hours(" 08:00-12:00 ,\t13:00-17:00 ")?.text == "08:00-12:00, 13:00-17:00")
        #expect(OpeningHours.Hours("\u{00A0}08:00-12:00")?.text == "08:00-12:00")
        #expect(OpeningHours.Hours("12:00-08:00") == nil)
        #expect(OpeningHours.Hours("08:00-12:00, 11:00-17:00") == nil)
        #expect(OpeningHours.Hours("08:00-24:00")?.text == "08:00-24:00")
        #expect(OpeningHours.Hours("08:00-24:30") == nil)
        // Outside the strict form, the general rules: empty parts between commas are skipped.
        #expect(OpeningHours.Hours("08:00-12:00,,13:00-17:00")?.text == "08:00-12:00, 13:00-17:00")
    }

    @Test func hoursReadFromTheirBytesAreTheHoursTheRulesRead() {
        var generator = SplitMix64(seed: 11)
        let pieces = ["08:00-17:00", "00:00-24:00", "13:30-19:45", "24:00-24:00", "17:00-08:00", "9:00-17:00", "08:60-09:00",
                      "08:00-12:00", "12:00-13:00", ", ", ",", " ", "closed", "24h", "Closed", "-", ":", "a"]
        var accepted = 0
        for _ in 0..<3_000 {
            let text = (0..<Int(1 + generator.next() % 4)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let rules = OpeningHours.Hours.readByRules(text)
            if let plain = OpeningHours.Hours.plain(text) {
                accepted += 1
                #expect(plain.text == rules?.text, "\(text)")
            }
            #expect(OpeningHours.Hours(text)?.text == rules?.text, "\(text)")
        }
        #expect(accepted > 100)
    }

    @Test func readerGroupsAreTheFacetsGroupsAListingsCodesFallInInDisplayOrder() {
        #expect(ReaderGroup.groups(.care, for: ["OIT", "XX", "RD", "DT"]).map(\.id) == ["detox", "iop"])
        #expect(ReaderGroup.groups(.payment, for: ["PA", "PI", "SS"]).map(\.id) == ["private", "sliding"])
        #expect(ReaderGroup.groups(.care, for: ["PI"]).isEmpty)
        // The mask names the same groups, bit i for group i of the facet.
        for codes in [["OIT", "XX", "RD", "DT"], ["PI"], [], ["RES", "ODT", "TELE", "OP"]] {
            let mask = ReaderGroup.mask(.care, for: codes)
            #expect(ReaderGroup.levelsOfCare.indices.filter { mask & (1 << $0) != 0 }.map { ReaderGroup.levelsOfCare[$0].id }
                    == ReaderGroup.groups(.care, for: codes).map(\.id))
            #expect(ReaderGroup.groups(.care, in: mask) == ReaderGroup.groups(.care, for: codes))
        }
        #expect(ReaderGroup.mask(.payment, for: ["PA", "PI", "SS"]) == 0b100_0001)
    }

    @Test func datesCountDays() {
        #expect(ContentDate("2026-11-29")!.days(since: ContentDate("2025-11-29")!) == 365)
        #expect(ContentDate(dayNumber: ContentDate("2024-02-29")!.dayNumber).description == "2024-02-29")
        #expect(ContentDate(dayNumber: 0).description == "1970-01-01")
    }
}
