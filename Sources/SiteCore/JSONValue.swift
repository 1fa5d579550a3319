/// A JSON value with ordered keys, written deterministically and safe to embed in `<script>`.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONValue])
    /// Keys keep the order given, so output is stable and readable.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// An object without the keys whose value is nil: absent data is omitted, never invented.
    public static func object(omittingNil pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// Compact JSON in which `<`, `>` and `&` are escaped, so `</script>` in a value cannot end the element.
    public func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        append(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The compact JSON text, appended as UTF-8 (one buffer for a whole document, however deep).
    public func append(to out: inout [UInt8]) {
        switch self {
        case .string(let text): Escape.appendJSONString(text, to: &out)
        case .number(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let bool): out.append(contentsOf: (bool ? "true" : "false").utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.append(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Escape.appendJSONString(pair.0, to: &out)
                out.append(UInt8(ascii: ":"))
                pair.1.append(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
