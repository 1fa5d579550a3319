import Foundation

/// Converts offsets in a text into 1-based line and Unicode-scalar column numbers.
public struct TextLines: Sendable {
    /// The lines of the text without their terminators (`\n` or `\r\n`).
    public let lines: [Substring]

    public init(_ text: String) {
        self.init(text[...])
    }

    /// The lines of a slice, which keep sharing its storage.
    public init(_ text: Substring) {
        // Split on UTF-8 bytes (\n and \r are ASCII, so every cut is on a scalar boundary): as Characters,
        // "\r\n" is one grapheme and never equals "\n", and walking scalars costs far more than bytes. The
        // bytes are searched with memchr where the text is contiguous (a String's own is): stepping a String's
        // UTF-8 indices cost forty instructions a byte, a twentieth of a directory build.
        let utf8 = text.utf8
        let split: [Substring]? = utf8.withContiguousStorageIfAvailable { bytes in
            var lines: [Substring] = []
            let base = utf8.startIndex
            func line(_ start: Int, _ end: Int) -> Substring {
                let end = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
                return text[utf8.index(base, offsetBy: start)..<utf8.index(base, offsetBy: end)]
            }
            var start = 0
            if let first = bytes.baseAddress {
                while start < bytes.count, let found = memchr(first + start, 0x0A, bytes.count - start) {
                    let end = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - first
                    lines.append(line(start, end))
                    start = end + 1
                }
            }
            lines.append(line(start, bytes.count))
            return lines
        }
        if let split {
            lines = split
            return
        }
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        func line(to end: String.Index) -> Substring {
            if end > start, utf8[utf8.index(before: end)] == 0x0D { return text[start..<utf8.index(before: end)] }
            return text[start..<end]
        }
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                lines.append(line(to: index))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        lines.append(line(to: utf8.endIndex))
        self.lines = lines
    }

    /// The 1-based column of the character that starts at `byteColumn` (1-based, in UTF-8 bytes) on `line`.
    public func column(forByteColumn byteColumn: Int, onLine line: Int) -> Int {
        guard line >= 1, line <= lines.count else { return byteColumn }
        let utf8 = lines[line - 1].utf8
        // A scalar starts at every byte but UTF-8's continuation bytes (10xxxxxx).
        if let column = utf8.withContiguousStorageIfAvailable({ bytes -> Int in
            let limit = min(max(byteColumn - 1, 0), bytes.count)
            // The ASCII bytes in front are a scalar each, skipped a word at a time: a Markdown paragraph is
            // one long line, asked for the column of each of its inlines.
            let ascii = min(ByteScan.skipSevenBit(UnsafeBufferPointer(rebasing: bytes[..<limit]), from: 0), limit)
            var scalars = ascii
            for index in ascii..<limit where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            return scalars + 1
        }) {
            return column
        }
        let limit = min(max(byteColumn - 1, 0), utf8.count)
        let end = utf8.index(utf8.startIndex, offsetBy: limit)
        return lines[line - 1].unicodeScalars[..<end].count + 1
    }
}
