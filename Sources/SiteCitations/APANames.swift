import SiteContent

/// Names as APA writes them: `Family, G. I.` in the reference list, `G. I. Family` for editors.
enum APANames {
    /// `A, B, & C`; with 21 or more names, the first 19, an ellipsis and the last.
    static func referenceList(_ names: [CSLName]) -> String {
        let inverted = names.map(invertedName)
        switch inverted.count {
        case 0: return ""
        case 1: return inverted[0]
        case 2...20: return inverted.dropLast().joined(separator: ", ") + ", & " + inverted[inverted.count - 1]
        default: return inverted.prefix(19).joined(separator: ", ") + ", . . . " + inverted[inverted.count - 1]
        }
    }

    /// Editors in running text: `G. A. Marlatt & D. M. Donovan`, `A, B, & C`.
    static func inline(_ names: [CSLName]) -> String {
        let direct = names.map(directName)
        switch direct.count {
        case 0: return ""
        case 1: return direct[0]
        case 2: return direct[0] + " & " + direct[1]
        default: return direct.dropLast().joined(separator: ", ") + ", & " + direct[direct.count - 1]
        }
    }

    private static func invertedName(_ name: CSLName) -> String {
        guard name.literal.isEmpty else { return name.literal }
        let family = [name.nonDroppingParticle, name.family].filter { !$0.isEmpty }.joined(separator: " ")
        let given = [initials(name.given), name.droppingParticle].filter { !$0.isEmpty }.joined(separator: " ")
        var text = given.isEmpty ? family : "\(family), \(given)"
        if !name.suffix.isEmpty { text += ", \(name.suffix)" }
        return text
    }

    private static func directName(_ name: CSLName) -> String {
        guard name.literal.isEmpty else { return name.literal }
        return [initials(name.given), name.droppingParticle, name.nonDroppingParticle, name.family, name.suffix]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `Robert E.` → `R. E.`; `Jean-Paul` → `J.-P.`.
    static func initials(_ given: String) -> String {
        given.split(separator: " ").map { word in
            word.split(separator: "-").compactMap { part in part.first.map { "\($0)." } }.joined(separator: "-")
        }.joined(separator: " ")
    }
}

/// Title case as citeproc applies it: the first letter of each all-lowercase word is capitalised,
/// except short function words after the first word; words with capitals are left alone.
enum TitleCase {
    static let stopWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on", "onto", "or",
        "over", "so", "the", "till", "to", "up", "via", "with", "yet",
    ]

    static func apply(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).enumerated().map { index, word in
            let letters = word.drop { !$0.isLetter }
            guard let first = letters.first, word == word.lowercased(),
                  index == 0 || !stopWords.contains(String(letters).lowercased()) else { return String(word) }
            let prefix = word[..<letters.startIndex]
            return prefix + first.uppercased() + letters.dropFirst()
        }.joined(separator: " ")
    }
}
