import SiteCore
import SiteMarkdown
import Yams

/// One facility entry as written in a YAML file: every field optional, each with its position.
/// Imported records and editors' overrides are both read as records, then merged into a `Facility`.
///
/// A class: a record is over a kilobyte of fields, and as a value it was copied whole (every string retained
/// and released) on its way out of the reader and into the merge. Its fields are written only while it is
/// read or merged, by the one thread that makes it; it is only read after that, from any thread.
final class FacilityRecord: @unchecked Sendable {
    var id: Located<String>?
    var slug: Located<String>?
    var state: Located<String>?
    var name: Located<String>?
    var name2: String?
    var address: Located<Facility.Address>?
    var latitude: Double?
    var longitude: Double?
    var phone: Located<PhoneNumber>?
    var intakePhone: Located<PhoneNumber>?
    var website: Located<String>?
    var levelsOfCare: [String]?
    var payment: [String]?
    var services: [String]?
    var languages: [String]?
    var facilityTypes: [String]?
    var hours: Located<OpeningHours>?
    var description: MarkdownField?
    var featured: Located<Bool>?
    var verified: Located<ContentDate>?
    var source: String?
    var sourceDate: Located<String>?
    /// The day the listing left its source's data (set by the importer), or an editor retired it.
    var retired: Located<ContentDate>?
    /// Why an editor retired the listing.
    var retiredReason: Located<String>?
    /// An editor keeps the listing published although its source dropped it.
    var keep: Located<Bool>?
    /// The date of the import that last changed the listing's imported fields (set by the importer).
    var changed: Located<String>?
    /// Where the entry starts.
    let location: SourceLocation

    fileprivate init(location: SourceLocation) {
        self.location = location
    }

    /// Field by field, the values `other` sets replace this record's (a new record: this one is left as it is).
    func overridden(by other: FacilityRecord) -> FacilityRecord {
        let merged = FacilityRecord(location: location)
        merged.id = id
        merged.state = state
        merged.slug = other.slug ?? slug
        merged.name = other.name ?? name
        merged.name2 = other.name2 ?? name2
        merged.address = other.address ?? address
        merged.latitude = other.latitude ?? latitude
        merged.longitude = other.longitude ?? longitude
        merged.phone = other.phone ?? phone
        merged.intakePhone = other.intakePhone ?? intakePhone
        merged.website = other.website ?? website
        merged.levelsOfCare = other.levelsOfCare ?? levelsOfCare
        merged.payment = other.payment ?? payment
        merged.services = other.services ?? services
        merged.languages = other.languages ?? languages
        merged.facilityTypes = other.facilityTypes ?? facilityTypes
        merged.hours = other.hours ?? hours
        merged.description = other.description ?? description
        merged.featured = other.featured ?? featured
        merged.verified = other.verified ?? verified
        merged.source = other.source ?? source
        merged.sourceDate = other.sourceDate ?? sourceDate
        merged.retired = other.retired ?? retired
        merged.retiredReason = other.retiredReason ?? retiredReason
        merged.keep = other.keep ?? keep
        merged.changed = other.changed ?? changed
        return merged
    }
}

/// What reading a record checks against: the codebook and the known states.
struct FacilityVocabulary: Sendable {
    let codes: [String: ServiceCode]
    let states: Set<String>
    let markdown: MarkdownOptions

    static let levelCategories: Set<String> = ["Type of Care", "Service Setting"]
    static let paymentCategories: Set<String> = ["Payment Accepted", "Payment Assistance"]
}

extension FacilityRecord {
    static let keys = ["id", "slug", "state", "name", "name2", "address", "latitude", "longitude", "phone", "intake_phone",
                       "website", "levels_of_care", "payment", "services", "languages", "facility_types", "hours", "description", "featured",
                       "verified", "source", "source_date", "retired", "retired_reason", "keep", "changed", "source_dates"]

    /// Reads and checks one entry: ZIP, phone, URL, codes, hours and dates are validated here, at their positions.
    /// An entry of a state's file (`fileState`, its code) is in that state, whatever it says (a contradiction is an error).
    static func read<Fields: FieldReading>(_ map: Fields, vocabulary: FacilityVocabulary, fileState: String? = nil) -> FacilityRecord {
        FacilityRecord(reading: map, vocabulary: vocabulary, fileState: fileState)
    }

    private convenience init<Fields: FieldReading>(reading map: Fields, vocabulary: FacilityVocabulary, fileState: String?) {
        let log = map.log
        self.init(location: map.location)
        self.id = map.string("id", required: true)
        self.slug = map.string("slug")
        _ = map.string("frid") // the importer's link to a FindTreatment record; not shown
        if let slug = self.slug, !Slug.isSlug(slug.value) {
            log.error("slug '\(slug.value)' must be lowercase letters, digits and single hyphens", at: slug.location)
        }
        self.state = map.string("state")
        if let state = self.state, !vocabulary.states.contains(state.value) {
            log.error("unknown state '\(state.value)'", at: state.location)
        }
        self.name = map.string("name")
        self.name2 = map.string("name2")?.value
        if let address = map.mapping("address", what: "address") {
            self.address = Self.readAddress(address)
        }
        self.latitude = map.double("latitude", range: -90...90)
        self.longitude = map.double("longitude", range: -180...180)
        self.phone = Self.phone(map, "phone")
        self.intakePhone = Self.phone(map, "intake_phone")
        self.website = map.url("website")
        self.levelsOfCare = Self.codes(map, "levels_of_care", categories: FacilityVocabulary.levelCategories, what: "level of care", vocabulary: vocabulary)
        self.payment = Self.codes(map, "payment", categories: FacilityVocabulary.paymentCategories, what: "payment", vocabulary: vocabulary)
        self.services = Self.codes(map, "services", categories: nil, what: "service", vocabulary: vocabulary)
        self.languages = map.has("languages") ? map.strings("languages")?.map(\.value) : nil
        if map.has("facility_types"), let types = map.strings("facility_types") {
            for type in types where !["SU", "MH"].contains(type.value) {
                log.error("facility type '\(type.value)' must be SU (substance use) or MH (mental health)", at: type.location)
            }
            self.facilityTypes = types.map(\.value)
        }
        if let hours = map.mapping("hours", what: "hours") {
            self.hours = Self.readHours(hours)
        }
        self.description = map.markdown("description", required: false, options: vocabulary.markdown)
        self.featured = map.locatedBool("featured")
        self.verified = map.date("verified")
        self.source = map.string("source")?.value
        self.sourceDate = map.string("source_date")
        if let date = self.sourceDate, !Self.isPartialDate(date.value) {
            log.error("'source_date' must be YYYY, YYYY-MM or YYYY-MM-DD, not '\(date.value)'", at: date.location)
        }
        self.retired = map.date("retired")
        self.retiredReason = map.string("retired_reason")
        self.keep = map.locatedBool("keep")
        self.changed = map.string("changed")
        _ = map.string("source_dates") // the importer's record of each source's export date; source_date sums it up
        if let date = self.changed, !Self.isPartialDate(date.value) {
            log.error("'changed' must be YYYY, YYYY-MM or YYYY-MM-DD, not '\(date.value)'", at: date.location)
        }
        if let reason = self.retiredReason, self.retired == nil {
            log.error("'retired_reason' needs 'retired', the date the listing was retired", at: reason.location)
        }
        map.finish()
        if let fileState {
            if let written = self.state, written.value != fileState {
                log.error("state '\(written.value)' does not match the file's state \(fileState)", at: written.location)
            }
            self.state = Located(fileState, at: self.state?.location ?? self.location)
        }
    }

    private static func readAddress<Fields: FieldReading>(_ map: Fields) -> Located<Facility.Address>? {
        let street1 = map.string("street1", required: true)
        let street2 = map.string("street2")
        let city = map.string("city", required: true)
        let zip = map.string("zip", required: true)
        let zip4 = map.string("zip4")
        let county = map.string("county")
        map.finish()
        if let zip, !(zip.value.utf8.count == 5 && zip.value.utf8.allSatisfy { (0x30...0x39).contains($0) }) {
            map.log.error("bad ZIP code '\(zip.value)' (expected 5 digits)", at: zip.location)
        }
        if let zip4, !(zip4.value.utf8.count == 4 && zip4.value.utf8.allSatisfy { (0x30...0x39).contains($0) }) {
            map.log.error("bad ZIP+4 extension '\(zip4.value)' (expected 4 digits)", at: zip4.location)
        }
        guard let street1, let city, let zip else { return nil }
        return Located(Facility.Address(street1: street1.value, street2: street2?.value, city: city.value, zip: zip.value,
                                        zip4: zip4?.value, county: county?.value), at: map.location)
    }

    private static func phone<Fields: FieldReading>(_ map: Fields, _ key: String) -> Located<PhoneNumber>? {
        guard let text = map.string(key) else { return nil }
        guard let number = PhoneNumber(text.value) else {
            map.log.error("bad phone number '\(text.value)' in '\(key)' (expected a 10-digit North American number)", at: text.location)
            return nil
        }
        return Located(number, at: text.location)
    }

    private static func codes<Fields: FieldReading>(_ map: Fields, _ key: String, categories: Set<String>?, what: String,
                              vocabulary: FacilityVocabulary) -> [String]? {
        guard map.has(key), let items = map.strings(key) else { return nil }
        return items.compactMap { item in
            guard let code = vocabulary.codes[item.value] else {
                map.log.error("unknown service code '\(item.value)' in '\(key)'", at: item.location)
                return nil
            }
            if let categories, !categories.contains(code.category) {
                map.log.error("'\(item.value)' (\(code.category)) is not a \(what) code", at: item.location)
                return nil
            }
            return code.code
        }
    }

    private static func readHours<Fields: FieldReading>(_ map: Fields) -> Located<OpeningHours>? {
        // Labelled as `OpeningHours.days` is: an unlabelled array was converted to it element by element.
        var days: [(day: OpeningHours.Day, hours: OpeningHours.Hours)] = []
        days.reserveCapacity(OpeningHours.Day.allCases.count)
        for day in OpeningHours.Day.allCases {
            guard let text = map.string(day.rawValue) else { continue }
            guard let hours = OpeningHours.Hours(text.value) else {
                map.log.error("bad hours '\(text.value)' for \(day.rawValue) (expected HH:MM-HH:MM, closed or 24h)", at: text.location)
                continue
            }
            days.append((day: day, hours: hours))
        }
        map.finish()
        return days.isEmpty ? nil : Located(OpeningHours(days: days), at: map.location)
    }

    /// `2019`, `2019-07` or `2019-07-30`.
    static func isPartialDate(_ text: String) -> Bool {
        // Nearly every listing has a full date: only `ContentDate` accepts ten characters here.
        if text.utf8.count == 10 { return ContentDate(text) != nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, Int(parts[0]) != nil else { return false }
        if parts.count >= 2 { guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false } }
        if parts.count == 3 { return ContentDate(text) != nil }
        return true
    }
}

extension YAMLMapping {
    func double(_ key: String, range: ClosedRange<Double>) -> Double? {
        guard let node = value(key) else { return nil }
        guard let number = node.float ?? node.int.map(Double.init), range.contains(number) else {
            log.error("'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)", at: file.location(of: node))
            return nil
        }
        return number
    }
}
