/// Character references in attribute values: numeric ones, and the named ones that occur in URLs and
/// text we emit. An unknown name stays as written (the standard's "ambiguous ampersand").
enum CharacterReferences {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "copy": "©", "reg": "®",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    ]

    /// Decodes `bytes` into `out` (replacing its contents).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x26, let semicolon = (index + 1..<min(bytes.count, index + 34)).first(where: { bytes[$0] == 0x3B }) else {
                out.append(byte)
                index += 1
                continue
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon]), as: UTF8.self)
            if let replacement = reference(name) {
                out.append(contentsOf: replacement.utf8)
                index = semicolon + 1
            } else {
                out.append(byte)
                index += 1
            }
        }
    }

    private static func reference(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first.map { $0 == "x" || $0 == "X" } == true ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value else { return nil }
            // Null, surrogates and out-of-range code points become the replacement character.
            return String(Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}")
        }
        return named[name]
    }
}
