import Foundation
import SiteCheck
import SiteContent
import SiteCore
import SiteLinks

/// Compares a bibliography entry with the metadata its DOI is registered with: a mistyped DOI
/// shows up as another work's title, year or first author.
enum MetadataComparison {
    static func compare(_ entry: SourceEntry, with work: CrossrefWork, doi: DOI) -> [CheckReport.Entry] {
        var problems: [CheckReport.Entry] = []
        func warn(_ field: String, _ difference: String) {
            problems.append(CheckReport.Entry(
                severity: .warning, message: "DOI \(doi) is registered to \(work.citation): \(difference) (a mistyped DOI?)",
                location: entry.fieldLocations[field] ?? entry.location, href: "https://doi.org/\(doi)"))
        }
        let titleMatches = self.titleMatches(entry, work)
        if let title = entry.fields["title"], !titleMatches {
            warn("title", "the title here is '\(title)'")
        }
        let year = entry.dates["issued"]?.parts.first?.first
        if let year, !work.years.isEmpty, !work.years.contains(year) {
            warn("issued", "the year here is \(year)")
        }
        let family = entry.names["author"]?.first?.family ?? ""
        if !family.isEmpty, let first = work.authors.first, !first.family.isEmpty, fold(first.family) != fold(family) {
            warn("author", "its first author is \(first.family), not \(family)")
        }
        let confirmed = entry.unverified.filter { confirms(work, $0, of: entry, titleMatches: titleMatches) }
        if !confirmed.isEmpty {
            problems.append(CheckReport.Entry(
                severity: .note,
                message: "Crossref confirms \(confirmed.joined(separator: ", ")) for DOI \(doi): \(confirmed.count == 1 ? "it" : "they") can leave x-unverified",
                location: entry.fieldLocations["x-unverified"] ?? entry.location))
        }
        return problems
    }

    static func titleMatches(_ entry: SourceEntry, _ work: CrossrefWork) -> Bool {
        guard let title = entry.fields["title"] else { return true }
        let folded = fold(title)
        let candidates = work.titles.flatMap { title in [title] + work.subtitles.map { title + " " + $0 } }
        return candidates.contains { fold($0) == folded }
    }

    /// Whether the registry backs a field the entry lists in `x-unverified` (`author.1` is the second author).
    static func confirms(_ work: CrossrefWork, _ field: String, of entry: SourceEntry, titleMatches: Bool) -> Bool {
        let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
        switch parts[0] {
        case "title": return titleMatches && entry.fields["title"] != nil
        case "DOI": return titleMatches
        case "issued":
            guard let year = entry.dates["issued"]?.parts.first?.first else { return false }
            return work.years.contains(year)
        case "author":
            let names = entry.names["author"] ?? []
            let indices = parts.count == 2 ? Int(parts[1]).map { [$0] } ?? [] : Array(names.indices)
            return !indices.isEmpty && indices.allSatisfy { index in
                index < names.count && index < work.authors.count && fold(names[index].family) == fold(work.authors[index].family)
            }
        case "container-title":
            guard let value = entry.fields["container-title"] else { return false }
            return work.containerTitles.contains { fold($0) == fold(value) }
        case "volume": return same(entry.fields["volume"], work.volume)
        case "issue": return same(entry.fields["issue"], work.issue)
        case "page": return same(entry.fields["page"].map(dashes), work.page.map(dashes))
        default: return false
        }
    }

    private static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return fold(a) == fold(b)
    }

    private static func dashes(_ text: String) -> String {
        text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
    }

    /// Case, accents, markup and punctuation folded away: "Substance abuse: <i>IOPs</i>" → "substance abuse iops".
    static func fold(_ text: String) -> String {
        var plain = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        plain = plain.replacingOccurrences(of: "&", with: " and ")
        plain = plain.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        let words = plain.unicodeScalars.split { !CharacterSet.alphanumerics.contains($0) }
        return words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }
}
