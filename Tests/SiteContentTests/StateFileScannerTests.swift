import Foundation
import SiteCore
import SiteMarkdown
import Testing
@testable import SiteContent

/// The byte scanner of state files against the YAML parser: what it accepts it must read exactly as
/// Yams does, record for record and diagnostic for diagnostic; what it does not know it must leave alone.
struct StateFileScannerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let vocabulary: FacilityVocabulary = {
        let codes = ["SA": "Type of Care", "MH": "Type of Care", "OIT": "Service Setting", "MD": "Payment Accepted", "CBT": "Treatment Approaches"]
        return FacilityVocabulary(codes: Dictionary(uniqueKeysWithValues: codes.map { ($0.key, ServiceCode(code: $0.key, category: $0.value, label: $0.key)) }),
                                  states: ["VA", "CA"], markdown: MarkdownOptions())
    }()

    /// Both readings of one file: (records, diagnostics) as text, scanned first; nil for the scan when it declined.
    static func readBoth(_ text: String, path: String = "Content/directory/imported/va.yaml",
                         vocabulary: FacilityVocabulary = vocabulary) -> (scanned: String?, parsed: String) {
        func describe<Fields: FieldReading>(_ entries: [Fields], _ log: DiagnosticLog) -> String {
            // Every field with its value (a record is a class: its own description would be its type's name).
            let records = entries.map { entry in
                Mirror(reflecting: FacilityRecord.read(entry, vocabulary: vocabulary)).children
                    .map { "\($0.label ?? "?"): \(String(describing: $0.value))" }.joined(separator: ", ")
            }
            return (records + log.diagnostics.map(\.description)).joined(separator: "\n")
        }
        let scanLog = DiagnosticLog()
        let scanned = StateFileScanner.scan(text, path: path, log: scanLog).map { describe($0, scanLog) }
        let parseLog = DiagnosticLog()
        let file = YAMLFile(path: path, text: text, log: parseLog)
        let map = file.root.flatMap { YAMLMapping($0, in: file, what: "state file", log: parseLog) }
        let entries = map?.items("facilities", what: "facility") ?? []
        map?.finish()
        return (scanned, describe(entries, parseLog))
    }

    @Test func everyRealImportedFileIsScannedAndReadAsYAMLReadsIt() throws {
        let folder = Self.root.appendingPathComponent("Content/directory/imported")
        let codes = try String(contentsOf: Self.root.appendingPathComponent("Content/directory/_service-codes.csv"), encoding: .utf8)
        let table = CSVTable(path: "codes", text: codes)
        let log = DiagnosticLog()
        let rows = table.readableRows(log: log).compactMap { row -> ServiceCode? in
            guard let code = table.value("code", in: row), let category = table.value("category", in: row),
                  let label = table.value("label", in: row) else { return nil }
            return ServiceCode(code: code.value, category: category.value, label: label.value)
        }
        let states = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let vocabulary = FacilityVocabulary(codes: Dictionary(rows.map { ($0.code, $0) }) { a, _ in a },
                                            states: Set(states.map { String($0.dropLast(5)).uppercased() }), markdown: MarkdownOptions())
        #expect(states.count == 52)
        for name in states {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let (scanned, parsed) = Self.readBoth(text, path: "Content/directory/imported/\(name)", vocabulary: vocabulary)
            #expect(scanned != nil, "\(name) is not in the importer's layout")
            #expect(scanned == parsed, "\(name) reads differently")
        }
        // Editors' files: when the scanner reads one, it reads it as YAML does.
        let editors = Self.root.appendingPathComponent("Content/directory")
        for name in try FileManager.default.contentsOfDirectory(atPath: editors.path) where name.hasSuffix(".yaml") {
            let text = try String(contentsOf: editors.appendingPathComponent(name), encoding: .utf8)
            let (scanned, parsed) = Self.readBoth(text, path: "Content/directory/\(name)", vocabulary: vocabulary)
            #expect(scanned == nil || scanned == parsed, "\(name) reads differently")
        }
    }

    @Test func problemsAreReportedAsTheYAMLReaderReportsThem() {
        let text = """
            # A comment, and a blank line below.

            facilities:
              - id: samhsa:aaaaaaaaaaaa
                slug: Hope_House
                name: "  Hope \\"House\\"\\tAnnex\\x41 "
                name2: Café – Zweig
                address:
                  street1: 1 Main St
                  city: ""
                  zip: "2321"
                  zip4: 12a4
                  county: [Henrico]
                latitude: "37.5"
                longitude: 1e400
                phone: 555-1234
                website: ftp://example.org
                levels_of_care: [SA, CBT, XX, "Ünï", MD]
                payment: MD
                services: []
                languages: [English, "", Español]
                hours: closed
                featured: "true"
                keep: yes
                verified: 2026-13-01
                source_date: 2020/04
                changed: soon
                retired_reason: moved
                colour: blue
                description: Offers *evening* groups
              - id: samhsa:bbbbbbbbbbbb
                state: CA
                name: River Clinic
                address:
                  city: Norfolk
                  zip: "23510"
                hours:
                  mon: 08:00-17:00
                  tue: whenever
                latitude: -37.25
                longitude: 91
                description: "Two\\nlines"
              - id: ""
                featured: no
            """
        let (scanned, parsed) = Self.readBoth(text)
        #expect(scanned != nil)
        #expect(scanned == parsed)
        #expect(parsed.contains("error: unknown key 'colour' in facility"))
        #expect(parsed.contains("error: bad ZIP code '2321'"))
    }

    @Test func blocksAndFlowMappingsAreReadAsYAMLReadsThem() {
        let text = """
            facilities:
              - id: samhsa:aaaaaaaaaaaa
                hours: {mon: "08:00-17:00", tue: "08:00-12:00, 13:00-17:00", sat: closed, sun: 24h}
                address: {street1: 3 Elm St, city: Richmond, zip: "23220", zip4: "0001"}
                description: |
                  Offers *evening* groups: see [the guide](/intensive-outpatient-program/).

                  ## Hours

                      an indented code block, # and "quotes" kept

                  Last line.


              - id: samhsa:bbbbbbbbbbbb
                description: |
                    Deeper indentation, and an [unsafe link](javascript:alert(1)).
                name: |
                  Two
                  lines
                hours: {mon: whenever, mon: closed}
              - id: samhsa:cccccccccccc
                hours: {}
                featured: |
                  true
                latitude: |
                  37.5
                description: |
                  At the end of the file
            """
        // A duplicate key is YAML's error to report: the scanner leaves the file to it.
        let (refused, _) = Self.readBoth(text + "\n")
        #expect(refused == nil)
        let clean = text.replacingOccurrences(of: "{mon: whenever, mon: closed}", with: "{mon: whenever}")
        for ending in ["\n", ""] {
            let (scanned, parsed) = Self.readBoth(clean + ending)
            #expect(scanned != nil)
            #expect(scanned == parsed)
        }
    }

    @Test(arguments: [
        "facilities:\n  - id: a\n    name: Tab\there\n",
        "facilities:\r\n  - id: a\r\n",
        "facilities:\n  - id: a\n    description: >\n      Folded text\n",
        "facilities:\n  - id: a\n    description: |-\n      Stripped text\n",
        "facilities:\n  - id: a\n    description: |\n\n      After an empty line\n",
        "facilities:\n  - id: a\n    description: |\n      Text\n        \n      More\n",
        "facilities:\n  - id: a\n    hours: {mon: 08:00-17:00}\n",
        "facilities:\n  - id: a\n    name: Hope # a comment\n",
        "facilities:\n  - id: a\n    name: A: B\n",
        "facilities:\n  - id: a\n    name: A\n    name: B\n",
        "facilities:\n   - id: a\n",
        "facilities:\n  - id: a\n    name: Hope\n      House\n",
        "facilities:\n  - id: a\n    address:\n    name: A\n",
        "facilities:\n  - id: a\n    services: [SA, [MH]]\n",
        "facilities:\n  - id: a\n    name: \"unterminated\n",
        "facilities:\n  - id: a\n    name: \"\\u00e9\"\n",
        "facilities:\n  - id: a\n    name: &anchor A\n",
        "facilities: []\n",
        "facilities:\n",
        "other: 1\nfacilities:\n  - id: a\n",
        "facilities:\n  - id: a\n---\n",
        "\u{FEFF}facilities:\n  - id: a\n",
    ])
    func aFileOutsideTheImportersLayoutIsLeftToYAML(_ text: String) {
        #expect(StateFileScanner.scan(text, path: "va.yaml", log: DiagnosticLog()) == nil)
    }
}
