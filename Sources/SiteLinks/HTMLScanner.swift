#if canImport(Glibc)
import Glibc
#endif

/// Extracts links and fragment targets with the tokenizer of the HTML standard (WHATWG, "13.2.5
/// Tokenization"), run over UTF-8 bytes: tags, attributes with their three quoting forms, character
/// references in attribute values, comments, doctypes and other markup declarations, and the raw
/// text of `script` and `style` (and `title` and `textarea`), whose contents are not markup.
///
/// Link extraction needs the tokens, not the tree, so tree construction is skipped; that makes this
/// scanner about ten times faster than building libxml2's document, which the tests use as the
/// reference: both must extract the same links and targets from every page of the real site.
public enum HTMLScanner {
    public static func extract(_ html: String) -> ExtractedPage {
        var html = html
        return html.withUTF8(extract)
    }

    /// Scans UTF-8 bytes as read from a file (invalid sequences only ever end up in values, decoded leniently).
    public static func extract(_ bytes: UnsafeBufferPointer<UInt8>) -> ExtractedPage {
        var table = ByteStringTable()
        return scan(bytes, into: &table).extracted(from: table)
    }

    /// Scans a page, interning its hrefs and ids in `table`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into table: inout ByteStringTable) -> ScannedPage {
        var scanner = Scanner(bytes: bytes)
        // The scanner owns the table while it runs, so appending to it never copies it.
        swap(&scanner.table, &table)
        scanner.run()
        swap(&scanner.table, &table)
        scanner.page.finish()
        return scanner.page
    }
}

private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var table = ByteStringTable()
    var page = ScannedPage()
    let catalog = ElementCatalog.shared
    /// Newlines counted up to `countedUpTo`, so a link's line costs only the bytes since the last link.
    var line = 1
    var lineStart = 0
    var countedUpTo = 0
    /// The column of the byte at `columnCountedUpTo`, on the line that starts at `lineStart`.
    var column = 1
    var columnCountedUpTo = 0
    /// The current tag's wanted attributes, reused from tag to tag.
    var attributes: [Attribute] = []
    /// Values with character references are decoded here.
    var decoded: [UInt8] = []

    struct Attribute {
        var name: AttributeName
        var nameStart: Int
        var value: Range<Int>
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func run() {
        let count = bytes.count
        while position < count {
            // Data state: everything up to the next "<" is text.
            guard let open = find(0x3C, from: position) else { break }
            position = open + 1
            guard position < count else { break }
            let next = bytes[position]
            if isASCIILetter(next) {
                startTag()
            } else if next == 0x2F { // "</"
                position += 1
                if position < count, isASCIILetter(bytes[position]) {
                    skipTagName()
                    readAttributes(element: nil)
                } else {
                    skipPast(0x3E)
                }
            } else if next == 0x21 { // "<!"
                markupDeclaration()
            } else if next == 0x3F { // "<?" is a bogus comment
                skipPast(0x3E)
            }
            // Otherwise "<" was text.
        }
    }

    // MARK: Tags

    private mutating func startTag() {
        let nameStart = position
        skipTagName()
        let element = catalog.element(bytes, nameStart, position)
        readAttributes(element: element)
        if !attributes.isEmpty { record(element: element) }
        if element.isRawText { skipRawText(until: catalog.endTags[Int(element.index)]) }
    }

    private mutating func skipTagName() {
        while position < bytes.count {
            let byte = bytes[position]
            if isSpace(byte) || byte == 0x2F || byte == 0x3E { break }
            position += 1
        }
    }

    /// Reads attributes up to and past the tag's ">", keeping the wanted ones in `attributes` (only
    /// their places: values are read when recorded). Duplicate names keep the first, as the standard says.
    private mutating func readAttributes(element: Element?) {
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        while position < bytes.count {
            skipSpaces()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == 0x3E { position += 1; break }
            if byte == 0x2F { position += 1; continue }
            // Attribute name: up to whitespace, "/", ">" or "=" (an "=" first is part of the name).
            let nameStart = position
            position += 1
            while position < bytes.count {
                let next = bytes[position]
                if isSpace(next) || next == 0x2F || next == 0x3E || next == 0x3D { break }
                position += 1
            }
            let wanted = element.flatMap { catalog.attribute(of: $0, bytes, nameStart, position) }
            skipSpaces()
            var value = position..<position
            if position < bytes.count, bytes[position] == 0x3D {
                position += 1
                skipSpaces()
                value = readAttributeValue()
            }
            if let wanted, !attributes.contains(where: { $0.name == wanted }) {
                attributes.append(Attribute(name: wanted, nameStart: nameStart, value: value))
            }
        }
    }

    private mutating func readAttributeValue() -> Range<Int> {
        guard position < bytes.count else { return position..<position }
        let quote = bytes[position]
        if quote == 0x22 || quote == 0x27 {
            let start = position + 1
            let end = find(quote, from: start) ?? bytes.count
            position = min(end + 1, bytes.count)
            return start..<end
        }
        let start = position
        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != 0x3E { position += 1 }
        return start..<position
    }

    // MARK: Everything else

    private mutating func markupDeclaration() {
        // position is at "!".
        if matches("!--", at: position) {
            // A comment ends at "-->" (an empty "<!-->" or "<!--->" ends at once).
            var index = position + 3
            if matches(">", at: index) { position = index + 1; return }
            if matches("->", at: index) { position = index + 2; return }
            while let dash = find(0x2D, from: index) {
                if matches("-->", at: dash) { position = dash + 3; return }
                if matches("--!>", at: dash) { position = dash + 4; return }
                index = dash + 1
            }
            position = bytes.count
        } else if matches("![CDATA[", at: position) {
            var index = position
            while let bracket = find(0x5D, from: index) {
                if matches("]]>", at: bracket) { position = bracket + 3; return }
                index = bracket + 1
            }
            position = bytes.count
        } else {
            skipPast(0x3E) // DOCTYPE and bogus comments
        }
    }

    /// Skips raw text up to its end tag, `closing` (`</script`, matched without regard to case).
    private mutating func skipRawText(until closing: [UInt8]) {
        var index = position
        while let open = find(0x3C, from: index) {
            if open + closing.count <= bytes.count {
                var same = true
                for offset in 1..<closing.count where bytes[open + offset] | 0x20 != closing[offset] | 0x20 {
                    same = false
                    break
                }
                let after = open + closing.count
                if same, after >= bytes.count || isSpace(bytes[after]) || bytes[after] == 0x3E || bytes[after] == 0x2F {
                    position = open
                    return
                }
            }
            index = open + 1
        }
        position = bytes.count
    }

    // MARK: Recording

    private mutating func record(element: Element) {
        for attribute in attributes
        where attribute.name == .id || (element.isAnchor && attribute.name == .name) {
            page.targets.append(intern(attribute.value))
        }
        // Most elements with a wanted attribute only have an id.
        guard element.urlAttributes != 0 || element.isMeta else { return }
        for attribute in attributes where element.holdsURL(attribute.name) {
            if attribute.name == .srcset {
                for candidate in SrcSet.candidates(text(attribute.value)) {
                    var candidate = candidate
                    let id = candidate.withUTF8 { table.intern($0) }
                    addLink(id, element: element, attribute: attribute)
                }
            } else {
                addLink(intern(attribute.value), element: element, attribute: attribute)
            }
        }
        if element.isMeta,
           let equiv = attributes.first(where: { $0.name == .httpEquiv }), text(equiv.value).lowercased() == "refresh",
           let content = attributes.first(where: { $0.name == .content }), var url = MetaRefresh.url(text(content.value)) {
            let id = url.withUTF8 { table.intern($0) }
            addLink(id, element: element, attribute: content)
        }
    }

    private mutating func addLink(_ href: Int32, element: Element, attribute: Attribute) {
        let (line, column) = position(of: attribute.nameStart)
        page.links.append(ScannedLink(href: href, line: Int32(clamping: line), column: Int32(clamping: column),
                                      element: element.index, attribute: attribute.name.rawValue))
    }

    /// Interns a value, decoding character references first when it has any.
    private mutating func intern(_ value: Range<Int>) -> Int32 {
        let raw = UnsafeBufferPointer(rebasing: bytes[value])
        guard raw.contains(0x26) else { return table.intern(raw) }
        CharacterReferences.decode(raw, into: &decoded)
        return decoded.withUnsafeBufferPointer { table.intern($0) }
    }

    /// A value as a Swift string, character references decoded (for the rare values parsed further).
    private mutating func text(_ value: Range<Int>) -> String {
        CharacterReferences.decode(UnsafeBufferPointer(rebasing: bytes[value]), into: &decoded)
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The line and column (in Unicode scalars) of a byte offset. Links come in document order, so only
    /// the bytes since the last link are looked at: newlines found with `memchr`, then the scalars of
    /// the line counted on from where the last link on the same line was.
    private mutating func position(of offset: Int) -> (line: Int, column: Int) {
        while countedUpTo < offset, let newline = find(0x0A, from: countedUpTo, before: offset) {
            line += 1
            lineStart = newline + 1
            countedUpTo = newline + 1
        }
        countedUpTo = max(countedUpTo, offset)
        if columnCountedUpTo < lineStart || columnCountedUpTo > offset {
            columnCountedUpTo = lineStart
            column = 1
        }
        while columnCountedUpTo < offset {
            if bytes[columnCountedUpTo] & 0xC0 != 0x80 { column += 1 }
            columnCountedUpTo += 1
        }
        return (line, column)
    }

    // MARK: Bytes

    /// The next `byte` at or after `start` (and before `end`), found with the C library's vectorised `memchr`.
    private func find(_ byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard start < end, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private mutating func skipPast(_ byte: UInt8) {
        position = (find(byte, from: position).map { $0 + 1 }) ?? bytes.count
    }

    private mutating func skipSpaces() {
        while position < bytes.count, isSpace(bytes[position]) { position += 1 }
    }

    private func matches(_ text: StaticString, at offset: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let pointer = text.utf8Start
        for index in 0..<count where bytes[offset + index] | (isASCIILetter(pointer[index]) ? 0x20 : 0) != pointer[index] | (isASCIILetter(pointer[index]) ? 0x20 : 0) {
            return false
        }
        return true
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0C || byte == 0x0D
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}
