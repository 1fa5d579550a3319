import SiteCore

/// Finds pandoc-style bracketed citations in plain text.
enum CitationScanner {
    /// A citation found in text: its range in the text's scalars and its items without positions.
    struct Match {
        var range: Range<Int>
        var items: [(prefix: String, key: String, locator: String)]
    }

    /// Characters a citation key may contain after its first character (pandoc's set).
    static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return true }
        return "_:.#$%&-+?<>~/".unicodeScalars.contains(scalar)
    }

    static func matches(in text: String) -> [Match] {
        // Every citation holds a `[` and an `@`: most text has neither, and is not walked scalar by scalar.
        guard ByteScan.contains(UInt8(ascii: "@"), in: text), ByteScan.contains(UInt8(ascii: "["), in: text) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var result: [Match] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "[" else { index += 1; continue }
            guard let close = scalars[(index + 1)...].firstIndex(where: { $0 == "]" || $0 == "[" }),
                  scalars[close] == "]" else { index += 1; continue }
            let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            if let items = parseItems(inner) {
                result.append(Match(range: index..<(close + 1), items: items))
                index = close + 1
            } else {
                index += 1
            }
        }
        return result
    }

    /// Parses `see @a, p. 33; @b` into items, or nil when the text is not a citation.
    static func parseItems(_ inner: String) -> [(prefix: String, key: String, locator: String)]? {
        var items: [(String, String, String)] = []
        for part in inner.split(separator: ";", omittingEmptySubsequences: false) {
            let scalars = Array(part.unicodeScalars)
            guard let at = scalars.indices.first(where: { i in
                scalars[i] == "@" && (i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "-")
                    && i + 1 < scalars.count && isKeyStart(scalars[i + 1])
            }) else { return nil }
            var end = at + 1
            while end < scalars.count && isKeyCharacter(scalars[end]) { end += 1 }
            // Trailing punctuation ends a sentence, not a key.
            while end > at + 2 && ".:?".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
            let key = String(String.UnicodeScalarView(scalars[(at + 1)..<end]))
            let prefix = String(String.UnicodeScalarView(scalars[..<at]))
                .trimmingCharacters(in: .whitespaces)
            var rest = String(String.UnicodeScalarView(scalars[end...])).trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix(",") { rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) }
            items.append((prefix.hasSuffix("-") ? String(prefix.dropLast()) : prefix, key, rest))
        }
        return items.isEmpty ? nil : items
    }

    private static func isKeyStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
    }
}

import Foundation
