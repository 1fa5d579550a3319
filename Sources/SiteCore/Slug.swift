import Foundation

/// Turns human text into URL- and id-safe slugs.
public enum Slug {
    /// Lowercase ASCII letters and digits joined by single hyphens: "Who Benefits?" → "who-benefits".
    /// Accents are folded ("Café" → "cafe"); other characters separate words.
    /// Whether `text` is already a slug (`make(text) == text`), answered from the bytes for the usual ASCII text.
    public static func isSlug(_ text: String) -> Bool {
        var previousHyphen = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousHyphen = false
            case UInt8(ascii: "-") where !previousHyphen: previousHyphen = true
            case UInt8(ascii: "-"): return false
            default: return make(text) == text
            }
        }
        return !previousHyphen || text.isEmpty
    }

    public static func make(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.lowercased().unicodeScalars {
            let isWordCharacter = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isWordCharacter {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar != "'" && scalar != "\u{2019}" {
                // Apostrophes join words ("don't" → "dont"); everything else separates them.
                pendingHyphen = true
            }
        }
        return slug
    }
}

/// Hands out unique slugs within one scope (one page's heading ids), appending -1, -2… to repeats.
public struct SlugRegistry: Sendable {
    private var used: Set<String> = []
    /// The next suffix to try for each base, so that a thousand equal headings cost linear time, not quadratic.
    private var nextSuffix: [String: Int] = [:]

    public init() {}

    public mutating func claim(_ text: String, fallback: String = "section") -> String {
        let slug = Slug.make(text)
        let base = slug.isEmpty ? fallback : slug
        var candidate = base
        var counter = nextSuffix[base] ?? 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        if candidate != base { nextSuffix[base] = counter }
        used.insert(candidate)
        return candidate
    }
}
