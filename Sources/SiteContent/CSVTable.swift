import SiteCore
import Foundation

/// A CSV file read line by line (RFC 4180 quoting within a line), with the position of every field.
///
/// A field never spans lines: none of our files need that, and it lets one broken row be reported
/// and skipped while the rest of the file still reads.
package struct CSVTable {
    struct Row {
        /// The file line of the row (the header is line 1).
        let line: Int
        let fields: [String]
        /// The 1-based column each field starts at.
        let columns: [Int]
        /// The raw text of the line, for finding exact duplicates.
        let text: Substring
        /// Why the row cannot be read (broken quoting, wrong column count), or nil.
        let problem: String?
    }

    let path: String
    let header: [String]
    let rows: [Row]

    package init(path: String, text: String) {
        self.path = path
        var rows: [Row] = []
        var header: [String] = []
        // Split on scalars: in a String, CR LF is one Character, which a split on "\n" would never find.
        for (index, scalars) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let rawLine = Substring(scalars)
            var line = rawLine.unicodeScalars.last == "\r" ? Substring(rawLine.unicodeScalars.dropLast()) : rawLine
            if index == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() } // a byte-order mark, as spreadsheets write
            if line.isEmpty { continue }
            let parsed = Self.parse(line)
            if index == 0 {
                // Names are matched without the spaces around them (a real export's header starts with four).
                header = parsed.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                continue
            }
            var problem = parsed.problem
            if problem == nil && parsed.fields.count != header.count {
                problem = "wrong column count: \(parsed.fields.count) fields, the header has \(header.count)"
            }
            rows.append(Row(line: index + 1, fields: parsed.fields, columns: parsed.columns, text: line, problem: problem))
        }
        self.header = header
        self.rows = rows
    }

    /// A table read from elsewhere (a spreadsheet's sheet), its rows already split into fields.
    init(path: String, header: [String], rows: [Row]) {
        self.path = path
        self.header = header
        self.rows = rows
    }

    /// Splits one line into fields; quoting that does not close or is followed by text is a problem.
    static func parse(_ line: Substring) -> (fields: [String], columns: [Int], problem: String?) {
        var fields: [String] = []
        var columns: [Int] = []
        var field = ""
        var column = 1
        var fieldStart = 1
        var quoted = false
        var closedQuote = false
        var scalars = line.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? scalars.next() {
            pending = nil
            defer { column += 1 }
            if quoted {
                guard scalar == "\"" else { field.unicodeScalars.append(scalar); continue }
                let next = scalars.next()
                if next == "\"" {
                    field.unicodeScalars.append("\"")
                    column += 1
                } else {
                    quoted = false
                    closedQuote = true
                    pending = next
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field); columns.append(fieldStart)
                field = ""; fieldStart = column + 1; closedQuote = false
            case "\"" where field.isEmpty && !closedQuote:
                quoted = true
            default:
                if closedQuote || scalar == "\"" {
                    return (fields, columns, "broken quoting at column \(column)")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { return (fields, columns, "broken quoting: a quoted field is never closed") }
        fields.append(field); columns.append(fieldStart)
        return (fields, columns, nil)
    }

    /// The value of `name` in `row`, with its position.
    func value(_ name: String, in row: Row) -> Located<String>? {
        guard let index = header.firstIndex(of: name), index < row.fields.count else { return nil }
        return Located(row.fields[index], at: SourceLocation(path: path, line: row.line, column: row.columns[index]))
    }

    /// Reports a header without one of the `required` columns.
    func require(_ required: [String], log: DiagnosticLog) -> Bool {
        let missing = required.filter { !header.contains($0) }
        for name in missing { log.error("missing column '\(name)' in the header", at: SourceLocation(path: path, line: 1, column: 1)) }
        return missing.isEmpty
    }

    /// The rows of an outside export worth reading: a broken row, or an exact repeat of an earlier row, is skipped
    /// with a warning naming its line (and the line it repeats).
    func distinctRows(log: DiagnosticLog) -> [Row] {
        var seen: [Substring: Int] = [:]
        return rows.filter { row in
            let at = SourceLocation(path: path, line: row.line, column: 1)
            if let problem = row.problem {
                log.warning("row \(row.line) skipped: \(problem)", at: at)
                return false
            }
            if let first = seen[row.text] {
                log.warning("row \(row.line) skipped: duplicate of row \(first)", at: at)
                return false
            }
            seen[row.text] = row.line
            return true
        }
    }

    /// Rows that read cleanly; the others are errors in `log` (for our own content files).
    func readableRows(log: DiagnosticLog) -> [Row] {
        rows.filter { row in
            guard let problem = row.problem else { return true }
            log.error(problem, at: SourceLocation(path: path, line: row.line, column: 1))
            return false
        }
    }
}
