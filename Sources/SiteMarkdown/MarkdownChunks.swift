/// Splits a long Markdown text into pieces that libcmark can parse one at a time with the same result.
///
/// libcmark's tree takes about eight times the size of its text; parsing a multi-megabyte guide whole,
/// then copying it into Swift values, would need both at once. Pieces end only where CommonMark itself
/// starts afresh: before an ATX heading at the start of a line, after a blank line, outside any code
/// fence. A text that could make this unsafe is never split: one with a link reference definition
/// (definitions are global to the document) or with a raw HTML block that may run across blank lines.
enum MarkdownChunks {
    /// Texts shorter than this are parsed whole.
    static let minimumPiece = 256 * 1024

    /// The pieces of `text` with the 1-based line each starts on; the whole text as one piece when it
    /// is short or cannot be split safely.
    static func split(_ text: Substring, minimumPiece: Int = minimumPiece) -> [(text: Substring, firstLine: Int)] {
        guard text.utf8.count / 2 >= minimumPiece, !mayHaveGlobalOrUnboundedParts(text) else { return [(text, 1)] }
        var pieces: [(text: Substring, firstLine: Int)] = []
        var pieceStart = text.startIndex, pieceLine = 1
        var line = 1
        var fence: (marker: UInt8, length: Int)?
        var previousBlank = false
        var lineStart = text.startIndex
        let utf8 = text.utf8
        while lineStart < text.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? text.endIndex
            let bytes = utf8[lineStart..<lineEnd]
            if let open = fence {
                if let close = fenceRun(bytes), close.marker == open.marker, close.length >= open.length, close.onlySpacesAfter {
                    fence = nil
                }
            } else if let open = fenceRun(bytes) {
                fence = (open.marker, open.length)
            } else if previousBlank, isHeading(bytes), utf8.distance(from: pieceStart, to: lineStart) >= minimumPiece {
                pieces.append((text[pieceStart..<lineStart], pieceLine))
                pieceStart = lineStart
                pieceLine = line
            }
            previousBlank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            lineStart = lineEnd < text.endIndex ? utf8.index(after: lineEnd) : lineEnd
            line += 1
        }
        pieces.append((text[pieceStart...], pieceLine))
        return pieces
    }

    /// A link reference definition (`]:`), the start of an HTML block that only a closing marker ends, a line
    /// that starts with `<` (it may open an HTML block that hides the code fences in it up to the next blank
    /// line), a code fence that is indented or inside a block quote or list item (whose end depends on its
    /// container, so it cannot be followed line by line), or a carriage return that ends a line on its own
    /// (libcmark counts it as a line; the pieces' line numbers count `\n`).
    private static func mayHaveGlobalOrUnboundedParts(_ text: Substring) -> Bool {
        if text.contains("]:") { return true }
        let lowered = text.lowercased()
        if ["<!--", "<?", "<![cdata[", "<!", "<script", "<pre", "<style", "<textarea"].contains(where: { lowered.contains($0) }) { return true }
        let utf8 = text.utf8
        var previous: UInt8 = 0x0A
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if previous == 0x0D && byte != 0x0A { return true }
            if previous == 0x0A, mayHideOrBindAFence(utf8[index...]) { return true }
            previous = byte
            index = utf8.index(after: index)
        }
        return previous == 0x0D
    }

    /// Whether the line starting `bytes` begins with `<` after any indentation or container markers (`>`, `-`, `*`,
    /// `+`, `1.`, `1)`), or opens or closes a code fence only after some.
    private static func mayHideOrBindAFence(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var rest = bytes
        var stripped = false
        while let first = rest.first {
            if first == 0x20 || first == 0x09 || first == 0x3E {
                rest = rest.dropFirst()
            } else if first == 0x2D || first == 0x2A || first == 0x2B, rest.dropFirst().first.map({ $0 == 0x20 || $0 == 0x09 }) ?? false {
                rest = rest.dropFirst(2)
            } else if (0x30...0x39).contains(first) {
                let digits = rest.prefix { (0x30...0x39).contains($0) }.count
                let after = rest.dropFirst(digits)
                guard let mark = after.first, mark == 0x2E || mark == 0x29 else { break }
                rest = after.dropFirst()
            } else {
                break
            }
            stripped = true
        }
        if rest.first == 0x3C { return true }
        guard stripped, let marker = rest.first, marker == 0x60 || marker == 0x7E else { return false }
        return rest.prefix(3).elementsEqual([marker, marker, marker])
    }

    /// A code fence line: up to three spaces, then three or more backticks or tildes (a backtick fence's info string
    /// has no backtick, or the line is not a fence).
    private static func fenceRun(_ bytes: Substring.UTF8View.SubSequence) -> (marker: UInt8, length: Int, onlySpacesAfter: Bool)? {
        let indent = bytes.prefix { $0 == 0x20 }.count
        guard indent <= 3 else { return nil }
        let rest = bytes.dropFirst(indent)
        guard let marker = rest.first, marker == 0x60 || marker == 0x7E else { return nil }
        let length = rest.prefix { $0 == marker }.count
        guard length >= 3, marker == 0x7E || !rest.dropFirst(length).contains(0x60) else { return nil }
        return (marker, length, rest.dropFirst(length).allSatisfy { $0 == 0x20 || $0 == 0x09 })
    }

    /// An ATX heading at the very start of the line: one to six `#` and then a space, a tab or the line's end.
    private static func isHeading(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        let hashes = bytes.prefix { $0 == 0x23 }.count
        guard (1...6).contains(hashes) else { return false }
        let after = bytes.dropFirst(hashes).first
        return after == nil || after == 0x20 || after == 0x09
    }
}
