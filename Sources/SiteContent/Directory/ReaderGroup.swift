/// The groups of locator codes readers filter by (DESIGN.md's vocabulary). Other codes are shown on a
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
    public static func groups(_ groups: [ReaderGroup], for codes: [String]) -> [ReaderGroup] {
        let present = Set(codes)
        return groups.filter { !$0.codes.isDisjoint(with: present) }
    }
}
