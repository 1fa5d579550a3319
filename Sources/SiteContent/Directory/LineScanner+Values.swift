import Foundation
import SiteCore

/// The values of a state file's lines: scalars, flow lists and mappings, literal blocks.
extension LineScanner {
    /// `key: value` to the line's end (or a block's last line), or `key:` alone (a nested mapping follows:
    /// `value` is nil). `indent` is the mapping's own indentation.
    mutating func readPair(at start: Int, indent: Int) -> (key: String, location: SourceLocation, value: ScannedValue?)? {
        var index = start
        while index < lineEnd, Self.isKeyByte(bytes[index]) { index += 1 }
        guard index > start, byte(index) == UInt8(ascii: ":") else { return nil }
        let key = text(start..<index)
        let keyLocation = location(start)
        if index + 1 == lineEnd { return (key, keyLocation, nil) }
        guard byte(index + 1) == 0x20, index + 2 < lineEnd, bytes[index + 2] != 0x20 else { return nil }
        guard let value = readValue(at: index + 2, indent: indent) else { return nil }
        return (key, keyLocation, value)
    }

    private mutating func readValue(at start: Int, indent: Int) -> ScannedValue? {
        switch bytes[start] {
        case UInt8(ascii: "|"):
            return start + 1 == lineEnd ? readBlock(at: start, indent: indent) : nil
        case UInt8(ascii: "{"):
            return readFlowMapping(at: start)
        case UInt8(ascii: "\""):
            guard let (scalar, end) = readQuoted(at: start), end == lineEnd else { return nil }
            return .scalar(scalar)
        case UInt8(ascii: "["):
            return readList(at: start)
        default:
            let range = start..<lineEnd
            guard isPlainInBlock(range) else { return nil }
            return .scalar(ScannedScalar(text: text(range), style: .plain, location: location(start)))
        }
    }

    /// A literal block: the `|` at `start`, then the lines indented past `indent` (as the first of them is).
    /// Its text keeps one final line break (YAML's "clip"); the scanner goes on after its last line.
    private mutating func readBlock(at start: Int, indent: Int) -> ScannedValue? {
        let marker = location(start)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(16)
        var contentLines = 0
        var consumed = 0, consumedEnd = lineEnd
        var blockIndent: Int?
        var next = lineEnd + 1
        var endsWithBreak = true
        while next < bytes.count {
            // The line's end found with memchr: a description is most of a listing's bytes.
            let end = memchr(bytes.baseAddress! + next, 0x0A, bytes.count - next)
                .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! } ?? bytes.count
            var spaces = 0
            while next + spaces < end, bytes[next + spaces] == 0x20 { spaces += 1 }
            if end == next {
                // An empty line inside the block (one at its start would change how YAML counts it: left alone).
                guard blockIndent != nil else { return nil }
                lines.append(next..<next)
            } else {
                // A line of spaces alone is read differently by YAML depending on its width: left alone.
                guard spaces < end - next else { return nil }
                if blockIndent == nil {
                    guard spaces > indent else { return nil }
                    blockIndent = spaces
                }
                guard spaces >= blockIndent! else { break }
                lines.append((next + blockIndent!)..<end)
                contentLines = lines.count
                consumed = lines.count
                consumedEnd = end
                endsWithBreak = end < bytes.count
            }
            next = end + 1
        }
        guard let blockIndent, contentLines > 0 else { return nil }
        var text: [UInt8] = []
        text.reserveCapacity(consumedEnd - lineEnd + 1)
        for (number, range) in lines.prefix(contentLines).enumerated() {
            if number > 0 { text.append(0x0A) }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
        if endsWithBreak { text.append(0x0A) }
        // Go on after the block's last line of text (the empty lines after it are skipped as blank lines).
        lineNumber += consumed
        lineEnd = consumedEnd
        // Whole lines of a checked file, cut at line breaks and after spaces: well-formed UTF-8, not checked again.
        let string = text.withUnsafeBufferPointer { UTF8Text.string(checked: $0) }
        return .scalar(ScannedScalar(text: string, style: .literal(indentation: blockIndent), location: marker))
    }

    /// `{key: value, key: "value"}` to the line's end: a nested mapping on one line.
    private func readFlowMapping(at start: Int) -> ScannedValue? {
        let mapping = ScannedMapping(what: "mapping", location: location(start), log: log)
        var index = start + 1
        func skipSpaces() { while index < lineEnd, bytes[index] == 0x20 { index += 1 } }
        skipSpaces()
        if byte(index) == UInt8(ascii: "}") {
            return index + 1 == lineEnd ? .mapping(mapping) : nil
        }
        while true {
            skipSpaces()
            let keyStart = index
            while index < lineEnd, Self.isKeyByte(bytes[index]) { index += 1 }
            guard index > keyStart, byte(index) == UInt8(ascii: ":"), byte(index + 1) == 0x20 else { return nil }
            let key = text(keyStart..<index)
            index += 2
            skipSpaces()
            guard index < lineEnd else { return nil }
            guard let value = readFlowScalar(at: &index, closing: UInt8(ascii: "}")) else { return nil }
            guard mapping.add(key, at: location(keyStart), .scalar(value)) else { return nil }
            skipSpaces()
            switch byte(index) {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): return index + 1 == lineEnd ? .mapping(mapping) : nil
            default: return nil
            }
        }
    }

    /// A double-quoted scalar ending on this line, and the index after its closing quote.
    private func readQuoted(at start: Int) -> (ScannedScalar, Int)? {
        var index = start + 1
        var decoded: [UInt8]?
        var runStart = index
        while index < lineEnd {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text: String
                if var decoded {
                    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    text = String(decoding: decoded, as: UTF8.self)
                } else {
                    text = self.text(runStart..<index)
                }
                return (ScannedScalar(text: text, style: .doubleQuoted, location: location(start)), index + 1)
            }
            if byte == UInt8(ascii: "\\") {
                var buffer = decoded ?? []
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                guard index + 1 < lineEnd else { return nil }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(bytes[index + 1]); index += 2
                case UInt8(ascii: "n"): buffer.append(0x0A); index += 2
                case UInt8(ascii: "t"): buffer.append(0x09); index += 2
                case UInt8(ascii: "x"):
                    guard index + 3 < lineEnd, let high = Self.hexValue(bytes[index + 2]), let low = Self.hexValue(bytes[index + 3]) else { return nil }
                    buffer.append(contentsOf: String(Unicode.Scalar(high << 4 | low)).utf8)
                    index += 4
                default:
                    return nil
                }
                decoded = buffer
                runStart = index
                continue
            }
            index += 1
        }
        return nil
    }

    /// One scalar inside a flow list or mapping, quoted or plain (up to the next `,` or `closing`);
    /// `index` moves past it.
    private func readFlowScalar(at index: inout Int, closing: UInt8) -> ScannedScalar? {
        if bytes[index] == UInt8(ascii: "\"") {
            guard let (scalar, end) = readQuoted(at: index) else { return nil }
            index = end
            return scalar
        }
        let start = index
        while index < lineEnd, bytes[index] != UInt8(ascii: ","), bytes[index] != closing { index += 1 }
        var end = index
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        guard isPlainInFlow(start..<end) else { return nil }
        return ScannedScalar(text: text(start..<end), style: .plain, location: location(start))
    }

    /// `[a, "b", c]` to the line's end.
    private func readList(at start: Int) -> ScannedValue? {
        var items: [ScannedScalar] = []
        var index = start + 1
        func skipSpaces() { while index < lineEnd, bytes[index] == 0x20 { index += 1 } }
        skipSpaces()
        if byte(index) == UInt8(ascii: "]") {
            return index + 1 == lineEnd ? .list([], at: location(start)) : nil
        }
        while true {
            skipSpaces()
            guard index < lineEnd else { return nil }
            guard let item = readFlowScalar(at: &index, closing: UInt8(ascii: "]")) else { return nil }
            items.append(item)
            skipSpaces()
            switch byte(index) {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): return index + 1 == lineEnd ? .list(items, at: location(start)) : nil
            default: return nil
            }
        }
    }

    // MARK: What YAML reads as plain text

    /// YAML's indicators, ``-?:,[]{}#&*!|>'"%@` ``: a switch, which the compiler makes a table (a static Set of
    /// bytes was hashed, and its global retained and released, for every scalar of every listing).
    @inline(__always)
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"):
            true
        default:
            false
        }
    }

    /// What ends or nests a plain item of a flow list or mapping: `[]{}#:"',`.
    @inline(__always)
    private static func endsFlowItem(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: ":"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","):
            true
        default:
            false
        }
    }

    /// A plain scalar after `key: ` that YAML reads as exactly these characters.
    private func isPlainInBlock(_ range: Range<Int>) -> Bool {
        guard let first = range.first, let last = range.last else { return false }
        if Self.isIndicator(bytes[first]) {
            // `-118.4` is a plain scalar: `-` starts a list item only before a space.
            guard bytes[first] == UInt8(ascii: "-"), first + 1 < range.upperBound, bytes[first + 1] != 0x20 else { return false }
        }
        guard bytes[last] != 0x20, bytes[last] != UInt8(ascii: ":") else { return false }
        for index in range.dropLast() {
            let byte = bytes[index], next = bytes[index + 1]
            if (byte == UInt8(ascii: ":") && next == 0x20) || (byte == 0x20 && next == UInt8(ascii: "#")) { return false }
        }
        return true
    }

    /// A plain item of a flow list: no indicator in front, none of the characters that end or nest one within.
    private func isPlainInFlow(_ range: Range<Int>) -> Bool {
        guard let first = range.first, !Self.isIndicator(bytes[first]) else { return false }
        return !range.contains { Self.endsFlowItem(bytes[$0]) }
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
