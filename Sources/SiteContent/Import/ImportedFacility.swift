import SiteCore

/// A facility as `imported/<state>.yaml` stores it: only what the locator files supply.
struct ImportedFacility: Equatable {
    var id: String
    /// The FindTreatment id of the locator record that enriched this one, so a re-import finds it again.
    var frid = ""
    var slug: String
    var name: String
    var name2 = ""
    var street1: String
    var street2 = ""
    var city: String
    var zip: String
    var zip4 = ""
    var county = ""
    var latitude = ""
    var longitude = ""
    var phone = ""
    var intakePhone = ""
    var website = ""
    var levelsOfCare: [String] = []
    var payment: [String] = []
    var services: [String] = []
    var languages: [String] = []
    /// `SU`, `MH` or both: the locator directories the site's rows came from.
    var facilityTypes: [String] = []
    /// The locator sources the record combines, e.g. ["SAMHSA locator, nationwide export"].
    var sources: [String]
    /// The date of its data: the oldest of its sources' latest exports.
    var sourceDate: String
    /// Each source's latest export that has the listing, when it has several sources (with one, `sourceDate`).
    var sourceDates: [String: String] = [:]
    /// The date of the export a listing of a source was missing from (`YYYY-MM-DD`), or "" while listed.
    var retired = ""
    /// The date of the import that last changed its fields, or "".
    var changed = ""

    /// The fields an import reads from the locator, by the names the report shows.
    var importedFields: [(String, String)] {
        [("name", name), ("name2", name2), ("street1", street1), ("street2", street2), ("city", city), ("zip", zip), ("zip4", zip4),
         ("county", county), ("latitude", latitude), ("longitude", longitude), ("phone", phone), ("intake_phone", intakePhone),
         ("website", website), ("levels_of_care", levelsOfCare.joined(separator: ",")), ("payment", payment.joined(separator: ",")),
         ("services", services.joined(separator: ",")), ("languages", languages.joined(separator: ",")),
         ("facility_types", facilityTypes.joined(separator: ",")), ("frid", frid)]
    }

    /// The names of the imported fields whose values differ from `other`'s.
    func fieldsChanged(from other: ImportedFacility) -> [String] {
        Swift.zip(importedFields, other.importedFields).filter { $0.1 != $1.1 }.map(\.0.0)
    }

    /// Fills the fields a locator record supplies. A record from one source alone is replaced by a
    /// re-import of that source; a record another source made only gains the fields it lacks.
    mutating func absorb(_ record: LocatorRecord, source: LocatorSource) {
        let replace = sources == [source.name]
        func set<Value: Collection>(_ field: inout Value, _ value: Value) {
            if replace || field.isEmpty { field = value }
        }
        if let frid = record.frid, frid != self.frid, id != "samhsa:" + frid { self.frid = frid }
        set(&name, record.name1)
        set(&name2, record.name2)
        set(&street1, record.street1)
        set(&street2, record.street2)
        set(&city, record.city)
        set(&zip, record.zip)
        set(&zip4, record.zip4)
        set(&county, record.county)
        set(&latitude, record.latitude)
        set(&longitude, record.longitude)
        set(&phone, record.phone?.description ?? "")
        set(&intakePhone, record.intakePhone?.description ?? "")
        set(&website, record.website ?? "")
        set(&levelsOfCare, Self.unique(record.levelsOfCare))
        set(&payment, Self.unique(record.payment))
        set(&services, Self.unique(record.services))
        set(&languages, Self.unique(record.languages))
        set(&facilityTypes, Self.unique(record.facilityTypes))
        if !sources.contains(source.name) {
            sources = (sources + [source.name]).sorted()
        }
        date(source)
    }

    /// Records that `source`'s export of its date has the listing: the listing is as old as the oldest data
    /// in it, so with one source it takes that date, with several the oldest of their latest exports.
    mutating func date(_ source: LocatorSource) {
        var dates = Dictionary(uniqueKeysWithValues: sources.map { ($0, sourceDates[$0] ?? sourceDate) })
        dates[source.name] = source.date
        sourceDate = dates.values.min() ?? source.date
        sourceDates = sources.count > 1 ? dates : [:]
    }

    /// Codes in first-seen order without repeats.
    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

/// A locator file format and the date of its data.
struct LocatorSource {
    let name: String
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    let date: String

    static let nationwideCSV = LocatorSource(name: "SAMHSA locator, nationwide export", date: "2020-04-09")
    static let findTreatmentJSON = LocatorSource(name: "SAMHSA FindTreatment locator", date: "2019")
    /// Today's download (since 2023), dated by its file's name.
    static let facilityListing = "FindTreatment.gov facility listing"
}
