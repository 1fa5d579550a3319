public import SiteContent
public import SiteCore
import Foundation

/// Checks a bibliography: identifiers, required fields by type, retrieval dates, unverified fields, use.
public enum BibliographyCheck {
    /// The fields each type must have; `a|b` means either.
    public static let required: [String: [String]] = [
        "article-journal": ["author", "title", "issued", "container-title"],
        "book": ["author|editor", "title", "issued", "publisher"],
        "chapter": ["author", "title", "container-title", "issued", "publisher"],
        "report": ["author", "title", "issued", "publisher"],
        "webpage": ["title", "URL", "issued|accessed"],
    ]

    /// `cited` is every key any page cites; entries outside it are warned about.
    public static func check(_ bibliography: Bibliography, cited: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var dois: [String: SourceEntry] = [:]
        for entry in bibliography.entries {
            let name = entry.id.value
            if let doi = entry.fields["DOI"] {
                let at = entry.fieldLocations["DOI"] ?? entry.location
                if !isWellFormed(doi: doi) {
                    let hint = doi.lowercased().contains("doi.org/") ? " (write the DOI alone, without https://doi.org/)" : " (expected 10.<registrant>/<suffix>)"
                    diagnostics.append(.error("malformed DOI '\(doi)' in source '\(name)'" + hint, at: at))
                } else if let first = dois[doi.lowercased()] {
                    diagnostics.append(.error("source '\(name)' has the same DOI as '\(first.id.value)' (\(first.fieldLocations["DOI"] ?? first.location))", at: at))
                } else {
                    dois[doi.lowercased()] = entry
                }
            }
            if let fields = required[entry.type] {
                let missing = fields.filter { alternatives in
                    !alternatives.split(separator: "|").contains { entry.has(String($0)) }
                }.map { $0.replacingOccurrences(of: "|", with: " or ") }
                if !missing.isEmpty {
                    diagnostics.append(.error("source '\(name)' (\(entry.type)) is missing \(missing.joined(separator: ", "))", at: entry.id.location))
                }
            }
            if entry.type == "webpage", entry.dates["accessed"] == nil {
                diagnostics.append(.warning("web page '\(name)' has no 'accessed' date: say when it was retrieved", at: entry.id.location))
            }
            if !entry.unverified.isEmpty {
                diagnostics.append(.warning("source '\(name)' has unverified fields: \(entry.unverified.joined(separator: ", "))",
                                            at: entry.fieldLocations["x-unverified"] ?? entry.id.location))
            }
            if !cited.contains(name) {
                diagnostics.append(.warning("source '\(name)' is cited nowhere", at: entry.id.location))
            }
        }
        return diagnostics
    }

    /// A DOI: `10.`, a registrant code of digits (and dots), `/`, and a suffix without spaces.
    public static func isWellFormed(doi: String) -> Bool {
        let parts = doi.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, parts[0].hasPrefix("10."), parts[0].count >= 7,
              parts[0].dropFirst(3).allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              !parts[1].isEmpty, !parts[1].contains(where: \.isWhitespace) else { return false }
        return true
    }
}
