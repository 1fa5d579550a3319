import SiteContent

/// What tells listings with the same name apart where they stand together (the other centers of a city):
/// the street address, then the second name, then the kinds of care; as a last resort, an ordinal.
enum ListingDistinction {
    /// A part that may tell listings apart: how it is compared, and how it is shown.
    private struct Part {
        let key: (Facility) -> String
        let text: (Facility) -> String?
    }

    /// One detail per facility, nil where its name alone is unique in the list.
    static func details(_ facilities: [Facility], labels: [String: String]) -> [String?] {
        // Most lists have no two names alike: nothing to add.
        var names = Set<String>()
        if facilities.allSatisfy({ names.insert($0.name.value.lowercased()).inserted }) {
            return Array(repeating: nil, count: facilities.count)
        }
        let parts = [
            Part(key: { street($0).lowercased() }, text: { street($0) }),
            Part(key: { $0.name2?.lowercased() ?? "" }, text: { $0.name2 }),
            Part(key: { care($0, labels) }, text: { let text = care($0, labels); return text.isEmpty ? nil : text }),
        ]
        var shown: [[String]] = Array(repeating: [], count: facilities.count)
        // Items equal so far are grouped; each part is added to the items of groups that still have several.
        var groups = group(Array(facilities.indices)) { facilities[$0].name.value.lowercased() }
        for part in parts {
            var next: [[Int]] = []
            for members in groups where members.count > 1 {
                for index in members { part.text(facilities[index]).map { shown[index].append($0) } }
                next += group(members) { part.key(facilities[$0]) }
            }
            groups = next
        }
        for members in groups where members.count > 1 {
            for (ordinal, index) in members.enumerated() { shown[index].append("listing \(ordinal + 1) of \(members.count)") }
        }
        return shown.map { $0.isEmpty ? nil : $0.joined(separator: "; ") }
    }

    private static func street(_ facility: Facility) -> String {
        let address = facility.address.value
        return address.streetLine
    }

    private static func care(_ facility: Facility, _ labels: [String: String]) -> String {
        facility.levelsOfCare.map { labels[$0] ?? $0 }.joined(separator: ", ")
    }

    /// Members grouped by key, in order of first appearance.
    private static func group(_ members: [Int], by key: (Int) -> String) -> [[Int]] {
        // A list of neighbours has a dozen members: searching the keys beats hashing them.
        if members.count <= 32 {
            var keys: [String] = [], groups: [[Int]] = []
            for member in members {
                let value = key(member)
                if let position = keys.firstIndex(of: value) { groups[position].append(member) } else {
                    keys.append(value)
                    groups.append([member])
                }
            }
            return groups
        }
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for member in members {
            let value = key(member)
            if groups[value] == nil { order.append(value) }
            groups[value, default: []].append(member)
        }
        return order.map { groups[$0]! }
    }
}
