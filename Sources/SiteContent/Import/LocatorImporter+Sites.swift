import SiteCore

extension LocatorImporter {
    /// One record per site: a site in both of the locator's directories has a row in each (`type_facility` SU and MH,
    /// each with its own flags, sometimes its own `name2`). Rows of one state with the same normalised name, street
    /// and ZIP, from different directories, and the same phone where both have one, become one record with the
    /// flags of both. Rows of one directory at one address stay apart: they are different programs.
    static func sites(_ records: [LocatorRecord], report: inout ImportReport) -> [LocatorRecord] {
        var sites: [LocatorRecord] = []
        var byKey: [String: [Int]] = [:]
        for record in records {
            let key = record.state + "|" + record.matchKey
            let candidates = record.facilityTypes.isEmpty ? [] : byKey[key] ?? []
            guard let index = candidates.first(where: { sites[$0].canJoin(record) }) else {
                byKey[key, default: []].append(sites.count)
                sites.append(record)
                continue
            }
            if !record.name2.isEmpty, !sites[index].name2.isEmpty, record.name2 != sites[index].name2 {
                report.unsure.append("\(record.location.path):\(record.location.line): merged into the \(sites[index].facilityTypes.joined(separator: "/")) row "
                                     + "of line \(sites[index].location.line) (\(sites[index].name1)) though its name2 differs: "
                                     + "'\(record.name2)' against '\(sites[index].name2)' (kept)")
            }
            sites[index].join(record)
        }
        return sites
    }

    /// True when two listings' names are close enough to be one site at one address: one contains the other, or
    /// they share at least half of their words ("Baker Places" and "Baker Places Inc").
    static func similarNames(_ a: String, _ b: String) -> Bool {
        let first = LocatorRecord.normalise(a), second = LocatorRecord.normalise(b)
        guard !first.isEmpty, !second.isEmpty else { return false }
        if first.contains(second) || second.contains(first) { return true }
        let words = Set(first.split(separator: " ")), others = Set(second.split(separator: " "))
        return Double(words.intersection(others).count) >= 0.5 * Double(words.union(others).count)
    }
}

extension LocatorRecord {
    /// True for the other directory's row of the same site: different `type_facility`, and no two different phones.
    func canJoin(_ other: LocatorRecord) -> Bool {
        guard !facilityTypes.isEmpty, !other.facilityTypes.isEmpty, Set(facilityTypes).isDisjoint(with: other.facilityTypes) else { return false }
        if let phone, let otherPhone = other.phone, phone != otherPhone { return false }
        return true
    }

    /// Takes the other row's flags and directory, and the fields this row lacks.
    mutating func join(_ other: LocatorRecord) {
        func fill(_ field: inout String, _ value: String) { if field.isEmpty { field = value } }
        fill(&name2, other.name2)
        fill(&street2, other.street2)
        fill(&zip4, other.zip4)
        fill(&county, other.county)
        if latitude.isEmpty || longitude.isEmpty { (latitude, longitude) = (other.latitude, other.longitude) }
        phone = phone ?? other.phone
        intakePhone = intakePhone ?? other.intakePhone
        website = website ?? other.website
        levelsOfCare += other.levelsOfCare
        payment += other.payment
        services += other.services
        languages += other.languages
        facilityTypes = (facilityTypes + other.facilityTypes).sorted(by: >) // SU before MH, in either order of rows
    }
}
