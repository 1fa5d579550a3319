/// Text from UTF-8 bytes, made quickly when the bytes are mostly ASCII.
///
/// The standard library checks bytes that are all ASCII a word at a time, but once it meets one that is not it
/// checks the rest byte by byte, at some twelve instructions a byte: a page's text with one en dash near its top
/// took a tenth of a directory build's instructions to become a String. So the ASCII runs become Strings on their
/// own (the fast check) and the non-ASCII runs between them are decoded alone, each then appended. An ASCII byte
/// never sits inside a multi-byte character, so the cuts fall between characters and the text, repairs of
/// invalid bytes included, is the same as `String(decoding:as:)` makes of the whole.
public enum UTF8Text {
    /// An ASCII run shorter than this is decoded with the non-ASCII bytes around it: a String apiece would
    /// cost more than checking it byte by byte.
    static let shortestRun = 48

    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        var runEnd = nextNonASCII(bytes, from: 0)
        guard runEnd < count else { return String(decoding: bytes, as: UTF8.self) }
        var text = String()
        text.reserveCapacity(count)
        var start = 0
        while start < count {
            // [start, runEnd) is ASCII; then a stretch of non-ASCII characters with short ASCII runs among them.
            if runEnd > start { text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<runEnd]), as: UTF8.self) }
            guard runEnd < count else { break }
            var mixedEnd = runEnd
            var nextRun = count
            while mixedEnd < count {
                while mixedEnd < count, bytes[mixedEnd] >= 0x80 { mixedEnd += 1 }
                let asciiEnd = nextNonASCII(bytes, from: mixedEnd)
                if asciiEnd - mixedEnd >= shortestRun || asciiEnd == count { nextRun = asciiEnd; break }
                mixedEnd = asciiEnd
            }
            text += String(decoding: UnsafeBufferPointer(rebasing: bytes[runEnd..<mixedEnd]), as: UTF8.self)
            start = mixedEnd
            runEnd = nextRun
        }
        return text
    }

    /// The index of the first byte at or after `start` that is not ASCII, or `bytes.count`.
    private static func nextNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = ByteScan.skipSevenBit(bytes, from: start)
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        return index
    }
}
