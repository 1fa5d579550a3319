import Foundation
import SiteContent
import SiteCore
import SiteTestSupport

/// Makes seeded, repeatable random edits to `IncrementalFixture`'s site, as an editor would: content,
/// data, listings, templates, assets; creating, renaming and deleting files; breaking things and then
/// fixing them. The directory is kept as a model and written from it, so every listing edit is valid YAML
/// unless it is meant to break.
struct SiteEditor {
    struct Listing {
        let number: Int
        var state: String
        var city: String
        var phone: String
        var present = true
        var featured = false
        var renamed: String?
        var moved = false
        /// Gone from its source's data: retired by the importer.
        var retired = false
        var name: String { ["Alpha House", "Birch Clinic", "Cedar Center", "Dogwood Recovery", "Elm Program", "Fir Counseling"][number % 6] }
    }

    let site: FixtureSite
    private var random: SplitMix64
    private var listings: [Listing]
    /// Files broken on purpose, with the text that fixes them.
    private var broken: [String: String] = [:]
    private var extraGuides: [String] = []
    private var extraAssets: [String] = []
    private var counter = 0
    /// What each edit did, for the message of a failing comparison.
    private(set) var log: [String] = []

    init(site: FixtureSite, seed: UInt64) {
        self.site = site
        random = SplitMix64(seed: seed)
        let cities = ["Richmond", "Richmond", "Richmond", "Norfolk", "Norfolk", "Roanoke"]
        listings = (0..<18).map { number in
            Listing(number: number, state: number < 12 ? "VA" : "MD", city: number < 12 ? cities[number % 6] : (number % 2 == 0 ? "Baltimore" : "Towson"),
                    phone: "804-555-\(String(format: "%04d", 100 + number))", featured: number == 0 || number == 2)
        }
    }

    var isBroken: Bool { !broken.isEmpty }

    /// One random edit.
    mutating func edit() throws {
        counter += 1
        let n = counter
        switch random.next(below: 23) {
        case 0: try change("Content/guide/the-guide.md", "guide sentence") { $0.replacingOccurrences(of: "\n## Compare", with: "\nNote \(n).\n\n## Compare") }
        case 1: try change("Content/guide/the-guide.md", "guide citation") { $0.replacingOccurrences(of: "Programs help [@drake2007].", with: "Programs help [@drake2007][@mccarty2014].") }
        case 2: try change("Content/guide/data/faq.yaml", "FAQ answer") { $0.replacingOccurrences(of: "facility.\n", with: "facility (\(n)).\n") }
        case 3, 4: try editListing(n)
        case 5: try change("Templates/\(["faq", "listing", "facility", "state", "footer", "sources", "layout", "header", "retired"][random.next(below: 9)]).mustache", "template") { $0 + "<!-- \(n) -->\n" }
        case 6: try change("Templates/assets/site.css", "stylesheet") { $0 + ".edit-\(n) { color: #123; }\n" }
        case 7: try toggleExtraAsset(n)
        case 8: try toggleExtraGuide(n)
        case 9: try renameExtraGuide(n)
        case 10: try change("Content/site.yaml", "site title") { $0.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: Site \(n % 3)", options: .regularExpression) }
        case 11: try change("Content/sources.yaml", "source title") { $0.replacingOccurrences(of: "Program implications", with: "Program implications \(n % 4)") }
        case 12: try breakSomething(n)
        case 13: try fix()
        case 14: try touch()
        case 16: try change(Geography.zipFile, "ZIP code point") { $0.replacingOccurrences(of: #"20001,Town,VA,[0-9.]+,"#, with: "20001,Town,VA,\(String(format: "%.4f", 37 + Double(n % 5) / 7)),", options: .regularExpression) }
        case 17: try change("Templates/i18n/es.yaml", "Spanish word") { $0.replacingOccurrences(of: #"(?m)^  show: .*$"#, with: "  show: Ver centros \(n % 3)", options: .regularExpression) }
        case 18: try change("Templates/i18n/en.yaml", "English word") { $0.replacingOccurrences(of: #"(?m)^  skip: .*$"#, with: "  skip: Skip to content \(n % 3)", options: .regularExpression) }
        case 19: try change("Content/guide/es/the-guide.md", "translation sentence") { $0.replacingOccurrences(of: "\n## Compare", with: "\nNota \(n).\n\n## Compare") }
        case 20: try toggleExtraTranslation(n)
        // Words the directory's index holds (a filter's label, a month of the data dates), in each language.
        case 21: try change("Templates/i18n/es.yaml", "Spanish label") { $0.replacingOccurrences(of: #"(?m)^  iop: .*$"#, with: "  iop: Ambulatorio intensivo \(n % 3)", options: .regularExpression) }
        case 22: try change("Templates/i18n/en.yaml", "English month") { $0.replacingOccurrences(of: #"(?m)^    4: .*$"#, with: "    4: April \(n % 3)", options: .regularExpression) }
        default: try editListing(n)
        }
    }

    /// A translation goes with the guide it translates (one left alone is an error).
    private mutating func removeTranslation(of guide: String?) throws {
        guard let guide else { return }
        let translation = "Content/guide/es/" + guide.split(separator: "/").last!
        guard site.exists(translation) else { return }
        try site.remove(translation)
        log.append("delete \(translation)")
    }

    /// Adds a Spanish translation of an extra guide, or deletes the one added: the English guide's alternates change.
    private mutating func toggleExtraTranslation(_ n: Int) throws {
        guard let guide = extraGuides.last else { return try toggleExtraGuide(n) }
        let translation = "Content/guide/es/" + guide.split(separator: "/").last!
        if site.exists(translation) {
            try site.remove(translation)
            log.append("delete \(translation)")
        } else {
            try site.write([translation: "---\ntitle: Extra \(n)\ndescription: Más.\nslug: extra-es-\(n)\npublished: 2024-05-06\n---\nVea [la guía](/es/la-guia/).\n"])
            log.append("create \(translation)")
        }
    }

    /// Undoes every deliberate break, leaving the sources valid.
    mutating func fix() throws {
        for (path, text) in broken { try site.write([path: text]) }
        if !broken.isEmpty { log.append("fix \(broken.keys.sorted())") }
        broken = [:]
        try writeDirectory()
    }

    private mutating func change(_ path: String, _ what: String, _ transform: (String) -> String) throws {
        guard broken[path] == nil, let text = site.read(path) else { return }
        try site.write([path: transform(text)])
        log.append("\(what): \(path)")
    }

    private mutating func editListing(_ n: Int) throws {
        let index = random.next(below: listings.count)
        var listing = listings[index]
        switch random.next(below: 8) {
        case 7: listing.retired.toggle()
        case 6: listing.moved.toggle()
        case 0: listing.phone = "804-555-\(String(format: "%04d", 2000 + n % 7000))"
        case 1: listing.city = ["Richmond", "Norfolk", "Roanoke", "Baltimore", "Towson"][random.next(below: 5)]
        case 2: listing.featured.toggle()
        case 3: listing.renamed = listing.renamed == nil ? "Renamed \(n % 5)" : nil
        case 4: listing.present.toggle()
        default: listing.state = listing.state == "VA" ? "MD" : "VA"
        }
        listings[index] = listing
        log.append("listing \(listing.number): \(listing)")
        try writeDirectory()
    }

    /// Writes the imported and editor files of both states from the model.
    private mutating func writeDirectory() throws {
        // The model is the truth for the directory: writing it also mends a deliberate break there.
        broken = broken.filter { !$0.key.hasPrefix("Content/directory/") }
        for state in ["VA", "MD"] {
            let mine = listings.filter { $0.state == state && $0.present }
            let imported = "facilities:\n" + mine.map { listing in
                """
                  - id: "\(String(format: "samhsa:%012x", listing.number))"
                    slug: \(Slug.make(listing.name))-\(listing.number)
                    name: \(listing.name)
                    address: {street1: \(listing.number) Main St, city: \(listing.city), zip: "2\(String(format: "%04d", listing.number))"}
                    phone: "\(listing.phone)"
                    levels_of_care: [\(listing.number % 2 == 0 ? "OIT" : "SA")]
                    payment: [MD]
                \(IncrementalFixture.coordinates(listing.number, moved: listing.moved))    source: SAMHSA locator
                    source_date: "2020-04-09"
                \(listing.retired ? "    retired: \"2026-11-01\"\n" : "")
                """
            }.joined()
            let path = "Content/directory/imported/\(state.lowercased()).yaml"
            if mine.isEmpty { if site.exists(path) { try site.remove(path) } } else { try site.write([path: imported]) }
            var overrides = mine.filter { $0.featured || $0.renamed != nil }.map { listing in
                "  - id: \"\(String(format: "samhsa:%012x", listing.number))\"\n" + (listing.featured ? "    featured: true\n" : "")
                    + (listing.renamed.map { "    name: \($0)\n" } ?? "")
            }
            if state == "VA" {
                overrides.append("  - id: local:willow-place\n    name: Willow Place\n    address: {street1: 7 Oak St, city: Richmond, zip: \"23220\"}\n"
                                 + "    description: |\n      A made-up center that cites a source [@drake2007].\n    source: editor\n    source_date: \"2026-11-02\"\n")
            }
            let editor = "Content/directory/\(state.lowercased()).yaml"
            if overrides.isEmpty { if site.exists(editor) { try site.remove(editor) } } else { try site.write([editor: "facilities:\n" + overrides.joined()]) }
        }
    }

    private mutating func toggleExtraAsset(_ n: Int) throws {
        extraAssets = try toggled(extraAssets, create: "Templates/assets/extra-\(n).css", text: ".extra { margin: \(n)px; }\n")
    }

    private mutating func toggleExtraGuide(_ n: Int) throws {
        try removeTranslation(of: extraGuides.last)
        extraGuides = try toggled(extraGuides, create: "Content/guide/extra-\(n).md",
                                  text: "---\ntitle: Extra \(n)\ndescription: More.\npublished: 2024-05-06\n---\nSee [the guide](/the-guide/).\n")
    }

    /// Deletes the last file of `files`, or, when there is none, creates `path` with `text`; the files left.
    private mutating func toggled(_ files: [String], create path: String, text: String) throws -> [String] {
        var files = files
        if let last = files.popLast() {
            try site.remove(last)
            log.append("delete \(last)")
        } else {
            try site.write([path: text])
            files.append(path)
            log.append("create \(path)")
        }
        return files
    }

    private mutating func renameExtraGuide(_ n: Int) throws {
        guard let path = extraGuides.popLast() else { return try toggleExtraGuide(n) }
        try removeTranslation(of: path)
        let renamed = "Content/guide/renamed-\(n).md"
        try FileManager.default.moveItem(at: site.root.appendingPathComponent(path), to: site.root.appendingPathComponent(renamed))
        extraGuides.append(renamed)
        log.append("rename \(path) → \(renamed)")
    }

    /// Breaks one file so that the build fails, remembering how to fix it.
    private mutating func breakSomething(_ n: Int) throws {
        let breaks: [(String, (String) -> String)] = [
            ("Content/guide/the-guide.md", { $0 + "\nUnknown [@nobody\(n)].\n" }),
            ("Templates/faq.mustache", { $0 + "{{#unclosed}}\n" }),
            ("Content/directory/imported/va.yaml", { $0 + "  - {id: \"broken\n" }),
            ("Content/guide/data/schedule.yaml", { $0 + "\nnot_a_key: 1\n" }),
        ]
        let (path, transform) = breaks[random.next(below: breaks.count)]
        guard broken[path] == nil, let text = site.read(path) else { return }
        broken[path] = text
        try site.write([path: transform(text)])
        log.append("break \(path)")
    }

    /// Rewrites a file with the same bytes: nothing may change.
    private mutating func touch() throws {
        let path = "Content/guide/data/insurers.csv"
        if let text = site.read(path) { try site.write([path: text]) }
        log.append("touch \(path)")
    }
}
