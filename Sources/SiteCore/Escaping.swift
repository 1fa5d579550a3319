/// Escaping for the places content lands in a page.
public enum Escape {
    /// Text or attribute value in HTML: `& < > " '` become entities.
    public static func html(_ text: String) -> String {
        html(text, apostrophe: true)
    }

    /// Text, or a double-quoted attribute value, as CommonMark's reference renderer escapes it:
    /// `& < > "` become entities; `'` stays, since every attribute iopsite writes is double-quoted.
    public static func markdownText(_ text: String) -> String {
        html(text, apostrophe: false)
    }

    private static func html(_ text: String, apostrophe: Bool) -> String {
        // Most text needs no escaping: return it without copying.
        guard needsEscaping(text, apostrophe: apostrophe) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes += Array("&amp;".utf8)
            case 0x3C: bytes += Array("&lt;".utf8)
            case 0x3E: bytes += Array("&gt;".utf8)
            case 0x22: bytes += Array("&quot;".utf8)
            case 0x27 where apostrophe: bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `text` holds a byte `html` escapes, looked for a word at a time: most text holds none, and a
    /// byte-by-byte test of every text a Markdown description renders was a fortieth of a directory build.
    private static func needsEscaping(_ text: String, apostrophe: Bool) -> Bool {
        func escaped(_ byte: UInt8) -> Bool {
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || (byte == 0x27 && apostrophe)
        }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = ByteScan.skipHTMLPlain(bytes, from: 0)
            while index < bytes.count {
                if escaped(bytes[index]) { return true }
                index = ByteScan.skipHTMLPlain(bytes, from: index + 1)
            }
            return false
        } ?? text.utf8.contains(where: escaped)
    }

    /// A URL for an `href` or `src` attribute, as CommonMark's reference renderer writes it: bytes outside
    /// the URL-safe set (letters, digits and `-_.+!*(),%#@?=;:/$~`) are percent-encoded, `&` and `'` become
    /// entities. Existing `%XX` escapes are kept, so a URL is never encoded twice.
    public static func href(_ url: String) -> String {
        // Read in place (every link of every page comes here, and nearly every URL is safe as it is).
        guard UTF8Text.withBytes(of: url, { $0.contains { !isHrefSafe($0) } }) else { return url }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if isHrefSafe(byte) { bytes.append(byte); continue }
            switch byte {
            case 0x26: bytes += Array("&amp;".utf8)
            case 0x27: bytes += Array("&#x27;".utf8)
            default: bytes += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Letters, digits and `-_.+!*(),%#@?=;:/$~`.
    @inline(__always)
    private static func isHrefSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A,
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "@"),
             UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"),
             UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// A JSON string literal (with quotes) that is also safe inside an HTML `<script>` element:
    /// `<`, `>`, `&` and the line separators are written as `\uXXXX`, so `</script>` cannot end the element.
    public static func jsonString(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendJSONString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `jsonString`, appended as UTF-8 bytes.
    public static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        writeJSONString(text) { out.append(contentsOf: $0) }
    }

    /// `jsonString` in pieces of UTF-8, quotes included, given to `write` in order: runs of bytes that need no
    /// escape are given whole, since JSON-LD is written for every listing page.
    @inlinable
    public static func writeJSONString(_ text: String, _ write: (UnsafeBufferPointer<UInt8>) -> Void) {
        let quote: StaticString = "\""
        quote.withUTF8Buffer(write)
        UTF8Text.withBytes(of: text) { source in
            var runStart = 0
            var index = 0
            let count = source.count
            while index < count {
                index = ByteScan.skipJSONPlain(source, from: index)
                guard index < count else { break }
                let byte = source[index]
                let escape: StaticString
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = #"\""#
                case UInt8(ascii: "\\"): escape = #"\\"#
                case 0x0A: escape = #"\n"#
                case 0x0D: escape = #"\r"#
                case 0x09: escape = #"\t"#
                case UInt8(ascii: "<"): escape = #"\u003c"#
                case UInt8(ascii: ">"): escape = #"\u003e"#
                case UInt8(ascii: "&"): escape = #"\u0026"#
                case 0xE2 where index + 2 < count && source[index + 1] == 0x80 && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    escape = source[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
                    width = 3
                case 0..<0x20:
                    if index > runStart { write(UnsafeBufferPointer(rebasing: source[runStart..<index])) }
                    let hex = String(byte, radix: 16)
                    var escaped = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    escaped.withUTF8(write)
                    index += 1
                    runStart = index
                    continue
                default:
                    index += 1
                    continue
                }
                if index > runStart { write(UnsafeBufferPointer(rebasing: source[runStart..<index])) }
                escape.withUTF8Buffer(write)
                index += width
                runStart = index
            }
            if runStart < count { write(UnsafeBufferPointer(rebasing: source[runStart..<count])) }
        }
        quote.withUTF8Buffer(write)
    }
}
