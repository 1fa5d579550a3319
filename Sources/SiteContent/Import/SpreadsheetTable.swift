import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SiteCore
import ZIPFoundation

/// The first worksheet of an `.xlsx` workbook (a zip of XML parts) as a `CSVTable`, so that a spreadsheet
/// download reads exactly as its CSV twin does.
///
/// The header is the first row with a `name1` cell: rows above it (a title, a note on the search) are skipped.
/// Each row keeps its sheet row number as its line and each field its sheet column, for diagnostics.
enum SpreadsheetTable {
    /// A zip file's first bytes (a local file header): how an `.xlsx` is told from a CSV or JSON by its content.
    static func isWorkbook(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// The table, or nil with an error in `log` when the file is not a readable workbook or has no header row.
    static func read(_ data: Data, path: String, log: DiagnosticLog) -> CSVTable? {
        let at = SourceLocation(path: path, line: 1, column: 1)
        guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else {
            log.error("not a readable .xlsx workbook (the zip cannot be opened)", at: at)
            return nil
        }
        // The first sheet: `xl/worksheets/sheet1.xml` in every workbook Excel, LibreOffice or openpyxl writes.
        var sheets: [String] = []
        for entry in archive where entry.path.hasPrefix("xl/worksheets/sheet") && entry.path.hasSuffix(".xml") {
            sheets.append(entry.path)
        }
        sheets.sort { (a: String, b: String) -> Bool in a.count != b.count ? a.count < b.count : a < b }
        guard let sheetPath = sheets.first, let sheet = contents(of: sheetPath, in: archive) else {
            log.error("the workbook has no worksheet", at: at)
            return nil
        }
        let strings = contents(of: "xl/sharedStrings.xml", in: archive).map(SharedStrings.read) ?? []
        guard let rows = SheetRows.read(sheet, strings: strings) else {
            log.error("the workbook's first worksheet is not well-formed XML", at: at)
            return nil
        }
        let isHeader = { (row: SheetRows.Row) -> Bool in
            row.cells.values.contains { (cell: String) in cell.trimmingCharacters(in: CharacterSet.whitespaces).lowercased() == "name1" }
        }
        guard let headerIndex = rows.firstIndex(where: isHeader) else {
            log.error("no header row (a row with a 'name1' cell) in the workbook's first worksheet", at: at)
            return nil
        }
        let headerRow = rows[headerIndex]
        // The header row has a name1 cell, so it is at least one column wide.
        let columns = Array(1...(headerRow.cells.keys.max() ?? 1))
        let header = columns.map { (headerRow.cells[$0] ?? "").trimmingCharacters(in: .whitespaces) }
        let body = rows[(headerIndex + 1)...].filter { !$0.cells.isEmpty }.map { row in
            let fields = columns.map { row.cells[$0] ?? "" }
            let problem = (row.cells.keys.max() ?? 0) > columns.count ? "a value right of the header's last column" : nil
            return CSVTable.Row(line: row.number, fields: fields, columns: columns,
                                text: Substring(fields.joined(separator: "\u{1F}")), problem: problem)
        }
        return CSVTable(path: path, header: header, rows: body)
    }

    private static func contents(of path: String, in archive: Archive) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        guard (try? archive.extract(entry, skipCRC32: false) { data.append($0) }) != nil else { return nil }
        return data
    }
}

/// `xl/sharedStrings.xml`: the workbook's texts, which cells of type `s` name by index.
private final class SharedStrings: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    /// Phonetic runs (`rPh`) annotate a text; they are not part of it.
    private var inPhonetic = false

    static func read(_ data: Data) -> [String] {
        let reader = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        return reader.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// A worksheet's rows: each row's number and its cells' texts by column (1 = A).
private final class SheetRows: NSObject, XMLParserDelegate {
    struct Row {
        var number: Int
        var cells: [Int: String]
    }

    private let strings: [String]
    private var rows: [Row] = []
    private var row: Row?
    private var column = 0
    private var type = ""
    private var value = ""
    private var inValue = false

    private init(strings: [String]) {
        self.strings = strings
    }

    static func read(_ data: Data, strings: [String]) -> [Row]? {
        let reader = SheetRows(strings: strings)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        return parser.parse() ? reader.rows : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            // `r` is the row's number; a writer may leave it out, and then rows follow one another.
            row = Row(number: attributes["r"].flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1, cells: [:])
            column = 0
        case "c":
            column = attributes["r"].flatMap(Self.column) ?? column + 1
            type = attributes["t"] ?? ""
            value = ""
        case "v", "t":
            inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            inValue = false
        case "c":
            let text = type == "s" ? Int(value).flatMap { $0 < strings.count ? strings[$0] : nil } ?? "" : value
            // A cell's line breaks would break the one-line row a CSV field is: they become spaces.
            if !text.isEmpty { row?.cells[column] = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") }
        case "row":
            if let row { rows.append(row) }
            row = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }

    /// The column of a cell reference: `B12` → 2, `AA3` → 27.
    static func column(_ reference: String) -> Int? {
        var number = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            number = number * 26 + Int(scalar.value - 64)
        }
        return number > 0 ? number : nil
    }
}
