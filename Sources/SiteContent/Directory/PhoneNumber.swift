import Foundation

/// A North American (NANP) phone number, normalised: `+1-434-979-8871`, an extension kept as `;ext=12`.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    public let areaCode: String
    public let exchange: String
    public let line: String
    public let extensionNumber: String?
    /// The normalised form stored in content: `+1-434-979-8871;ext=12`.
    public let description: String
    /// For readers: `(434) 979-8871, ext. 12`.
    public let display: String

    /// Parses `434-979-8871`, `(434) 979-8871`, `1 434 979 8871`, `+1-434-979-8871;ext=12`, `… x12`, `… ext. 12`.
    public init?(_ text: String) {
        // The normalised form (what the importer writes) is read from its bytes.
        let bytes = Array(text.utf8)
        func digit(_ index: Int) -> Bool { bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") }
        if bytes.count == 15, bytes[0] == UInt8(ascii: "+"), bytes[1] == UInt8(ascii: "1"), bytes[2] == UInt8(ascii: "-"),
           bytes[6] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "-"),
           [3, 4, 5, 7, 8, 9, 11, 12, 13, 14].allSatisfy(digit), bytes[3] >= UInt8(ascii: "2"), bytes[7] >= UInt8(ascii: "2") {
            self.init(areaCode: String(decoding: bytes[3..<6], as: UTF8.self), exchange: String(decoding: bytes[7..<10], as: UTF8.self),
                      line: String(decoding: bytes[11..<15], as: UTF8.self), extensionNumber: nil)
            return
        }
        var main = text.lowercased()
        var ext: String?
        for marker in [";ext=", " extension ", " ext. ", " ext ", " x", "x"] {
            if let range = main.range(of: marker, options: .backwards) {
                let digits = main[range.upperBound...].filter { !$0.isWhitespace && $0 != "." }
                guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), digits.count <= 6 else { return nil }
                ext = String(digits)
                main = String(main[..<range.lowerBound])
                break
            }
        }
        guard main.allSatisfy({ $0.isNumber || " ()-.+".contains($0) }) else { return nil }
        var digits = main.filter(\.isNumber)
        if digits.count == 11, digits.hasPrefix("1") { digits.removeFirst() }
        guard digits.count == 10 else { return nil }
        let chars = Array(digits)
        // NANP: area code and exchange start with 2–9.
        guard chars[0] >= "2", chars[3] >= "2" else { return nil }
        self.init(areaCode: String(chars[0..<3]), exchange: String(chars[3..<6]), line: String(chars[6..<10]), extensionNumber: ext)
    }

    /// Both written forms are made here, once: every listing shows its number on two pages and in their data.
    private init(areaCode: String, exchange: String, line: String, extensionNumber: String?) {
        self.areaCode = areaCode
        self.exchange = exchange
        self.line = line
        self.extensionNumber = extensionNumber
        description = "+1-\(areaCode)-\(exchange)-\(line)" + (extensionNumber.map { ";ext=\($0)" } ?? "")
        display = "(\(areaCode)) \(exchange)-\(line)" + (extensionNumber.map { ", ext. \($0)" } ?? "")
        telURL = "tel:" + description
    }

    /// True for a number the NANP reserves for fiction: 555-0100 to 555-0199 in any area code.
    public var isFictional: Bool {
        exchange == "555" && line.hasPrefix("01")
    }

    /// False for numbers no line can have: an N11 service code or a reserved N9X as area code, an N11 exchange.
    public var isDialable: Bool {
        let area = Array(areaCode), office = Array(exchange)
        return !(area[1] == "1" && area[2] == "1") && area[1] != "9" && !(office[1] == "1" && office[2] == "1")
    }

    /// E.164 without separators: `tel:+18006624357`.
    public var compactTelURL: String { "tel:+1\(areaCode)\(exchange)\(line)" }

    /// RFC 3966: `tel:+1-434-979-8871;ext=12`.
    public let telURL: String
}
