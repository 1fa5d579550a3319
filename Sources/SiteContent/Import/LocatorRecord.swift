import Foundation
package import SiteCore

/// One facility as a locator file gives it, before it is matched with what is already imported.
package struct LocatorRecord {
    var frid: String?
    package var name1: String
    var name2: String
    var street1: String
    var street2: String
    var city: String
    var state: String
    var zip: String
    var zip4: String
    var county: String
    var latitude: String
    var longitude: String
    var phone: PhoneNumber?
    var intakePhone: PhoneNumber?
    var website: String?
    var levelsOfCare: [String] = []
    var payment: [String] = []
    var services: [String] = []
    var languages: [String] = []
    /// The locator directories the site is in: `SU` (substance use), `MH` (mental health), or both once merged.
    var facilityTypes: [String] = []
    /// Where the record is in the input file.
    package var location: SourceLocation

    /// The key that finds the same facility in another file of the same state: name1, street1 and ZIP5, normalised.
    var matchKey: String {
        Self.matchKey(name: name1, street: street1, zip: zip)
    }

    static func matchKey(name: String, street: String, zip: String) -> String {
        [normalise(name), normaliseStreet(street), String(zip.prefix(5))].joined(separator: "|")
    }

    /// USPS abbreviations, so "1014 East Market Street" and "1014 E Market St." match.
    static let streetWords = [
        "street": "st", "avenue": "ave", "road": "rd", "drive": "dr", "boulevard": "blvd", "lane": "ln", "court": "ct",
        "place": "pl", "highway": "hwy", "parkway": "pkwy", "suite": "ste", "north": "n", "south": "s", "east": "e",
        "west": "w", "circle": "cir", "square": "sq", "terrace": "ter", "trail": "trl", "turnpike": "tpke",
    ]

    static func normaliseStreet(_ street: String) -> String {
        normalise(street).split(separator: " ").map { streetWords[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// Lowercase ASCII letters and digits, single spaces: "St. Mary's  Center" → "st mary s center".
    static func normalise(_ text: String) -> String {
        Slug.make(text).replacingOccurrences(of: "-", with: " ")
    }

    /// Pads a ZIP or ZIP+4 that lost its leading zeros when stored as a number.
    static func pad(_ digits: String, to length: Int) -> String {
        let trimmed = digits.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count < length, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return trimmed }
        return String(repeating: "0", count: length - trimmed.count) + trimmed
    }
}
