import SiteCore

/// Reads a state file written in the importer's layout straight from its bytes, without a YAML node tree:
///
///     facilities:
///       - id: samhsa:00113e400885
///         name: "Baker Places, Inc"
///         services: [SA, MH]
///         address:
///           street1: 730 Baker Street
///
/// Full-line comments and blank lines may come anywhere. A scalar is plain (when YAML would read it as the
/// same text: no ` #`, no `: `, no indicator in front, no trailing space), double-quoted on one line with
/// the escapes the importer writes (`\"`, `\\`, `\n`, `\t`, `\/`, `\xHH`), or a literal block (`|`
/// alone, its lines indented alike below it: the Markdown of an editor's description). A value may also be
/// a one-line flow list `[a, b]` or flow mapping `{mon: "08:00-17:00", sun: closed}` of such scalars.
/// A file that strays from this layout in any way (another block style, another indentation, a tab, a CR,
/// a duplicate key) is not scanned:
/// `scan` answers nil and the file goes to the YAML parser, whose reading and diagnostics are the reference.
/// What the scanner does accept, it reads exactly as YAML does (tested against Yams on every real file).
enum StateFileScanner {
    /// The file's entries as mappings, or nil when the file is not in the importer's layout.
    static func scan(_ text: String, path: String, log: DiagnosticLog) -> [ScannedMapping]? {
        var text = text
        return text.withUTF8 { bytes in
            guard isPlainText(bytes) else { return nil }
            var lines = LineScanner(bytes: bytes, path: path, log: log)
            return lines.entries()
        }
    }

    /// No byte or character YAML treats specially outside its printable set or as a line break other than
    /// `\n`: controls (tab and CR included), DEL, C1 controls (NEL included), LS, PS, a byte order mark, U+FFFE/F.
    private static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if (byte < 0x20 && byte != 0x0A) || byte == 0x7F { return false }
            } else if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) {
                return false
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                return false
            } else if byte == 0xEF, index + 2 < count,
                      (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE) {
                return false
            }
            index += 1
        }
        return true
    }
}

/// The line-by-line reading behind `StateFileScanner`.
private struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    let log: DiagnosticLog
    private var lineStart = 0
    private var lineEnd = 0
    private var lineNumber = 0

    init(bytes: UnsafeBufferPointer<UInt8>, path: String, log: DiagnosticLog) {
        self.bytes = bytes
        self.path = path
        self.log = log
    }

    mutating func entries() -> [ScannedMapping]? {
        // Comments and blank lines, then `facilities:`.
        while true {
            guard nextLine() else { return nil }
            if isSkipped { continue }
            guard matches("facilities:", at: lineStart), lineEnd - lineStart == 11 else { return nil }
            break
        }
        var entries: [ScannedMapping] = []
        var nested: ScannedMapping?
        var pendingKey: (key: String, location: SourceLocation)?
        while nextLine() {
            if isSkipped { continue }
            let indent = indentation
            if indent == 2, byte(lineStart + 2) == UInt8(ascii: "-"), byte(lineStart + 3) == UInt8(ascii: " ") {
                guard pendingKey == nil else { return nil }
                nested = nil
                let entry = ScannedMapping(what: "facility", location: location(lineStart + 4), log: log)
                guard let pair = readPair(at: lineStart + 4, indent: 4), let value = pair.value,
                      entry.add(pair.key, at: pair.location, value) else { return nil }
                entries.append(entry)
            } else if indent == 4, let entry = entries.last {
                guard pendingKey == nil, let pair = readPair(at: lineStart + 4, indent: 4) else { return nil }
                nested = nil
                if let value = pair.value {
                    guard entry.add(pair.key, at: pair.location, value) else { return nil }
                } else {
                    pendingKey = (pair.key, pair.location)
                }
            } else if indent == 6, let entry = entries.last {
                guard let pair = readPair(at: lineStart + 6, indent: 6), let value = pair.value else { return nil }
                if let key = pendingKey {
                    let mapping = ScannedMapping(what: key.key, location: pair.location, log: log)
                    guard entry.add(key.key, at: key.location, .mapping(mapping)) else { return nil }
                    nested = mapping
                    pendingKey = nil
                }
                guard let nested, nested.add(pair.key, at: pair.location, value) else { return nil }
            } else {
                return nil
            }
        }
        guard pendingKey == nil, !entries.isEmpty else { return nil }
        return entries
    }

    // MARK: Lines

    private mutating func nextLine() -> Bool {
        guard lineEnd < bytes.count || lineNumber == 0 else { return false }
        lineStart = lineNumber == 0 ? 0 : lineEnd + 1
        guard lineStart < bytes.count else { return false }
        lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        lineNumber += 1
        return true
    }

    /// A blank line or a comment from its first column.
    private var isSkipped: Bool { lineStart == lineEnd || bytes[lineStart] == UInt8(ascii: "#") }

    /// Leading spaces, counting only the layouts the scanner knows (a line of spaces alone counts as none).
    private var indentation: Int {
        var index = lineStart
        while index < lineEnd, bytes[index] == 0x20 { index += 1 }
        return index == lineEnd ? -1 : index - lineStart
    }

    private func byte(_ index: Int) -> UInt8 { index < lineEnd ? bytes[index] : 0 }

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= lineEnd else { return false }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
        return true
    }

    /// The file position of a byte on the current line: columns count characters, as libyaml's do.
    private func location(_ index: Int) -> SourceLocation {
        var column = 1
        var at = lineStart
        while at < index {
            if bytes[at] & 0xC0 != 0x80 { column += 1 }
            at += 1
        }
        return SourceLocation(path: path, line: lineNumber, column: column)
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: Pairs and values

    /// `key: value` to the line's end (or a block's last line), or `key:` alone (a nested mapping follows:
    /// `value` is nil). `indent` is the mapping's own indentation.
    private mutating func readPair(at start: Int, indent: Int) -> (key: String, location: SourceLocation, value: ScannedValue?)? {
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
        var contentLines = 0
        var consumed = 0, consumedEnd = lineEnd
        var blockIndent: Int?
        var next = lineEnd + 1
        var endsWithBreak = true
        while next < bytes.count {
            var end = next
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
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
        for (number, range) in lines.prefix(contentLines).enumerated() {
            if number > 0 { text.append(0x0A) }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
        if endsWithBreak { text.append(0x0A) }
        // Go on after the block's last line of text (the empty lines after it are skipped as blank lines).
        lineNumber += consumed
        lineEnd = consumedEnd
        return .scalar(ScannedScalar(text: String(decoding: text, as: UTF8.self), style: .literal(indentation: blockIndent), location: marker))
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
            let value: ScannedScalar
            if bytes[index] == UInt8(ascii: "\"") {
                guard let (scalar, end) = readQuoted(at: index) else { return nil }
                value = scalar
                index = end
            } else {
                let valueStart = index
                while index < lineEnd, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "}") { index += 1 }
                var valueEnd = index
                while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 { valueEnd -= 1 }
                guard isPlainInFlow(valueStart..<valueEnd) else { return nil }
                value = ScannedScalar(text: text(valueStart..<valueEnd), style: .plain, location: location(valueStart))
            }
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
            if bytes[index] == UInt8(ascii: "\"") {
                guard let (scalar, end) = readQuoted(at: index) else { return nil }
                items.append(scalar)
                index = end
            } else {
                let itemStart = index
                while index < lineEnd, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "]") { index += 1 }
                var itemEnd = index
                while itemEnd > itemStart, bytes[itemEnd - 1] == 0x20 { itemEnd -= 1 }
                guard isPlainInFlow(itemStart..<itemEnd) else { return nil }
                items.append(ScannedScalar(text: text(itemStart..<itemEnd), style: .plain, location: location(itemStart)))
            }
            skipSpaces()
            switch byte(index) {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): return index + 1 == lineEnd ? .list(items, at: location(start)) : nil
            default: return nil
            }
        }
    }

    // MARK: What YAML reads as plain text

    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    /// A plain scalar after `key: ` that YAML reads as exactly these characters.
    private func isPlainInBlock(_ range: Range<Int>) -> Bool {
        guard let first = range.first, let last = range.last else { return false }
        if Self.indicators.contains(bytes[first]) {
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
        guard let first = range.first, !Self.indicators.contains(bytes[first]) else { return false }
        return !range.contains { "[]{}#:\"',".utf8.contains(bytes[$0]) }
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
