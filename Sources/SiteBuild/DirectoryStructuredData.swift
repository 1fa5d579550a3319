import SiteContent
import SiteCore

/// schema.org JSON-LD for directory pages: MedicalClinic with only the properties a record has, and BreadcrumbList.
enum DirectoryStructuredData {
    static func clinic(_ facility: Facility, labels: [String: String], into json: inout JSONWriter) {
        let address = facility.address.value
        let services = facility.levelsOfCare.compactMap { labels[$0] }
        json.object { json in
            json.member("@context", literal: "https://schema.org")
            json.member("@type", literal: "MedicalClinic")
            json.member("name", facility.name.value)
            json.object("address") { json in
                json.member("@type", literal: "PostalAddress")
                json.member("streetAddress", address.streetLine)
                json.member("addressLocality", address.city)
                json.member("addressRegion", facility.state)
                json.member("postalCode", address.postalCode)
                json.member("addressCountry", literal: "US")
            }
            json.member("telephone", facility.phone.map { $0.value.description })
            json.member("url", facility.website.map(\.value))
            if let hours = facility.hours {
                json.array("openingHoursSpecification") { json in
                    for day in hours.value.days {
                        switch day.hours {
                        case .closed: break
                        case .allDay: specification(day.day, opens: "00:00", closes: "23:59", into: &json)
                        case .ranges(let ranges): for range in ranges { specification(day.day, opens: range.opens, closes: range.closes, into: &json) }
                        }
                    }
                }
            }
            if !services.isEmpty {
                json.array("availableService") { json in
                    for name in services {
                        json.object { json in
                            json.member("@type", literal: "MedicalTherapy")
                            json.member("name", name)
                        }
                    }
                }
            }
        }
    }

    /// `{"@type":"OpeningHoursSpecification","dayOfWeek":…,"opens":…,"closes":…}`, its keys written as one piece
    /// (a listing has up to a dozen of them).
    private static func specification(_ day: OpeningHours.Day, opens: String, closes: String, into json: inout JSONWriter) {
        json.element { json in
            json.raw(#"{"@type":"OpeningHoursSpecification","dayOfWeek":""#)
            json.raw(day.schemaURL)
            json.raw(#"","opens":"#)
            json.string(opens)
            json.raw(#","closes":"#)
            json.string(closes)
            json.raw("}")
        }
    }

    /// A trail of (name, absolute URL) pairs.
    static func breadcrumbs(_ trail: [(name: String, url: String)], into json: inout JSONWriter) {
        json.object { json in
            json.member("@context", literal: "https://schema.org")
            json.member("@type", literal: "BreadcrumbList")
            json.array("itemListElement") { json in
                for (index, crumb) in trail.enumerated() {
                    json.object { json in
                        json.member("@type", literal: "ListItem")
                        json.member("position", number: index + 1)
                        json.member("name", crumb.name)
                        json.member("item", crumb.url)
                    }
                }
            }
        }
    }

    /// Each document in a `<script type="application/ld+json">` element, one per line.
    static func script(_ documents: [(inout JSONWriter) -> Void]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        for (index, document) in documents.enumerated() {
            if index > 0 { out.append(0x0A) }
            out.append(contentsOf: #"<script type="application/ld+json">"#.utf8)
            var json = JSONWriter()
            document(&json)
            out.append(contentsOf: json.bytes)
            out.append(contentsOf: "</script>".utf8)
        }
        return out.withUnsafeBufferPointer { UTF8Text.string(joiningWholeStrings: $0) }
    }
}
