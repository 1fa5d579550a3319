import Foundation

/// Maps locator service labels to codebook codes: by the codebook's own label, or by an explicit alias.
/// A label neither knows is reported by the importer, never guessed.
package struct ServiceLabels {
    /// Locator labels that are worded differently from the codebook, mapped by hand (docs/content/importing.md lists them).
    static let aliases: [String: String] = [
        "mental health treatment": "MH",
        "military insurance (e.g., tricare)": "MI",
        "state education funds": "SEF",
        "extended-release, injectable naltrexone (vivitrol)": "VTRL",
        "adults": "ADLT",
        "children/adolescents": "CHLD",
        "veterans": "VET",
        "lesbian, gay, bisexual, or transgender (lgbt) clients": "GL",
        "services for the deaf and hard of hearing": "AH",
        "spanish": "SP",
        // Wordings of the 2025 locator.
        "naltrexone (extended-release, injectable)": "VTRL",
        "sign language services for the deaf and hard of hearing": "AH",
    ]

    /// The locator's service groups the codebook covers; other groups (approaches, screening…) are not imported.
    static let groups: Set<String> = ["TC", "SET", "OM", "OT", "PHR", "FOP", "PAY", "PYAS", "AGE", "SG", "SL", "OL"]
    /// Groups whose labels are languages, kept as text.
    static let languageGroups: Set<String> = ["SL", "OL"]

    private let byLabel: [String: ServiceCode]
    private let byCode: [String: ServiceCode]

    package init(codes: [ServiceCode]) {
        var byLabel: [String: ServiceCode] = [:]
        for code in codes { byLabel[Self.key(code.label)] = byLabel[Self.key(code.label)] ?? code }
        self.byLabel = byLabel
        byCode = Dictionary(codes.map { ($0.code, $0) }) { first, _ in first }
    }

    /// The code of a label, or nil when neither the codebook nor the alias table knows it.
    func code(for label: String) -> ServiceCode? {
        let key = Self.key(label)
        if let code = byLabel[key] { return code }
        return Self.aliases[key].flatMap { byCode[$0] }
    }

    /// Case, trademark signs and repeated spaces do not make labels differ.
    static func key(_ label: String) -> String {
        label.lowercased().replacingOccurrences(of: "®", with: "")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
