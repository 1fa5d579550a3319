import SiteCore

/// The source lines of one leaf block, searched left to right to locate its inline elements.
///
/// libcmark's inline positions are unreliable on indented continuation lines, so inline
/// elements are found again in the block's own source text, in document order.
struct BlockSource {
    private let text: [Unicode.Scalar]
    /// Where each line starts in `text`, and its 1-based line number in the Markdown text: a scalar's
    /// column is its distance from its line's start (each line ends with one `\n` in `text`).
    private let lineStarts: [Int]
    private let firstLine: Int
    private(set) var cursor = 0
    let start: (line: Int, column: Int)

    init(lines: TextLines, firstLine: Int, lastLine: Int, firstColumn: Int) {
        var text: [Unicode.Scalar] = []
        var lineStarts: [Int] = []
        let last = min(lastLine, lines.lines.count)
        if firstLine <= last {
            for line in firstLine...last {
                lineStarts.append(text.count)
                text.append(contentsOf: lines.lines[line - 1].unicodeScalars)
                text.append("\n")
            }
        }
        self.text = text
        self.lineStarts = lineStarts
        self.firstLine = firstLine
        self.start = (firstLine, firstColumn)
    }

    /// The 1-based line and column of the scalar at `offset`.
    private func position(_ offset: Int) -> (line: Int, column: Int) {
        // The last line start at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (firstLine + low, offset - lineStarts[low] + 1)
    }

    /// The position of the next occurrence of `needle` at or after the cursor, moving the cursor past it.
    mutating func find(_ needle: String, advance: Bool = true) -> (line: Int, column: Int)? {
        guard let offset = offset(of: Array(needle.unicodeScalars), from: cursor) else { return nil }
        if advance { cursor = offset + needle.unicodeScalars.count }
        return position(offset)
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
                return position(urlStart)
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
        return position(bracket)
    }

    /// The position of `@key` at or after the cursor, without moving it past the citation's end.
    mutating func findKey(_ key: String) -> (line: Int, column: Int)? {
        guard let at = offset(of: Array(("@" + key).unicodeScalars), from: cursor) else { return nil }
        cursor = at + 1
        return position(at)
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
