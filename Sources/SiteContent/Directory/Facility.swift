import SiteCore

/// A treatment facility of the directory: an imported record with an editor's overrides applied.
///
/// Only what a record or an editor supplies is here; absent values stay nil and are never invented.
public struct Facility: Sendable, Equatable {
    public struct Address: Sendable, Hashable {
        public var street1: String
        public var street2: String?
        public var city: String
        public var zip: String
        public var zip4: String?
        public var county: String?

        public init(street1: String, street2: String? = nil, city: String, zip: String, zip4: String? = nil, county: String? = nil) {
            self.street1 = street1
            self.street2 = street2
            self.city = city
            self.zip = zip
            self.zip4 = zip4
            self.county = county
        }
    }

    public var id: Located<String>
    public var slug: Located<String>
    /// USPS code of the state the facility is listed in.
    public var state: String
    public var name: Located<String>
    public var name2: String?
    public var address: Located<Address>
    public var latitude: Double?
    public var longitude: Double?
    public var phone: Located<PhoneNumber>?
    public var intakePhone: Located<PhoneNumber>?
    public var website: Located<String>?
    /// Locator codes of the levels of care offered (DT, OIT, RES…).
    public var levelsOfCare: [String]
    /// Locator codes of the payments accepted (PI, MD, SS…).
    public var payment: [String]
    /// Other locator codes (medications, operation, programs).
    public var services: [String]
    public var languages: [String]
    public var hours: Located<OpeningHours>?
    public var description: MarkdownField?
    public var featured: Bool
    /// Where `featured` is set, for the warnings about featured listings.
    public var featuredLocation: SourceLocation?
    /// The day an editor confirmed the listing.
    public var verified: Located<ContentDate>?
    /// Where the data comes from, e.g. "SAMHSA locator".
    public var source: String
    /// The data's date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var sourceDate: String
}
