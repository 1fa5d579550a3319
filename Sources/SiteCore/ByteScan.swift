import Foundation

/// Skips, eight bytes at a time, the bytes an escaper passes through unchanged: most of a page's text needs no
/// escape, and a byte-by-byte switch over it was the largest cost of writing text into pages.
public enum ByteScan {
    @inlinable static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// Nonzero when some byte of `word` may equal `byte` (it may say so wrongly, never miss one).
    @inlinable @inline(__always)
    static func mayHave(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// The first index at or after `start` where an 8-byte word holds one of HTML's escaped bytes (`& < > " '`),
    /// or the start of the last, partial word; the caller looks at the bytes from there one by one.
    @inlinable @inline(__always)
    public static func skipHTMLPlain(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        skip(source, from: start) { word in
            mayHave(word, 0x26) | mayHave(word, 0x3C) | mayHave(word, 0x3E) | mayHave(word, 0x22) | mayHave(word, 0x27) == 0
        }
    }

    /// As `skipHTMLPlain`, for JSON inside a script: `" \ < > &`, control bytes and any byte of a non-ASCII character.
    @inlinable @inline(__always)
    public static func skipJSONPlain(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        skip(source, from: start) { word in
            let control = (word &- (ones &* 0x20)) & ~word & highs
            return word & highs | control | mayHave(word, 0x22) | mayHave(word, 0x5C) | mayHave(word, 0x3C) | mayHave(word, 0x3E)
                | mayHave(word, 0x26) == 0
        }
    }

    /// The bytes of `word` that are zero, as their high bits (exact: no byte is flagged wrongly).
    @inlinable @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low7 = 0x7F7F_7F7F_7F7F_7F7F as UInt64
        return ~(((word & low7) &+ low7) | word) & highs
    }

    /// The first index at or after `start` where an 8-byte word holds a NUL or a non-ASCII byte (the caller
    /// looks at the bytes from there one by one): most of a source file is plain ASCII.
    @inlinable @inline(__always)
    public static func skipASCII(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        skip(source, from: start) { word in word & highs | zeroBytes(word) == 0 }
    }

    /// The first index at or after `start` where an 8-byte word holds a byte of a non-ASCII character.
    @inlinable @inline(__always)
    public static func skipSevenBit(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        skip(source, from: start) { word in word & highs == 0 }
    }

    /// The first index at or after `start` where an 8-byte word holds a byte other than printable ASCII and
    /// line feeds.
    @inlinable @inline(__always)
    public static func skipPrintableLines(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        skip(source, from: start) { word in
            // Line feeds become `*` (0x2A) for the test on control bytes.
            let printable = word | (zeroBytes(word ^ (ones &* 0x0A)) >> 2)
            let control = (printable &- (ones &* 0x20)) & ~printable & highs
            return word & highs | control | zeroBytes(printable ^ (ones &* 0x7F)) == 0
        }
    }

    /// Whether `text` holds `byte`, found with memchr in the string's own bytes (the generic `contains` of a
    /// UTF-8 view steps an index per byte).
    public static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? text.utf8.contains(byte)
    }

    /// The first index at or after `start` where an 8-byte word is not `plain`, or the start of the last, partial word.
    @inlinable @inline(__always)
    static func skip(_ source: UnsafeBufferPointer<UInt8>, from start: Int, while plain: (UInt64) -> Bool) -> Int {
        guard let base = source.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= source.count, plain(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { index += 8 }
        return index
    }
}
