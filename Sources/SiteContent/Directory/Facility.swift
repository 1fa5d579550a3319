public import SiteCore

/// A treatment facility of the directory: an imported record with an editor's overrides applied.
///
/// Only what a record or an editor supplies is here; absent values stay nil and are never invented.
///
/// A class of constants: a directory holds thousands, and sorting, grouping and planning pass them
/// around many times, which for a struct of this size would copy (and retain) every field each time.
public final class Facility: Sendable, Equatable {
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

        /// The street lines as one: `street1, street2`.
        public var streetLine: String {
            [street1, street2].compactMap { $0 }.joined(separator: ", ")
        }

        /// The ZIP code with its +4 when there is one: `22903-1234`.
        public var postalCode: String {
            zip + (zip4.map { "-" + $0 } ?? "")
        }
    }

    public let id: Located<String>
    public let slug: Located<String>
    /// USPS code of the state the facility is listed in.
    public let state: String
    public let name: Located<String>
    public let name2: String?
    public let address: Located<Address>
    public let latitude: Double?
    public let longitude: Double?
    public let phone: Located<PhoneNumber>?
    public let intakePhone: Located<PhoneNumber>?
    public let website: Located<String>?
    /// Locator codes of the levels of care offered (DT, OIT, RES…).
    public let levelsOfCare: [String]
    /// Locator codes of the payments accepted (PI, MD, SS…).
    public let payment: [String]
    /// Other locator codes (medications, operation, programs).
    public let services: [String]
    public let languages: [String]
    /// The locator directories the site is listed in: `SU` (substance use), `MH` (mental health), or both.
    public let facilityTypes: [String]
    public let hours: Located<OpeningHours>?
    public let description: MarkdownField?
    public let featured: Bool
    /// Where `featured` is set, for the warnings about featured listings.
    public let featuredLocation: SourceLocation?
    /// The day an editor confirmed the listing.
    public let verified: Located<ContentDate>?
    /// Where the data comes from, e.g. "SAMHSA locator".
    public let source: String
    /// The data's date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public let sourceDate: String
    /// The day the listing left its source's data, or an editor retired it (see `isRetired`).
    public let retired: Located<ContentDate>?
    /// Why an editor retired it.
    public let retiredReason: String?
    /// An editor keeps it published although its source dropped it.
    public let keep: Bool
    /// The date of the import that last changed its imported fields.
    public let changed: String?

    /// The full date a listing was verified, else that of its data when it is a full date (the sitemap's
    /// date of its page): made once here, since every plan asks for it.
    public let newestDate: String?

    /// The reader groups (`ReaderGroup.levelsOfCare`) its levels of care fall in, bit i for group i: found once,
    /// for the listing's two cards, its state's filters and the search index.
    public let careGroups: Int
    /// The same for `ReaderGroup.payments` and its payments.
    public let paymentGroups: Int

    /// `careGroups` or `paymentGroups`.
    public func groups(_ facet: ReaderGroup.Facet) -> Int {
        facet == .care ? careGroups : paymentGroups
    }

    /// Retired and not kept: the listing has a page of its own that says so, and is shown nowhere else.
    public var isRetired: Bool { retired != nil && !keep }

    public init(id: Located<String>,
                slug: Located<String>,
                state: String,
                name: Located<String>,
                name2: String?,
                address: Located<Address>,
                latitude: Double?,
                longitude: Double?,
                phone: Located<PhoneNumber>?,
                intakePhone: Located<PhoneNumber>?,
                website: Located<String>?,
                levelsOfCare: [String],
                payment: [String],
                services: [String],
                languages: [String],
                facilityTypes: [String] = [],
                hours: Located<OpeningHours>?,
                description: MarkdownField?,
                featured: Bool,
                featuredLocation: SourceLocation?,
                verified: Located<ContentDate>?,
                source: String,
                sourceDate: String,
                retired: Located<ContentDate>? = nil,
                retiredReason: String? = nil,
                keep: Bool = false,
                changed: String? = nil) {
        newestDate = verified?.value.description ?? (ContentDate(sourceDate) != nil ? sourceDate : nil)
        careGroups = ReaderGroup.mask(.care, for: levelsOfCare)
        paymentGroups = ReaderGroup.mask(.payment, for: payment)
        self.retired = retired
        self.retiredReason = retiredReason
        self.keep = keep
        self.changed = changed
        self.id = id
        self.slug = slug
        self.state = state
        self.name = name
        self.name2 = name2
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.phone = phone
        self.intakePhone = intakePhone
        self.website = website
        self.levelsOfCare = levelsOfCare
        self.payment = payment
        self.services = services
        self.languages = languages
        self.facilityTypes = facilityTypes
        self.hours = hours
        self.description = description
        self.featured = featured
        self.featuredLocation = featuredLocation
        self.verified = verified
        self.source = source
        self.sourceDate = sourceDate
    }

    /// Equal when every field is: a listing changed when any value or position it was read from did.
    public static func == (a: Facility, b: Facility) -> Bool {
        a === b || (
            a.id == b.id &&
            a.slug == b.slug &&
            a.state == b.state &&
            a.name == b.name &&
            a.name2 == b.name2 &&
            a.address == b.address &&
            a.latitude == b.latitude &&
            a.longitude == b.longitude &&
            a.phone == b.phone &&
            a.intakePhone == b.intakePhone &&
            a.website == b.website &&
            a.levelsOfCare == b.levelsOfCare &&
            a.payment == b.payment &&
            a.services == b.services &&
            a.languages == b.languages && a.facilityTypes == b.facilityTypes &&
            a.hours == b.hours &&
            a.description == b.description &&
            a.featured == b.featured &&
            a.featuredLocation == b.featuredLocation &&
            a.verified == b.verified &&
            a.source == b.source &&
            a.sourceDate == b.sourceDate &&
            a.retired == b.retired &&
            a.retiredReason == b.retiredReason &&
            a.keep == b.keep &&
            a.changed == b.changed)
    }
}
