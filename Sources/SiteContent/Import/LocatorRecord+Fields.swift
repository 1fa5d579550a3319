import SiteCore

extension LocatorRecord {
    /// Files a codebook code under the field its category belongs to: levels of care, payment, languages
    /// (by their label, as the JSON export names them) or other services.
    mutating func add(_ code: ServiceCode) {
        switch code.category {
        case "Type of Care", "Service Setting": levelsOfCare.append(code.code)
        case "Payment Accepted", "Payment Assistance": payment.append(code.code)
        case "Language Services": languages.append(code.label)
        default: services.append(code.code)
        }
    }

    /// True, with a warning, for a row that cannot be a listing: its state is not one of `states`, or it has no name1.
    static func isSkipped(state: String, name1: String, row: String, states: Set<String>, at location: SourceLocation,
                          log: DiagnosticLog) -> Bool {
        if !states.contains(state) {
            log.warning("\(row) skipped: unknown state '\(state)'", at: location)
            return true
        }
        if name1.isEmpty {
            log.warning("\(row) skipped: no name1", at: location)
            return true
        }
        return false
    }

    /// A locator phone field as a number, or nil with a warning: not a North American number, or a placeholder
    /// of one repeated digit (`(999) 999-9999`, seen on opioid treatment programs' rows).
    static func phone(_ text: String, field: String, row: String, at location: SourceLocation, log: DiagnosticLog) -> PhoneNumber? {
        guard !text.isEmpty else { return nil }
        guard let number = PhoneNumber(text) else {
            log.warning("\(row): \(field) '\(text)' is not a North American number and is left out", at: location)
            return nil
        }
        let digits = number.areaCode + number.exchange + number.line
        if Set(digits).count == 1 {
            log.warning("\(row): \(field) '\(text)' is a placeholder (one digit repeated) and is left out", at: location)
            return nil
        }
        return number
    }

    /// A locator website field when it is an http(s) URL; anything else is left out with a warning.
    static func website(_ text: String, row: String, at location: SourceLocation, log: DiagnosticLog) -> String? {
        guard !text.isEmpty else { return nil }
        let lowered = text.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            log.warning("\(row): website '\(text)' is not an http(s) URL and is left out", at: location)
            return nil
        }
        return text
    }

    /// Puts back a latitude and longitude given the wrong way round (seen on opioid treatment programs' rows of the
    /// 2026 API): a "latitude" outside −90…90 that is a longitude, with a "longitude" that is a latitude.
    mutating func swapCoordinatesIfReversed(row: String, log: DiagnosticLog) {
        guard let lat = Double(latitude), let lon = Double(longitude), !(-90...90).contains(lat), (-180...180).contains(lat),
              (-90...90).contains(lon) else { return }
        log.warning("\(row): latitude \(latitude) and longitude \(longitude) are the wrong way round; swapped back", at: location)
        (latitude, longitude) = (longitude, latitude)
    }
}
