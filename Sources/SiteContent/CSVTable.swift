import SiteCore

/// A CSV file (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes)
/// with the position of every field, read by header name.
struct CSVTable {
    struct Row {
        /// The file line the row starts on.
        let line: Int
        let fields: [String]
        /// The 1-based column each field starts at.
        let columns: [Int]
    }

    let path: String
    let header: [String]
    let rows: [Row]

    /// Parses `text`; broken quoting is a diagnostic and the table keeps the rows before it.
    init(path: String, text: String, log: DiagnosticLog) {
        self.path = path
        var records: [Row] = []
        var fields: [String] = []
        var columns: [Int] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var line = 1, column = 1
        var rowLine = 1, fieldColumn = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endField() {
            fields.append(field)
            columns.append(fieldColumn)
            field = ""
            fieldStarted = false
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            defer { if scalar == "\n" { line += 1; column = 1 } else { column += 1 } }
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.unicodeScalars.append("\""); column += 1 } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            if !fieldStarted { fieldColumn = column; fieldStarted = true }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",": endField()
            case "\r": break
            case "\n":
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: rowLine, fields: fields, columns: columns)) }
                fields = []; columns = []
                rowLine = line + 1
            default: field.unicodeScalars.append(scalar)
            }
        }
        if quoted {
            log.error("a quoted field is never closed", at: SourceLocation(path: path, line: rowLine, column: fieldColumn))
        } else if fieldStarted || !fields.isEmpty {
            endField()
            records.append(Row(line: rowLine, fields: fields, columns: columns))
        }
        header = records.first?.fields ?? []
        rows = Array(records.dropFirst())
        for row in rows where row.fields.count != header.count {
            log.error("row has \(row.fields.count) fields but the header has \(header.count)", at: SourceLocation(path: path, line: row.line, column: 1))
        }
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
}
