import SiteCore

extension Geography {
    /// Reads the ZIP code table: `zip,city,state,latitude,longitude`. Every bad row is reported at
    /// its field and left out; a ZIP code given twice is an error at the second row.
    static func readZIPCodes(path: String, text: String, log: DiagnosticLog) -> [ZIPPoint] {
        let table = CSVTable(path: path, text: text)
        guard let columns = columns(["zip", "latitude", "longitude"], in: table, log: log) else { return [] }
        var points: [ZIPPoint] = []
        var first: [String: Int] = [:]
        for row in table.rows {
            guard let fields = fields(row, table: table, log: log) else { continue }
            let zip = fields[columns[0]]
            guard zip.count == 5, zip.allSatisfy(\.isASCIIDigit) else {
                log.error("ZIP code '\(zip)' is not five digits", at: location(path, row, columns[0]))
                continue
            }
            if let line = first[zip] {
                log.error("ZIP code \(zip) is listed twice (first on line \(line))", at: location(path, row, columns[0]))
                continue
            }
            guard let point = coordinates(row, fields, latitude: columns[1], longitude: columns[2], path: path, log: log) else { continue }
            first[zip] = row.line
            points.append(ZIPPoint(zip: zip, latitude: point.latitude, longitude: point.longitude))
        }
        return points
    }

    /// Reads the table of places: `geonameid,name,state,latitude,longitude,population`.
    static func readPlaces(path: String, text: String, log: DiagnosticLog) -> [Place] {
        let table = CSVTable(path: path, text: text)
        guard let columns = columns(["name", "state", "latitude", "longitude", "population"], in: table, log: log) else { return [] }
        var places: [Place] = []
        for row in table.rows {
            guard let fields = fields(row, table: table, log: log) else { continue }
            let name = fields[columns[0]], state = fields[columns[1]]
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                log.error("a place needs a name", at: location(path, row, columns[0]))
                continue
            }
            guard state.count == 2, state.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                log.error("state '\(state)' is not a two-letter USPS code", at: location(path, row, columns[1]))
                continue
            }
            guard let population = Int(fields[columns[4]]), population >= 0 else {
                log.error("population '\(fields[columns[4]])' is not a whole number", at: location(path, row, columns[4]))
                continue
            }
            guard let point = coordinates(row, fields, latitude: columns[2], longitude: columns[3], path: path, log: log) else { continue }
            places.append(Place(name: name, state: state, latitude: point.latitude, longitude: point.longitude, population: population))
        }
        return places
    }

    /// The index of each named column; a missing one is an error at the header.
    private static func columns(_ names: [String], in table: CSVTable, log: DiagnosticLog) -> [Int]? {
        var indexes: [Int] = []
        for name in names {
            guard let index = table.header.firstIndex(of: name) else {
                log.error("the header needs a '\(name)' column (it has \(table.header.joined(separator: ", ")))",
                          at: SourceLocation(path: table.path, line: 1, column: 1))
                return nil
            }
            indexes.append(index)
        }
        return indexes
    }

    private static func fields(_ row: CSVTable.Row, table: CSVTable, log: DiagnosticLog) -> [String]? {
        if let problem = row.problem {
            log.error(problem, at: SourceLocation(path: table.path, line: row.line, column: 1))
            return nil
        }
        return row.fields
    }

    private static func location(_ path: String, _ row: CSVTable.Row, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: row.line, column: row.columns[column])
    }

    /// A latitude in [-90, 90] and a longitude in [-180, 180], as decimal numbers.
    private static func coordinates(_ row: CSVTable.Row, _ fields: [String], latitude: Int, longitude: Int, path: String,
                                    log: DiagnosticLog) -> (latitude: Double, longitude: Double)? {
        let lat = Self.decimal(fields[latitude]), lon = Self.decimal(fields[longitude])
        guard let lat, abs(lat) <= 90 else {
            log.error("latitude '\(fields[latitude])' is not a decimal number from -90 to 90 with at most 6 decimals", at: location(path, row, latitude))
            return nil
        }
        guard let lon, abs(lon) <= 180 else {
            log.error("longitude '\(fields[longitude])' is not a decimal number from -180 to 180 with at most 6 decimals", at: location(path, row, longitude))
            return nil
        }
        return (lat, lon)
    }

    /// A plain decimal number (`-78.4767`): no exponent, no sign but a leading minus, at most 6 decimals (the
    /// search index writes points in millionths of a degree, so that it keeps them exactly).
    static func decimal(_ text: String) -> Double? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              parts.count == 1 || (1...6).contains(parts[1].count) else { return nil }
        return Double(text)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
