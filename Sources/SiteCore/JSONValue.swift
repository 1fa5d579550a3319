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
        switch self {
        case .string(let text): Escape.jsonString(text)
        case .number(let number): String(number)
        case .bool(let bool): bool ? "true" : "false"
        case .array(let items): "[" + items.map { $0.serialized() }.joined(separator: ",") + "]"
        case .object(let pairs): "{" + pairs.map { Escape.jsonString($0.0) + ":" + $0.1.serialized() }.joined(separator: ",") + "}"
        }
    }
}
