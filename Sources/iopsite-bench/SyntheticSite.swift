import Foundation
import SiteCore

/// A deterministic synthetic site in iopsite's content format: the repository's guide, bibliography,
/// settings and theme, plus N made-up facilities spread over the states by population, each in its
/// state's editors' file with a Markdown description, hours, levels of care and payment.
///
/// Every facility is fictional ("Synthetic Recovery Center 00042"); no real listing is copied.
struct SyntheticSite {
    /// One made-up listing, as both generators write it.
    struct Listing {
        var number: Int
        var state: State
        var slug: String
        var name: String
        var street: String
        var city: String
        var zip: String
        var latitude: Double
        var longitude: Double
        var phone: String
        var website: String
        var levels: [String]
        var payment: [String]
        var hours: [(String, String)]
        var description: String
    }

    struct State {
        var code: String
        var name: String
        var slug: String
        /// Residents in thousands (2020 census, rounded): the share of listings the state gets.
        var weight: Int
    }

    let facilities: Int
    let listings: [Listing]
    let states: [State]

    init(facilities: Int, states: [State]) {
        self.facilities = facilities
        self.states = states
        var random = SplitMix64(seed: 0x10B5_17E5)
        let total = states.reduce(0) { $0 + $1.weight }
        // Largest remainder: the counts sum to exactly `facilities`.
        let exact = states.map { Double(facilities) * Double($0.weight) / Double(total) }
        var counts = exact.map { Int($0) }
        let order = exact.indices.sorted { exact[$0] - Double(counts[$0]) > exact[$1] - Double(counts[$1]) }
        for index in order.prefix(facilities - counts.reduce(0, +)) { counts[index] += 1 }
        var listings: [Listing] = []
        var number = 0
        for (state, count) in zip(states, counts) {
            for _ in 0..<count {
                number += 1
                listings.append(Self.listing(number, in: state, random: &random))
            }
        }
        self.listings = listings
    }

    static let levelCodes = ["SA", "MH", "SUMH", "OP", "OIT", "ORT", "PH", "DT"]
    static let paymentCodes = ["PI", "MD", "MC", "SF", "SI", "MI", "SS", "PA"]
    static let streets = ["Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Park Road", "Lake Boulevard", "Hill Street", "River Way"]
    static let words = ["group", "therapy", "evening", "family", "recovery", "support", "counseling", "sessions", "weekly", "program",
                        "care", "plan", "medication", "peer", "skills", "relapse", "prevention", "adults", "youth", "assessment"]

    private static func listing(_ number: Int, in state: State, random: inout SplitMix64) -> Listing {
        let id = String(format: "%05d", number)
        // Cities of very different sizes: city k of a state gets about 1/k of its listings.
        let city = "Synthetic City \(Int(1 / max(0.02, random.unit())))"
        var paragraphs: [String] = []
        let wordCount = 80 + Int(random.next() % 71)
        var sentence: [String] = []
        for index in 0..<wordCount {
            var word = words[Int(random.next() % UInt64(words.count))]
            if index % 37 == 5 { word = "[\(word)](https://example.org/\(state.slug)/\(id)/\(index))" }
            if index % 41 == 9 { word = "**\(word)**" }
            sentence.append(word)
            if sentence.count >= 12 || index == wordCount - 1 {
                paragraphs.append(sentence.joined(separator: " ").prefix(1).uppercased() + sentence.joined(separator: " ").dropFirst() + ".")
                sentence = []
            }
        }
        let description = stride(from: 0, to: paragraphs.count, by: 3).map { paragraphs[$0..<min($0 + 3, paragraphs.count)].joined(separator: " ") }
            .joined(separator: "\n\n")
        func pick(_ codes: [String], _ count: Int) -> [String] {
            var chosen: [String] = []
            while chosen.count < count {
                let code = codes[Int(random.next() % UInt64(codes.count))]
                if !chosen.contains(code) { chosen.append(code) }
            }
            return chosen.sorted()
        }
        let area = 201 + Int(random.next() % 700)
        let fixedArea = area % 100 == 11 || (area / 10) % 10 == 9 ? 212 : area
        let exchange = 200 + Int(random.next() % 700)
        let fixedExchange = exchange % 100 == 11 || exchange == 555 ? 234 : exchange
        return Listing(
            number: number, state: state, slug: "synthetic-recovery-center-\(id)", name: "Synthetic Recovery Center \(id)",
            street: "\(1 + random.next() % 9999) \(streets[Int(random.next() % UInt64(streets.count))])", city: city,
            zip: String(format: "%05d", 10000 + Int(random.next() % 89999)),
            latitude: 25 + random.unit() * 23, longitude: -124 + random.unit() * 57,
            phone: String(format: "+1-%03d-%03d-%04d", fixedArea, fixedExchange, Int(random.next() % 10000)),
            website: "https://example.org/centers/\(id)/",
            levels: ["SA"] + pick(Array(levelCodes.dropFirst()), 2), payment: pick(paymentCodes, 3),
            hours: [("mon", "08:00-17:00"), ("tue", "08:00-17:00"), ("wed", "08:00-12:00, 13:00-19:00"), ("thu", "08:00-17:00"),
                    ("fri", "08:00-16:00"), ("sat", number % 3 == 0 ? "09:00-12:00" : "closed"), ("sun", "closed")],
            description: description)
    }

    /// Writes the site under `root`: the repository's `Content/` (guide, bibliography, settings, the
    /// codebooks) and `Templates/`, with the directory replaced by the synthetic listings. The site is English
    /// alone, as the Hugo site it is measured beside: the settings' `languages:` are left out.
    func write(to root: URL, from repository: URL) throws {
        let files = FileManager.default
        try? files.removeItem(at: root)
        try files.createDirectory(at: root.appendingPathComponent("Content/directory"), withIntermediateDirectories: true)
        for item in ["Content/site.yaml", "Content/sources.yaml", "Content/guide", "Templates",
                     "Content/directory/_states.csv", "Content/directory/_service-codes.csv"] {
            try files.copyItem(at: repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        let settings = root.appendingPathComponent("Content/site.yaml")
        try Data(Self.oneLanguage(try String(contentsOf: settings, encoding: .utf8)).utf8).write(to: settings)
        for state in states {
            let mine = listings.filter { $0.state.code == state.code }
            guard !mine.isEmpty else { continue }
            var text = "facilities:\n"
            for listing in mine { text += Self.yaml(listing) }
            try Data(text.utf8).write(to: root.appendingPathComponent("Content/directory/\(state.code.lowercased()).yaml"))
        }
    }

    /// Settings without their `languages:` block (the key, its indented lines, and the comment just above it).
    static func oneLanguage(_ settings: String) -> String {
        var lines = settings.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "languages:") else { return settings }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix(" ") || lines[end].isEmpty { end += 1 }
        var first = start
        while first > 0, lines[first - 1].hasPrefix("#") { first -= 1 }
        lines.removeSubrange(first..<end)
        return lines.joined(separator: "\n")
    }

    static func yaml(_ listing: Listing) -> String {
        """
          - id: local:synthetic-\(String(format: "%05d", listing.number))
            slug: \(listing.slug)
            name: \(listing.name)
            address:
              street1: \(listing.street)
              city: \(listing.city)
              zip: "\(listing.zip)"
            latitude: \(String(format: "%.6f", listing.latitude))
            longitude: \(String(format: "%.6f", listing.longitude))
            phone: "\(listing.phone)"
            website: \(listing.website)
            levels_of_care: [\(listing.levels.joined(separator: ", "))]
            payment: [\(listing.payment.joined(separator: ", "))]
            hours: {\(listing.hours.map { "\($0.0): \"\($0.1)\"" }.joined(separator: ", "))}
            description: |
        \(listing.description.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n"))
            source: Synthetic benchmark data
            source_date: "2026-01-01"

        """
    }
}
