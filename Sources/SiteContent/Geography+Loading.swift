import SiteCore

extension Geography {
    /// Reads the ZIP code table: `zip,city,state,latitude,longitude`. Every bad row is reported at
    /// its field and left out; a ZIP code given twice is an error at the second row.
    package static func readZIPCodes(path: String, text: String, log: DiagnosticLog) -> [ZIPPoint] {
        var points: [ZIPPoint] = []
        points.reserveCapacity(50_000)
        // The line each ZIP code was first on, by its number (0: not yet seen).
        var first = [Int32](repeating: 0, count: 100_000)
        GeoTable.read(path: path, text: text, columns: ["zip", "latitude", "longitude", "city", "state"], log: log) { row in
            let zip = row.text(0)
            guard zip.utf8.count == 5, zip.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                return log.error("ZIP code '\(zip)' is not five digits", at: row.location(0))
            }
            let number = zip.utf8.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            if first[number] > 0 { return log.error("ZIP code \(zip) is listed twice (first on line \(first[number]))", at: row.location(0)) }
            guard let point = row.point(latitude: 1, longitude: 2, log: log) else { return }
            first[number] = Int32(clamping: row.line)
            points.append(ZIPPoint(zip: zip, latitude: point.latitude, longitude: point.longitude, city: row.text(3), state: row.text(4)))
        }
        return points
    }

    /// Reads the table of places: `geonameid,name,state,latitude,longitude,population`.
    package static func readPlaces(path: String, text: String, log: DiagnosticLog) -> [Place] {
        var places: [Place] = []
        places.reserveCapacity(25_000)
        GeoTable.read(path: path, text: text, columns: ["name", "state", "latitude", "longitude", "population"], log: log) { row in
            let name = row.text(0), state = row.text(1)
            guard name.contains(where: { !$0.isWhitespace }) else { return log.error("a place needs a name", at: row.location(0)) }
            guard state.utf8.count == 2, state.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
                return log.error("state '\(state)' is not a two-letter USPS code", at: row.location(1))
            }
            guard let population = row.wholeNumber(4) else {
                return log.error("population '\(row.text(4))' is not a whole number", at: row.location(4))
            }
            guard let point = row.point(latitude: 2, longitude: 3, log: log) else { return }
            places.append(Place(name: name, state: state, latitude: point.latitude, longitude: point.longitude, population: population))
        }
        return places
    }
}

/// The geographic tables are large (65,000 rows) and plain: one row per line, fields without quotes.
/// They are read on their UTF-8 bytes, and a column is counted in characters only for a diagnostic.
enum GeoTable {
    struct Row {
        let path: String
        let line: Int
        let bytes: UnsafeBufferPointer<UInt8>
        /// The line's start in `bytes`, and each wanted field's range.
        let start: Int
        let fields: [Range<Int>]
        /// A line with quotes (a few place names hold a comma) is read by `CSVTable`: its values and columns.
        var quoted: (values: [String], columns: [Int])?

        func text(_ field: Int) -> String {
            quoted?.values[field] ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[field]]), as: UTF8.self)
        }

        /// The field's 1-based column, in Unicode scalars.
        func location(_ field: Int) -> SourceLocation {
            if let quoted { return SourceLocation(path: path, line: line, column: quoted.columns[field]) }
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<fields[field].lowerBound]), as: UTF8.self)
            return SourceLocation(path: path, line: line, column: prefix.unicodeScalars.count + 1)
        }

        /// The field's bytes (of its unquoted value).
        func withBytes<T>(_ field: Int, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> T) -> T {
            guard var value = quoted?.values[field] else { return body(bytes[fields[field]]) }
            return value.withUTF8 { body($0[...]) }
        }

        func wholeNumber(_ field: Int) -> Int? {
            withBytes(field) { digits in
                guard !digits.isEmpty, digits.count < 12, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
                return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
        }

        /// A latitude in [-90, 90] and a longitude in [-180, 180], as plain decimals of at most six decimals.
        func point(latitude: Int, longitude: Int, log: DiagnosticLog) -> (latitude: Double, longitude: Double)? {
            guard let lat = withBytes(latitude, GeoTable.micro), abs(lat) <= 90_000_000 else {
                log.error("latitude '\(text(latitude))' is not a decimal number from -90 to 90 with at most 6 decimals", at: location(latitude))
                return nil
            }
            guard let lon = withBytes(longitude, GeoTable.micro), abs(lon) <= 180_000_000 else {
                log.error("longitude '\(text(longitude))' is not a decimal number from -180 to 180 with at most 6 decimals", at: location(longitude))
                return nil
            }
            // An integer over a power of ten is correctly rounded: the same Double as parsing the decimal.
            return (Double(lat) / 1e6, Double(lon) / 1e6)
        }
    }

    /// A plain decimal in millionths: `-78.4767` is -78476700; nil for anything else or a seventh decimal.
    static func micro(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var index = text.startIndex, negative = false
        if index < text.endIndex, text[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var whole = 0, wholeDigits = 0
        while index < text.endIndex, (0x30...0x39).contains(text[index]), wholeDigits < 4 {
            whole = whole * 10 + Int(text[index] - 0x30); wholeDigits += 1; index += 1
        }
        guard wholeDigits > 0 else { return nil }
        var fraction = 0, decimals = 0
        if index < text.endIndex, text[index] == UInt8(ascii: ".") {
            index += 1
            while index < text.endIndex, (0x30...0x39).contains(text[index]), decimals < 7 {
                fraction = fraction * 10 + Int(text[index] - 0x30); decimals += 1; index += 1
            }
            guard (1...6).contains(decimals) else { return nil }
        }
        guard index == text.endIndex else { return nil }
        for _ in decimals..<6 { fraction *= 10 }
        let value = whole * 1_000_000 + fraction
        return negative ? -value : value
    }

    /// Calls `row` for every data row that has the header's number of fields, with the wanted columns;
    /// a missing column, a quote or a wrong field count is an error.
    static func read(path: String, text: String, columns wanted: [String], log: DiagnosticLog, row: (Row) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var lineStart = 0, line = 0
            var indexes: [Int] = [], width = 0
            // Reused from row to row: the tables have 65,000 rows, and an array apiece was a tenth of reading them.
            var fields: [Range<Int>] = [], wantedFields: [Range<Int>] = []
            fields.reserveCapacity(16)
            wantedFields.reserveCapacity(16)
            while lineStart < bytes.count {
                line += 1
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                defer { lineStart = lineEnd + 1 }
                guard contentEnd > lineStart else { continue }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = lineStart, quoted = false
                for index in lineStart..<contentEnd {
                    if bytes[index] == UInt8(ascii: "\"") { quoted = true }
                    if bytes[index] == UInt8(ascii: ",") { fields.append(fieldStart..<index); fieldStart = index + 1 }
                }
                fields.append(fieldStart..<contentEnd)
                let location = SourceLocation(path: path, line: line, column: 1)
                if line == 1 {
                    let header = fields.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
                    width = header.count
                    for name in wanted {
                        guard let index = header.firstIndex(of: name) else {
                            return log.error("the header needs a '\(name)' column (it has \(header.joined(separator: ", ")))", at: location)
                        }
                        indexes.append(index)
                    }
                    continue
                }
                var quotedFields: (values: [String], columns: [Int])?
                if quoted {
                    let parsed = CSVTable.parse(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<contentEnd]), as: UTF8.self)))
                    if let problem = parsed.problem { log.error(problem, at: location); continue }
                    fields = parsed.fields.map { _ in 0..<0 }
                    if fields.count == width { quotedFields = (indexes.map { parsed.fields[$0] }, indexes.map { parsed.columns[$0] }) }
                }
                guard fields.count == width else {
                    log.error("wrong column count: \(fields.count) fields, the header has \(width)", at: location)
                    continue
                }
                wantedFields.removeAll(keepingCapacity: true)
                for index in indexes { wantedFields.append(fields[index]) }
                row(Row(path: path, line: line, bytes: bytes, start: lineStart, fields: wantedFields, quoted: quotedFields))
            }
        }
    }
}
