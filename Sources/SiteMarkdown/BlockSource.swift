import SiteCore

/// The source lines of one leaf block, searched left to right to locate its inline elements.
///
/// libcmark's inline positions are unreliable on indented continuation lines, so inline
/// elements are found again in the block's own source text, in document order.
struct BlockSource {
    private let text: [Unicode.Scalar]
    /// For each scalar of `text`: its 1-based line and column in the Markdown text.
    private let positions: [(line: Int, column: Int)]
    private(set) var cursor = 0
    let start: (line: Int, column: Int)

    init(lines: TextLines, firstLine: Int, lastLine: Int, firstColumn: Int) {
        var text: [Unicode.Scalar] = []
        // Typed as the property is: an array of unlabelled pairs would be cast to it element by element.
        var positions: [(line: Int, column: Int)] = []
        let last = min(lastLine, lines.lines.count)
        if firstLine <= last {
            for line in firstLine...last {
                var column = 1
                for scalar in lines.lines[line - 1].unicodeScalars {
                    text.append(scalar)
                    positions.append((line, column))
                    column += 1
                }
                text.append("\n")
                positions.append((line, column))
            }
        }
        self.text = text
        self.positions = positions
        self.start = (firstLine, firstColumn)
    }

    /// The position of the next occurrence of `needle` at or after the cursor, moving the cursor past it.
    mutating func find(_ needle: String, advance: Bool = true) -> (line: Int, column: Int)? {
        guard let offset = offset(of: Array(needle.unicodeScalars), from: cursor) else { return nil }
        if advance { cursor = offset + needle.unicodeScalars.count }
        return positions[offset]
    }

    /// The position of a link destination: after `](`, inside `<…>`, or anywhere, in that order of preference.
    mutating func findDestination(_ url: String) -> (line: Int, column: Int)? {
        let scalars = Array(url.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        let candidates = [Array("](".unicodeScalars) + scalars, Array("](<".unicodeScalars) + scalars,
                          Array("<".unicodeScalars) + scalars]
        for candidate in candidates {
            if let offset = offset(of: candidate, from: cursor) {
                let urlStart = offset + candidate.count - scalars.count
                cursor = urlStart + scalars.count
                return positions[urlStart]
            }
        }
        return find(url)
    }

    /// The position of the `[` that opens a citation whose first key is `key`; the cursor stays on the bracket.
    mutating func findCitationBracket(firstKey key: String) -> (line: Int, column: Int)? {
        guard let at = offset(of: Array(("@" + key).unicodeScalars), from: cursor) else { return nil }
        var bracket = at
        while bracket > cursor && text[bracket] != "[" { bracket -= 1 }
        if text[bracket] != "[" { bracket = at }
        cursor = bracket
        return positions[bracket]
    }

    /// The position of `@key` at or after the cursor, without moving it past the citation's end.
    mutating func findKey(_ key: String) -> (line: Int, column: Int)? {
        guard let at = offset(of: Array(("@" + key).unicodeScalars), from: cursor) else { return nil }
        cursor = at + 1
        return positions[at]
    }

    private func offset(of needle: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, text.count >= needle.count, start <= text.count - needle.count else { return nil }
        var index = start
        while index <= text.count - needle.count {
            if text[index] == needle[0] && Array(text[index..<(index + needle.count)]) == needle {
                return index
            }
            index += 1
        }
        return nil
    }
}
