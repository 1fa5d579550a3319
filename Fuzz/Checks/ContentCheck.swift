import Foundation
import SiteCore
import SiteMarkdown
import SiteBuild
import SiteContent

extension FuzzTarget {
    /// Content files: front matter and every YAML reader. The first byte chooses the reader, the rest is the file.
    public static let content = FuzzTarget(
        name: "content",
        summary: "A content file read by its own reader, " + ContentCheck.Reader.menu + ". Every diagnostic lies inside the file.",
        check: ContentCheck.problems)
}

/// The content target's checks.
enum ContentCheck {
    /// The readers, numbered as the input's first byte picks them.
    enum Reader: Int, ReaderChoice {
        case guidePage, guidePageWithSiteReviewer, siteSettings, bibliography, comparison, schedule, modalities, faq, insurers,
             importedFacilities, facilityOverrides, translatedGuidePage, stringTable

        var path: String {
            switch self {
            case .guidePage, .guidePageWithSiteReviewer: "Content/guide/fuzzed.md"
            case .siteSettings: "Content/site.yaml"
            case .bibliography: "Content/sources.yaml"
            case .comparison: GuideData.Part.comparison.path
            case .schedule: GuideData.Part.schedule.path
            case .modalities: GuideData.Part.modalities.path
            case .faq: GuideData.Part.faq.path
            case .insurers: GuideData.Part.insurers.path
            case .importedFacilities: "\(DirectoryLoader.folder)/imported/va.yaml"
            case .facilityOverrides: "\(DirectoryLoader.folder)/va.yaml"
            case .translatedGuidePage: "Content/guide/es/fuzzed.md"
            case .stringTable: "Templates/i18n/es.yaml"
            }
        }
    }

    static let markdown = MarkdownOptions(shortcodes: Component.shortcodes, reservedIDs: ["main", "sources", "top"])

    static func problems(_ input: [UInt8]) -> [String] {
        guard let chosen = Reader.split(input) else { return [] }
        let (reader, file) = chosen
        let path = reader.path
        let decoded = InputBounds.decode(file, path: path)
        guard let text = decoded.text else { return decoded.problems }
        let log = DiagnosticLog()
        var bounds = InputBounds([path: text])
        var broken: [String] = []
        switch reader {
        case .guidePage, .guidePageWithSiteReviewer:
            _ = GuidePage.read(path: path, text: text, options: markdown, siteHasReviewer: reader == .guidePageWithSiteReviewer, log: log)
        case .translatedGuidePage:
            _ = GuidePage.read(path: path, text: text, options: markdown, siteHasReviewer: false, translation: true, log: log)
        case .stringTable:
            let table = StringTable.read(language: "es", path: path, text: text, log: log)
            // Every text the table keeps splits into its parts, and filling it never leaves a placeholder of a given value.
            for (key, entry) in table.entries {
                for form in [entry.forms].flatMap({ forms -> [String] in
                    switch forms { case .text(let text): [text]; case .plural(let one, let other): [one, other] }
                }) where (try? StringTable.parts(of: form).get()) == nil {
                    broken.append("'\(key)' was kept but does not split into parts")
                }
            }
        case .siteSettings:
            _ = SiteConfig.read(YAMLFile(path: path, text: text, log: log), log: log)
        case .bibliography:
            _ = Bibliography.read(YAMLFile(path: path, text: text, log: log), log: log)
        case .comparison, .schedule, .modalities, .faq, .insurers:
            let part = GuideData.Part.allCases.first { $0.path == path }!
            _ = GuideData.read(parts: [part], exists: { $0 == path }, read: { _ in text }, options: markdown, log: log)
        case .importedFacilities, .facilityOverrides:
            var files = DirectoryFixture.files
            files[path] = text
            for (fixed, fixedText) in files where fixed != path { bounds.add(fixedText, at: fixed) }
            bounds.addFolder(DirectoryLoader.folder)
            _ = DirectoryLoader(exists: { files[$0] != nil }, read: { files[$0] }, list: { folder in
                files.keys.filter { $0.hasPrefix(folder + "/") && !$0.dropFirst(folder.count + 1).contains("/") }
                    .map { String($0.dropFirst(folder.count + 1)) }.sorted()
            }, log: log, markdown: markdown, today: ContentDate("2026-11-30"), maxAgeDays: 365).load()
        }
        return bounds.problems(log.diagnostics) + broken
    }
}

/// A small directory the facility readers work against: two states, part of the codebook and one imported
/// listing, copied from `Content/directory/`.
enum DirectoryFixture {
    static let files: [String: String] = [
        "\(DirectoryLoader.folder)/_states.csv": """
            code,name,fips,slug,tile_row,tile_col
            DC,District of Columbia,11,district-of-columbia,6,9
            VA,Virginia,51,virginia,5,8

            """,
        "\(DirectoryLoader.folder)/_service-codes.csv": """
            code,category,label,source
            SA,Type of Care,Substance use treatment,A;B
            DT,Type of Care,Detoxification,A;B;C
            OP,Service Setting,Outpatient,A;B;C
            MD,Payment Accepted,Medicaid,A;B;C;E
            MC,Payment Accepted,Medicare,A;B;C;E
            VET,Special Programs,Veterans,C

            """,
        "\(DirectoryLoader.folder)/imported/va.yaml": """
            facilities:
              - id: samhsa:01564a042e16
                slug: empowering-families-program
                name: Empowering Families Program
                name2: Substance Abuse Intensive Outpatient
                address:
                  street1: 901 Preston Avenue
                  street2: Suite 201
                  city: Charlottesville
                  zip: "22903"
                  county: Charlottesville City
                latitude: 38.0374836
                longitude: -78.488558
                phone: "+1-434-971-8454"
                levels_of_care: [SA, OP]
                payment: [MC, MD]
                services: [VET]
                source: SAMHSA locator, nationwide export
                source_date: "2020-04-09"

            """,
    ]
}
