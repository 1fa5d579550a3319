/// Writes compact JSON straight into bytes, with `JSONValue`'s escaping and layout, for documents written
/// on every page (a listing's JSON-LD): no tree of values is built and then walked.
///
/// Its own memory rather than an array's: a listing's JSON-LD is some hundred small appends, and an array
/// checked its uniqueness and capacity on each at several times the cost of the copy. Not copyable, so one
/// writer owns its bytes.
public struct JSONWriter: ~Copyable {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var count = 0
    /// Whether the container being written has no member yet (no comma before the next one).
    @usableFromInline var first = true

    public init() {
        capacity = 2048
        start = .allocate(capacity: capacity)
    }

    deinit {
        start.deallocate()
    }

    /// The bytes written so far.
    public var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: start, count: count)
    }

    /// An object at the top, or as the next element of the array being written.
    @inlinable
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        comma()
        open(UInt8(ascii: "{"), body, close: UInt8(ascii: "}"))
    }

    /// `"key":"value"`; nothing when `value` is nil (absent data is omitted, never invented).
    @inlinable
    public mutating func member(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    /// The next element of the array being written, from `raw` pieces and `string` values: for a small object
    /// of known keys that every listing page repeats (a day's opening hours), written in a few copies.
    @inlinable
    public mutating func element(_ body: (inout JSONWriter) -> Void) {
        comma()
        body(&self)
        first = false
    }

    /// JSON of ours, plain ASCII that needs no escape (keys, punctuation), written as it is.
    @inlinable
    public mutating func raw(_ json: StaticString) {
        json.withUTF8Buffer { append($0) }
    }

    /// `value` as a JSON string, quoted and escaped.
    @inlinable
    public mutating func string(_ value: String) {
        // Most values (names, times, URLs) need no escape: then they are copied whole, quotes around them.
        let plain = UTF8Text.withBytes(of: value) { bytes -> Bool in
            var index = ByteScan.skipJSONPlain(bytes, from: 0)
            while index < bytes.count, Self.isPlain(bytes[index]) { index += 1 }
            guard index == bytes.count else { return false }
            quoted(bytes)
            return true
        }
        if !plain { Escape.writeJSONString(value) { append($0) } }
    }

    /// `"key":"value"` for a value of ours that needs no escape (plain ASCII without `" \ < > &`): written as it is.
    @inlinable
    public mutating func member(_ key: StaticString, literal value: StaticString) {
        self.key(key)
        value.withUTF8Buffer { quoted($0) }
    }

    /// A byte that `Escape.writeJSONString` writes as it is.
    @inlinable @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<")
            && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "&")
    }

    /// `bytes` between quotes, in one reservation.
    @inlinable
    mutating func quoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count + 2)
        start[count] = UInt8(ascii: "\"")
        if let base = bytes.baseAddress { (start + count + 1).update(from: base, count: bytes.count) }
        start[count + 1 + bytes.count] = UInt8(ascii: "\"")
        count += bytes.count + 2
    }

    @inlinable
    public mutating func member(_ key: StaticString, number: Int) {
        self.key(key)
        // Digits written straight in (a breadcrumb's position is one): no String made of the number.
        guard number >= 0 else {
            var text = String(number)
            text.withUTF8 { append($0) }
            return
        }
        var digits = 1, rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        reserve(digits)
        var value = number
        for offset in stride(from: digits - 1, through: 0, by: -1) {
            start[count + offset] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        count += digits
    }

    /// `"key":{…}`.
    @inlinable
    public mutating func object(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        open(UInt8(ascii: "{"), body, close: UInt8(ascii: "}"))
    }

    /// `"key":[…]`, its elements written by `body` (with `object(_:)`).
    @inlinable
    public mutating func array(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        open(UInt8(ascii: "["), body, close: UInt8(ascii: "]"))
    }

    /// Keys are literals of ours, plain ASCII that JSON needs no escape for: written as they are.
    @inlinable
    mutating func key(_ key: StaticString) {
        // The comma, the quoted key and the colon in one reservation (a key a member: a JSON-LD block has dozens).
        key.withUTF8Buffer { key in
            reserve(key.count + 4)
            if !first {
                start[count] = UInt8(ascii: ",")
                count += 1
            }
            first = false
            start[count] = UInt8(ascii: "\"")
            if let base = key.baseAddress { (start + count + 1).update(from: base, count: key.count) }
            start[count + 1 + key.count] = UInt8(ascii: "\"")
            start[count + 2 + key.count] = UInt8(ascii: ":")
            count += key.count + 3
        }
    }

    @inlinable
    mutating func comma() {
        if !first { append(UInt8(ascii: ",")) }
        first = false
    }

    @inlinable
    mutating func open(_ opening: UInt8, _ body: (inout JSONWriter) -> Void, close closing: UInt8) {
        append(opening)
        first = true
        body(&self)
        append(closing)
        first = false
    }

    /// Room for `extra` more bytes.
    @inlinable
    mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }

    @inlinable
    mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    @inlinable
    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let base = piece.baseAddress, !piece.isEmpty else { return }
        reserve(piece.count)
        (start + count).update(from: base, count: piece.count)
        count += piece.count
    }
}
