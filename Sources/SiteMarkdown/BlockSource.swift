import SiteCore

/// The source lines of one leaf block, searched left to right to locate its inline elements.
///
/// libcmark's inline positions are unreliable on indented continuation lines, so inline
/// elements are found again in the block's own source text, in document order.
struct BlockSource {
    /// The block's lines as UTF-8, each ended by one `\n`. Searched as bytes: a needle's bytes can only
    /// match at a scalar boundary (no UTF-8 lead byte occurs inside another scalar), so a byte match is
    /// the scalar match; only a position found is counted in scalars.
    private let text: [UInt8]
    /// Where each line starts in `text`; line `firstLine + i` starts at `lineStarts[i]`.
    private let lineStarts: [Int]
    private let firstLine: Int
    /// A byte offset into `text`, always at a scalar boundary.
    private(set) var cursor = 0
    let start: (line: Int, column: Int)

    init(lines: TextLines, firstLine: Int, lastLine: Int, firstColumn: Int) {
        var text: [UInt8] = []
        var lineStarts: [Int] = []
        let last = min(lastLine, lines.lines.count)
        if firstLine <= last {
            text.reserveCapacity((firstLine...last).reduce(0) { $0 + lines.lines[$1 - 1].utf8.count + 1 })
            for line in firstLine...last {
                lineStarts.append(text.count)
                let utf8 = lines.lines[line - 1].utf8
                // A String's bytes are copied whole; element by element they were a twentieth of a directory build.
                if utf8.withContiguousStorageIfAvailable({ text.append(contentsOf: $0) }) == nil { text.append(contentsOf: utf8) }
                text.append(0x0A)
            }
        }
        self.text = text
        self.lineStarts = lineStarts
        self.firstLine = firstLine
        self.start = (firstLine, firstColumn)
    }

    /// The 1-based line and column (in Unicode scalars) of the byte at `offset`.
    private func position(_ offset: Int) -> (line: Int, column: Int) {
        // The last line start at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var scalars = 0
        for index in lineStarts[low]..<offset where text[index] & 0xC0 != 0x80 { scalars += 1 }
        return (firstLine + low, scalars + 1)
    }

    /// The position of the next occurrence of `needle` at or after the cursor, moving the cursor past it.
    mutating func find(_ needle: String, advance: Bool = true) -> (line: Int, column: Int)? {
        let bytes = Array(needle.utf8)
        guard let offset = offset(of: bytes, from: cursor) else { return nil }
        if advance { cursor = offset + bytes.count }
        return position(offset)
    }

    /// The position of a link destination: after `](`, inside `<…>`, or anywhere, in that order of preference.
    mutating func findDestination(_ url: String) -> (line: Int, column: Int)? {
        guard !url.isEmpty else { return nil }
        var url = url
        // Searched as the opening and the URL's own bytes side by side: no array is made for each.
        let found: Int? = url.withUTF8 { bytes in
            for opening: StaticString in ["](", "](<", "<"] {
                if let offset = opening.withUTF8Buffer({ offset(of: $0, then: bytes, from: cursor) }) {
                    return offset + opening.utf8CodeUnitCount
                }
            }
            return nil
        }
        guard let found else { return find(url) }
        cursor = found + url.utf8.count
        return position(found)
    }

    /// The position of the `[` that opens a citation whose first key is `key`; the cursor stays on the bracket.
    mutating func findCitationBracket(firstKey key: String) -> (line: Int, column: Int)? {
        guard let at = offset(of: Array(("@" + key).utf8), from: cursor) else { return nil }
        var bracket = at
        while bracket > cursor && text[bracket] != UInt8(ascii: "[") { bracket -= 1 }
        if text[bracket] != UInt8(ascii: "[") { bracket = at }
        cursor = bracket
        return position(bracket)
    }

    /// The position of `@key` at or after the cursor, without moving it past the citation's end.
    mutating func findKey(_ key: String) -> (line: Int, column: Int)? {
        guard let at = offset(of: Array(("@" + key).utf8), from: cursor) else { return nil }
        cursor = at + 1
        return position(at)
    }

    private func offset(of needle: [UInt8], from start: Int) -> Int? {
        needle.withUnsafeBufferPointer { offset(of: UnsafeBufferPointer(start: nil, count: 0), then: $0, from: start) }
    }

    /// Where `prefix` followed by `needle` starts, at or after `start`; candidates found by memchr for the first byte.
    private func offset(of prefix: UnsafeBufferPointer<UInt8>, then needle: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let total = prefix.count + needle.count
        guard total > 0, text.count >= total, start <= text.count - total else { return nil }
        return text.withUnsafeBufferPointer { haystack in
            let base = haystack.baseAddress!
            let first = prefix.first ?? needle[0]
            let last = haystack.count - total
            var index = start
            while index <= last, let found = memchr(base + index, Int32(first), last - index + 1) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if prefix.isEmpty || memcmp(base + index, prefix.baseAddress!, prefix.count) == 0,
                   needle.isEmpty || memcmp(base + index + prefix.count, needle.baseAddress!, needle.count) == 0 {
                    return index
                }
                index += 1
            }
            return nil
        }
    }
}

import Foundation
