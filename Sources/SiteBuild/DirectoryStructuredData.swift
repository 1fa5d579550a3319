import SiteContent
import SiteCore

/// schema.org JSON-LD for directory pages: MedicalClinic with only the properties a record has, and BreadcrumbList.
enum DirectoryStructuredData {
    static func clinic(_ facility: Facility, labels: [String: String]) -> JSONValue {
        let address = facility.address.value
        let hours: JSONValue? = facility.hours.map { hours in
            .array(hours.value.days.flatMap { day -> [JSONValue] in
                switch day.hours {
                case .closed: return []
                case .allDay: return [specification(day.day, opens: "00:00", closes: "23:59")]
                case .ranges(let ranges): return ranges.map { specification(day.day, opens: $0.opens, closes: $0.closes) }
                }
            })
        }
        let services = facility.levelsOfCare.compactMap { labels[$0] }.map { name -> JSONValue in
            .object([("@type", .string("MedicalTherapy")), ("name", .string(name))])
        }
        return .object(omittingNil: [
            ("@context", .string("https://schema.org")),
            ("@type", .string("MedicalClinic")),
            ("name", .string(facility.name.value)),
            ("address", .object(omittingNil: [
                ("@type", .string("PostalAddress")),
                ("streetAddress", .string([address.street1, address.street2].compactMap { $0 }.joined(separator: ", "))),
                ("addressLocality", .string(address.city)),
                ("addressRegion", .string(facility.state)),
                ("postalCode", .string(address.zip + (address.zip4.map { "-" + $0 } ?? ""))),
                ("addressCountry", .string("US")),
            ])),
            ("telephone", facility.phone.map { .string($0.value.description) }),
            ("url", facility.website.map { .string($0.value) }),
            ("openingHoursSpecification", hours),
            ("availableService", services.isEmpty ? nil : .array(services)),
        ])
    }

    private static func specification(_ day: OpeningHours.Day, opens: String, closes: String) -> JSONValue {
        .object([("@type", .string("OpeningHoursSpecification")), ("dayOfWeek", .string("https://schema.org/\(day.schemaName)")),
                 ("opens", .string(opens)), ("closes", .string(closes))])
    }

    /// A trail of (name, absolute URL) pairs.
    static func breadcrumbs(_ trail: [(name: String, url: String)]) -> JSONValue {
        .object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("BreadcrumbList")),
            ("itemListElement", .array(trail.enumerated().map { index, crumb in
                .object([("@type", .string("ListItem")), ("position", .number(index + 1)), ("name", .string(crumb.name)),
                         ("item", .string(crumb.url))])
            })),
        ])
    }

    static func script(_ documents: [JSONValue]) -> String {
        documents.map { "<script type=\"application/ld+json\">\($0.serialized())</script>" }.joined(separator: "\n")
    }
}
