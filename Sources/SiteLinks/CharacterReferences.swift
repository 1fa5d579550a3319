/// Character references in attribute values, decoded as the HTML standard's tokenizer does
/// ("13.2.5.72 Character reference state" and after): every named reference of the standard, the
/// legacy names without `;`, numeric references with or without `;`.
package enum CharacterReferences {
    /// Every name (with its `;` when it has one) and what it stands for.
    static let named: [String: String] = {
        var table: [String: String] = [:]
        for line in namesAndCodePoints.split(separator: "\n") {
            let fields = line.split(separator: " ")
            var value = ""
            for field in fields.dropFirst() { value.unicodeScalars.append(Unicode.Scalar(UInt32(field, radix: 16)!)!) }
            table[String(fields[0])] = value
        }
        return table
    }()

    /// The longest name, `CounterClockwiseContourIntegral;`.
    static let longestName = 32

    /// An attribute value's text with its character references decoded, as `decode(_:into:)` does.
    package static func decoded(_ value: String) -> String {
        guard value.utf8.contains(0x26) else { return value }
        var out: [UInt8] = []
        var value = value
        value.withUTF8 { decode($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes an attribute value's `bytes` into `out` (replacing its contents).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == 0x26, index < bytes.count else {
                out.append(byte)
                continue
            }
            let reference = bytes[index] == 0x23 ? numericReference(bytes, at: index + 1) : namedReference(bytes, at: index)
            if let (scalar, end) = reference {
                out.append(contentsOf: scalar.utf8)
                index = end
            } else {
                out.append(byte) // Not a reference: the "&" is text.
            }
        }
    }

    /// `&name;` (or a legacy `&name`) starting at `start`, just after the "&": what it stands for and
    /// where it ends.
    private static func namedReference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)? {
        var end = start
        while end < bytes.count, end - start < longestName, isAlphanumeric(bytes[end]) { end += 1 }
        if end < bytes.count, end - start < longestName, bytes[end] == 0x3B { end += 1 }
        // The longest name that the text starts with.
        for length in stride(from: end - start, to: 0, by: -1) {
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(start + length)]), as: UTF8.self)
            guard let value = named[name] else { continue }
            let after = start + length
            // In an attribute, a legacy name followed by "=" or a letter or digit is text (`?a=1&copy=2`).
            if !name.hasSuffix(";"), after < bytes.count, bytes[after] == 0x3D || isAlphanumeric(bytes[after]) { return nil }
            return (value, after)
        }
        return nil
    }

    /// `&#38;`, `&#x26;` (the `;` may be missing) starting at `start`, just after the "#".
    private static func numericReference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)? {
        var index = start
        let hexadecimal = index < bytes.count && bytes[index] | 0x20 == 0x78
        if hexadecimal { index += 1 }
        let digitsStart = index
        var value: UInt32 = 0
        while index < bytes.count, let digit = digit(bytes[index], hexadecimal: hexadecimal) {
            value = min(value &* (hexadecimal ? 16 : 10) &+ digit, 0x11_0000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < bytes.count, bytes[index] == 0x3B { index += 1 }
        return (String(scalar(for: value)), index)
    }

    /// What a numeric reference's number becomes: null, surrogates and numbers past Unicode become
    /// U+FFFD; 0x80–0x9F are read as windows-1252, as the standard's table says.
    private static func scalar(for value: UInt32) -> Character {
        if (0x80...0x9F).contains(value), let mapped = windows1252[value] { return Character(Unicode.Scalar(mapped)!) }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return Character(scalar)
    }

    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    private static func digit(_ byte: UInt8, hexadecimal: Bool) -> UInt32? {
        if byte >= 0x30 && byte <= 0x39 { return UInt32(byte - 0x30) }
        let lowered = byte | 0x20
        if hexadecimal && lowered >= 0x61 && lowered <= 0x66 { return UInt32(lowered - 0x61 + 10) }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}
