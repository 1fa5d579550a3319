/// Converts offsets in a text into 1-based line and Unicode-scalar column numbers.
public struct TextLines: Sendable {
    /// The lines of the text without their terminators (`\n` or `\r\n`).
    public let lines: [Substring]

    public init(_ text: String) {
        self.init(text[...])
    }

    /// The lines of a slice, which keep sharing its storage.
    public init(_ text: Substring) {
        // Split on scalars: as Characters, "\r\n" is one grapheme and never equals "\n".
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
            let line = Substring(scalars)
            return line.unicodeScalars.last == "\r" ? Substring(line.unicodeScalars.dropLast()) : line
        }
    }

    /// The 1-based column of the character that starts at `byteColumn` (1-based, in UTF-8 bytes) on `line`.
    public func column(forByteColumn byteColumn: Int, onLine line: Int) -> Int {
        guard line >= 1, line <= lines.count else { return byteColumn }
        let utf8 = lines[line - 1].utf8
        let limit = min(max(byteColumn - 1, 0), utf8.count)
        let end = utf8.index(utf8.startIndex, offsetBy: limit)
        return lines[line - 1].unicodeScalars[..<end].count + 1
    }
}
