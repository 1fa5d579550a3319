import Foundation

/// The metadata Crossref's REST API gives for a work (`/works/<doi>`), as much as the comparison needs.
struct CrossrefWork: Sendable, Codable, Equatable {
    struct Author: Sendable, Codable, Equatable {
        var family: String
        var given: String
    }

    var titles: [String] = []
    var subtitles: [String] = []
    /// In the order the record lists them; the one marked `"sequence": "first"` first.
    var authors: [Author] = []
    /// The years of `issued`, `published-print`, `published-online` and `published`: an entry may give any.
    var years: [Int] = []
    var containerTitles: [String] = []
    var volume: String?
    var issue: String?
    var page: String?

    init(titles: [String] = [], subtitles: [String] = [], authors: [Author] = [], years: [Int] = [], containerTitles: [String] = [],
         volume: String? = nil, issue: String? = nil, page: String? = nil) {
        self.titles = titles
        self.subtitles = subtitles
        self.authors = authors
        self.years = years
        self.containerTitles = containerTitles
        self.volume = volume
        self.issue = issue
        self.page = page
    }

    /// Reads `{"status": "ok", "message": {…}}`.
    init?(json: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
              let message = object["message"] as? [String: Any] else { return nil }
        titles = message["title"] as? [String] ?? []
        subtitles = message["subtitle"] as? [String] ?? []
        let people = message["author"] as? [[String: Any]] ?? []
        let ordered = people.filter { $0["sequence"] as? String == "first" } + people.filter { $0["sequence"] as? String != "first" }
        authors = ordered.map { Author(family: $0["family"] as? String ?? $0["name"] as? String ?? "", given: $0["given"] as? String ?? "") }
        for key in ["issued", "published-print", "published-online", "published"] {
            guard let date = message[key] as? [String: Any], let parts = date["date-parts"] as? [[Any]],
                  let year = (parts.first?.first as? NSNumber)?.intValue, !years.contains(year) else { continue }
            years.append(year)
        }
        containerTitles = (message["container-title"] as? [String] ?? []) + (message["short-container-title"] as? [String] ?? [])
        volume = message["volume"] as? String
        issue = message["issue"] as? String
        page = message["page"] as? String
    }

    /// `'Title' (2019)`: how a message names the registered work.
    var citation: String {
        let title = titles.first.map { "'\($0)'" } ?? "a work without a title"
        return years.first.map { "\(title) (\($0))" } ?? title
    }
}

/// What Crossref said about a DOI.
enum CrossrefLookup: Sendable, Equatable {
    case found(CrossrefWork)
    case notFound
    case failed(String)
}
