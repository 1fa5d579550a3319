/// The groups of locator codes readers filter by (the level-of-care and payment filters of the state pages; docs/output.md). Other codes are shown on a
/// facility's page but are not filters.
public struct ReaderGroup: Sendable, Hashable {
    public enum Facet: String, Sendable {
        case care
        case payment
    }

    /// Stable id used in markup and scripts, e.g. `iop`.
    public let id: String
    public let label: String
    public let facet: Facet
    public let codes: Set<String>

    public static let levelsOfCare: [ReaderGroup] = [
        ReaderGroup(id: "detox", label: "Detox", facet: .care, codes: ["DT", "RD", "OD", "HID"]),
        ReaderGroup(id: "inpatient", label: "Inpatient / residential", facet: .care, codes: ["RES", "RS", "RL", "HI", "HIT"]),
        ReaderGroup(id: "partial", label: "Partial hospitalization", facet: .care, codes: ["PH", "ODT"]),
        ReaderGroup(id: "iop", label: "Intensive outpatient (IOP)", facet: .care, codes: ["OIT"]),
        ReaderGroup(id: "outpatient", label: "Outpatient", facet: .care, codes: ["ORT", "OP", "OMB"]),
        ReaderGroup(id: "telehealth", label: "Telehealth", facet: .care, codes: ["TELE"]),
    ]

    public static let payments: [ReaderGroup] = [
        ReaderGroup(id: "private", label: "Private insurance", facet: .payment, codes: ["PI"]),
        ReaderGroup(id: "medicaid", label: "Medicaid", facet: .payment, codes: ["MD"]),
        ReaderGroup(id: "medicare", label: "Medicare", facet: .payment, codes: ["MC"]),
        ReaderGroup(id: "military", label: "Military insurance (TRICARE)", facet: .payment, codes: ["MI"]),
        ReaderGroup(id: "self-pay", label: "Self-pay", facet: .payment, codes: ["SF"]),
        ReaderGroup(id: "state", label: "State-financed insurance", facet: .payment, codes: ["SI"]),
        ReaderGroup(id: "sliding", label: "Sliding scale or assistance", facet: .payment, codes: ["SS", "PA"]),
    ]

    /// The groups of a facet that a facility's codes fall in, in display order.
    public static func groups(_ facet: Facet, for codes: [String]) -> [ReaderGroup] {
        // Each code is looked up once in the facet's index; a Set of every listing's codes tested against every
        // group was a thirtieth of a directory build.
        let (groups, index) = facet == .care ? (levelsOfCare, careIndex) : (payments, paymentIndex)
        var present = Array(repeating: false, count: groups.count)
        for code in codes {
            for group in index[code] ?? [] { present[group] = true }
        }
        return groups.indices.filter { present[$0] }.map { groups[$0] }
    }

    /// The groups of a facet whose bits are set in `mask` (as `mask(_:for:)` makes it), in display order.
    public static func groups(_ facet: Facet, in mask: Int) -> [ReaderGroup] {
        let groups = facet == .care ? levelsOfCare : payments
        return groups.indices.filter { mask & (1 << $0) != 0 }.map { groups[$0] }
    }

    /// The groups of a facet that `codes` fall in, as a number whose bit i is group i (the order of
    /// `levelsOfCare` or `payments`): each code looked up once.
    public static func mask(_ facet: Facet, for codes: [String]) -> Int {
        let index = facet == .care ? careIndex : paymentIndex
        var mask = 0
        for code in codes {
            for group in index[code] ?? [] { mask |= 1 << group }
        }
        return mask
    }

    private static let careIndex = index(levelsOfCare)
    private static let paymentIndex = index(payments)

    /// For each code, the positions of the groups that hold it.
    private static func index(_ groups: [ReaderGroup]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (position, group) in groups.enumerated() {
            for code in group.codes { index[code, default: []].append(position) }
        }
        return index
    }
}
