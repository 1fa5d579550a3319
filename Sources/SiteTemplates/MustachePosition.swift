import SiteCore

/// Where in a template file swift-mustache's parser stopped. It numbers lines by every Character that is a
/// newline (`\r\n`, `\r`, vertical tab, form feed, NEL, LS, PS) but counts columns in Characters back to the
/// last `\n`; a file's lines end at `\n` and its columns count Unicode scalars.
enum MustachePosition {
    /// The file position of the parser's `line` and `column` in `parsed`, which is `prefix` (a pragma) followed by the file's text.
    static func location(path: String, parsed: String, prefix: String, line: Int, column: Int) -> SourceLocation {
        // The Character where the parser's line starts.
        var lineStart = parsed.startIndex
        var newlines = 0
        var index = parsed.startIndex
        while newlines < line - 1, index < parsed.endIndex {
            if parsed[index].isNewline { newlines += 1; lineStart = parsed.index(after: index) }
            index = parsed.index(after: index)
        }
        // The column counts from just after the last "\n" Character at or before that start.
        var columnStart = lineStart
        while columnStart > parsed.startIndex, parsed[parsed.index(before: columnStart)] != "\n" {
            columnStart = parsed.index(before: columnStart)
        }
        let position = parsed.index(columnStart, offsetBy: max(column - 1, 0), limitedBy: parsed.endIndex) ?? parsed.endIndex
        // From the parsed text to the file's: drop the prefix's scalars, then count lines and columns.
        let scalars = parsed.unicodeScalars
        let offset = max(scalars.distance(from: scalars.startIndex, to: position) - prefix.unicodeScalars.count, 0)
        var fileLine = 1, fileColumn = 1
        for scalar in scalars.dropFirst(prefix.unicodeScalars.count).prefix(offset) {
            if scalar == "\n" { fileLine += 1; fileColumn = 1 } else { fileColumn += 1 }
        }
        return SourceLocation(path: path, line: fileLine, column: fileColumn)
    }
}
