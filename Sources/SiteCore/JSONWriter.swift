/// Writes compact JSON straight into bytes, with `JSONValue`'s escaping and layout, for documents written
/// on every page (a listing's JSON-LD): no tree of values is built and then walked.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the container being written has no member yet (no comma before the next one).
    private var first = true

    public init() {
        bytes.reserveCapacity(1024)
    }

    /// An object at the top, or as the next element of the array being written.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        comma()
        open(UInt8(ascii: "{"), body, close: UInt8(ascii: "}"))
    }

    /// `"key":"value"`; nothing when `value` is nil (absent data is omitted, never invented).
    public mutating func member(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        Escape.appendJSONString(value, to: &bytes)
    }

    /// `"key":"value"` for a value of ours that needs no escape (plain ASCII without `" \\ < > &`): written as it is.
    public mutating func member(_ key: StaticString, literal value: StaticString) {
        self.key(key)
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func member(_ key: StaticString, number: Int) {
        self.key(key)
        bytes.append(contentsOf: String(number).utf8)
    }

    /// `"key":{…}`.
    public mutating func object(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        open(UInt8(ascii: "{"), body, close: UInt8(ascii: "}"))
    }

    /// `"key":[…]`, its elements written by `body` (with `object(_:)`).
    public mutating func array(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        open(UInt8(ascii: "["), body, close: UInt8(ascii: "]"))
    }

    /// Keys are literals of ours, plain ASCII that JSON needs no escape for: written as they are.
    private mutating func key(_ key: StaticString) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        // Two appends, not an array literal of two: that allocated for every key of every listing's JSON-LD.
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func comma() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }

    private mutating func open(_ opening: UInt8, _ body: (inout JSONWriter) -> Void, close closing: UInt8) {
        bytes.append(opening)
        first = true
        body(&self)
        bytes.append(closing)
        first = false
    }
}
