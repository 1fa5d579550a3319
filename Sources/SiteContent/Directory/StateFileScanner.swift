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
        var entries: [ScannedMapping] = []
        return scan(text, path: path, log: log) { entries.append($0) } ? entries : nil
    }

    /// Hands each entry to `read` as soon as it is whole, in the file's order, so that an entry is read while its
    /// bytes are fresh and let go before the next (a file's entries are never all held at once). False when the
    /// file is not in the importer's layout, which may show after some entries were handed over: the caller then
    /// discards what it made of them.
    static func scan(_ text: String, path: String, log: DiagnosticLog, each read: (ScannedMapping) -> Void) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard isPlainText(bytes) else { return false }
            var lines = LineScanner(bytes: bytes, path: path, log: log)
            return lines.entries(each: read)
        }
    }

    /// No byte or character YAML treats specially outside its printable set or as a line break other than
    /// `\n`: controls (tab and CR included), DEL, C1 controls (NEL included), LS, PS, a byte order mark, U+FFFE/F.
    private static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            index = ByteScan.skipPrintableLines(bytes, from: index)
            guard index < count else { break }
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

/// The line-by-line reading behind `StateFileScanner` (its values: `LineScanner+Values.swift`).
struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    let log: DiagnosticLog
    var lineStart = 0
    var lineEnd = 0
    var lineNumber = 0

    init(bytes: UnsafeBufferPointer<UInt8>, path: String, log: DiagnosticLog) {
        self.bytes = bytes
        self.path = path
        self.log = log
    }

    mutating func entries(each read: (ScannedMapping) -> Void) -> Bool {
        // Comments and blank lines, then `facilities:`.
        while true {
            guard nextLine() else { return false }
            if isSkipped { continue }
            guard matches("facilities:", at: lineStart), lineEnd - lineStart == 11 else { return false }
            break
        }
        var entry: ScannedMapping?
        var nested: ScannedMapping?
        var pendingKey: (key: String, location: SourceLocation)?
        while nextLine() {
            if isSkipped { continue }
            let indent = indentation
            if indent == 2, byte(lineStart + 2) == UInt8(ascii: "-"), byte(lineStart + 3) == UInt8(ascii: " ") {
                guard pendingKey == nil else { return false }
                nested = nil
                // The entry before is whole: read now.
                if let entry { read(entry) }
                let next = ScannedMapping(what: "facility", location: location(lineStart + 4), log: log, capacity: 24)
                // Pairs are taken apart as they come (binding one whole and reading its parts copied each).
                guard case let (key, keyLocation, value?)? = readPair(at: lineStart + 4, indent: 4),
                      next.add(key, at: keyLocation, value) else { return false }
                entry = next
            } else if indent == 4, let entry {
                guard pendingKey == nil, case let (key, keyLocation, value)? = readPair(at: lineStart + 4, indent: 4) else { return false }
                nested = nil
                if let value {
                    guard entry.add(key, at: keyLocation, value) else { return false }
                } else {
                    pendingKey = (key, keyLocation)
                }
            } else if indent == 6, let entry {
                guard case let (key, keyLocation, value?)? = readPair(at: lineStart + 6, indent: 6) else { return false }
                if let pending = pendingKey {
                    let mapping = ScannedMapping(what: pending.key, location: keyLocation, log: log)
                    guard entry.add(pending.key, at: pending.location, .mapping(mapping)) else { return false }
                    nested = mapping
                    pendingKey = nil
                }
                guard let nested, nested.add(key, at: keyLocation, value) else { return false }
            } else {
                return false
            }
        }
        guard pendingKey == nil, let entry else { return false }
        read(entry)
        return true
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

    func byte(_ index: Int) -> UInt8 { index < lineEnd ? bytes[index] : 0 }

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= lineEnd else { return false }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
        return true
    }

    /// The file position of a byte on the current line: columns count characters, as libyaml's do.
    func location(_ index: Int) -> SourceLocation {
        // The ASCII bytes in front are a character each, skipped a word at a time (a line of hours holds fourteen values).
        var at = min(ByteScan.skipSevenBit(UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), from: 0) + lineStart, index)
        var column = 1 + at - lineStart
        while at < index {
            if bytes[at] & 0xC0 != 0x80 { column += 1 }
            at += 1
        }
        return SourceLocation(path: path, line: lineNumber, column: column)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
