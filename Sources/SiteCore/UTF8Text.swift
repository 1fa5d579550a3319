/// Text from UTF-8 bytes, checked a word at a time where they are ASCII.
///
/// The standard library checks bytes that are all ASCII a word at a time, but once it meets one that is not it
/// checks the rest byte by byte, at some twelve instructions a byte: a page with one en dash near its top took
/// a tenth of a directory build's instructions to become a String. Here the ASCII runs are skipped a word at a
/// time and only the few multi-byte characters are checked one by one (UTF-8's well-formed sequences, Unicode
/// table 3-7); bytes found well-formed become a String without a second check. Bytes that are not are left to
/// `String(decoding:as:)`, which repairs them, so the text is always what it makes of the same bytes.
public enum UTF8Text {
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let isASCII = wellFormed(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        // Safe: `wellFormed` has just checked every byte.
        return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
    }

    /// Text from bytes the caller has checked are well-formed UTF-8 (debug builds check again). Whether they are
    /// all ASCII is found a word at a time: an ASCII string keeps the standard library's fast paths.
    public static func string(checked bytes: UnsafeBufferPointer<UInt8>) -> String {
        assert(wellFormed(bytes) != nil, "bytes checked by the caller are well-formed UTF-8")
        var index = ByteScan.skipSevenBit(bytes, from: 0)
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: index == bytes.count))
    }

    /// Text from bytes that are whole Strings' UTF-8 laid end to end (a page written piece by piece): well-formed by
    /// construction, since joining well-formed UTF-8 at its boundaries cannot make an ill-formed sequence, so they
    /// are not checked again (debug builds do check). Checking every page was about 1.5% of a directory build.
    public static func string(joiningWholeStrings bytes: UnsafeBufferPointer<UInt8>) -> String {
        assert(wellFormed(bytes) != nil, "bytes joined from Strings are well-formed UTF-8")
        return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: false))
    }

    /// Runs `body` over the UTF-8 of `text` in place, without the copy (a retain and release) that `withUTF8`
    /// needs, being mutating: a page reads a hundred field values this way.
    @inlinable
    public static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Whether the bytes are well-formed UTF-8 (then whether they are all ASCII), or nil.
    static func wellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let count = bytes.count
        var index = 0
        var isASCII = true
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < count && range.contains(bytes[index + offset])
        }
        while true {
            index = ByteScan.skipSevenBit(bytes, from: index)
            while index < count, bytes[index] < 0x80 { index += 1 }
            guard index < count else { return isASCII }
            isASCII = false
            let lead = bytes[index]
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return nil }
                index += 2
            case 0xE0...0xEF:
                let second: ClosedRange<UInt8> = lead == 0xE0 ? 0xA0...0xBF : lead == 0xED ? 0x80...0x9F : 0x80...0xBF
                guard continuation(1, second), continuation(2) else { return nil }
                index += 3
            case 0xF0...0xF4:
                let second: ClosedRange<UInt8> = lead == 0xF0 ? 0x90...0xBF : lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF
                guard continuation(1, second), continuation(2), continuation(3) else { return nil }
                index += 4
            default:
                return nil
            }
        }
    }
}
