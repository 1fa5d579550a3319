import SiteCore

/// Turns libyaml's positions into the file's: libyaml counts columns in Unicode scalars and lines at every
/// break YAML 1.1 knows (`\n`, `\r\n`, a lone `\r`, NEL, LS and PS), while a file's lines end at `\n`.
/// A position past the end (libyaml's end of a text without a final newline is on the line after it) is the end.
struct YAMLPositions {
    private let text: String
    private let lines: TextLines
    /// Whether the text has a break libyaml counts and `TextLines` does not; without one, lines agree.
    private let hasOtherBreaks: Bool

    init(_ text: String, lines: TextLines) {
        self.text = text
        self.lines = lines
        // A byte scan (state files run to megabytes): a lone \r, or NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9).
        var other = false
        var last2: UInt8 = 0, last1: UInt8 = 0
        for byte in text.utf8 {
            if (last1 == 0x0D && byte != 0x0A) || (last1 == 0xC2 && byte == 0x85) || (last2 == 0xE2 && last1 == 0x80 && (byte == 0xA8 || byte == 0xA9)) {
                other = true
                break
            }
            last2 = last1
            last1 = byte
        }
        hasOtherBreaks = other || last1 == 0x0D
    }

    func location(path: String, line: Int, column: Int) -> SourceLocation {
        let (fileLine, fileColumn) = hasOtherBreaks ? walk(toLine: line, column: column) : (line, column)
        guard !lines.lines.isEmpty else { return SourceLocation(path: path, line: 1, column: 1) }
        if fileLine > lines.lines.count {
            return SourceLocation(path: path, line: lines.lines.count, column: lines.lines[lines.lines.count - 1].unicodeScalars.count + 1)
        }
        let lineNumber = max(fileLine, 1)
        let width = lines.lines[lineNumber - 1].unicodeScalars.count
        return SourceLocation(path: path, line: lineNumber, column: min(max(fileColumn, 1), width + 1))
    }

    /// Walks the scalars to libyaml's `line` and `column`, counting the file's lines and columns on the way.
    private func walk(toLine target: Int, column targetColumn: Int) -> (line: Int, column: Int) {
        var yamlLine = 1, yamlColumn = 1
        var fileLine = 1, fileColumn = 1
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            if yamlLine == target && yamlColumn == targetColumn { break }
            if yamlLine > target { break }
            let isBreak = scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
            if isBreak {
                // The \n of a \r\n belongs to the break the \r began.
                if !(scalar == "\n" && previous == "\r") { yamlLine += 1; yamlColumn = 1 }
            } else {
                if yamlLine == target { yamlColumn += 1 }
            }
            if scalar == "\n" { fileLine += 1; fileColumn = 1 } else { fileColumn += 1 }
            previous = scalar
        }
        return (fileLine, fileColumn)
    }
}
