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
        var scanner = Scanner(bytes: bytes)
        scanner.run()
        return scanner.page
    }
}

private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var page = ExtractedPage()
    /// Newlines counted up to `countedUpTo`, so a link's line costs only the bytes since the last link.
    var line = 1
    var lineStart = 0
    var countedUpTo = 0

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
                startTag(at: open)
            } else if next == 0x2F { // "</"
                position += 1
                if position < count, isASCIILetter(bytes[position]) {
                    skipTagName()
                    _ = readAttributes(element: nil)
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

    private mutating func startTag(at open: Int) {
        let nameStart = position
        skipTagName()
        // Only the attributes that matter are turned into strings: every element's id, and the URL
        // attributes of the elements that have them.
        let element = Element(bytes, nameStart, position)
        let attributes = readAttributes(element: element)
        if !attributes.isEmpty { record(element: element, attributes: attributes) }
        if element.isRawText { skipRawText(until: element.name) }
    }

    private mutating func skipTagName() {
        while position < bytes.count {
            let byte = bytes[position]
            if isSpace(byte) || byte == 0x2F || byte == 0x3E { break }
            position += 1
        }
    }

    /// The wanted attributes, up to and past the tag's ">". Duplicate names keep the first, as the standard says.
    private mutating func readAttributes(element: Element?) -> [(name: String, value: String, offset: Int)] {
        var attributes: [(String, String, Int)] = []
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
            let nameEnd = position
            let wanted = element.flatMap { $0.wants(bytes, nameStart, nameEnd) }
            skipSpaces()
            var value = ""
            if position < bytes.count, bytes[position] == 0x3D {
                position += 1
                skipSpaces()
                value = readAttributeValue(decode: wanted != nil)
            }
            if let wanted, !attributes.contains(where: { $0.0 == wanted }) { attributes.append((wanted, value, nameStart)) }
        }
        return attributes
    }

    private mutating func readAttributeValue(decode: Bool) -> String {
        guard position < bytes.count else { return "" }
        let quote = bytes[position]
        let start: Int
        let end: Int
        if quote == 0x22 || quote == 0x27 {
            start = position + 1
            end = find(quote, from: start) ?? bytes.count
            position = min(end + 1, bytes.count)
        } else {
            start = position
            while position < bytes.count, !isSpace(bytes[position]), bytes[position] != 0x3E { position += 1 }
            end = position
        }
        return decode ? CharacterReferences.decode(UnsafeBufferPointer(rebasing: bytes[start..<end])) : ""
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

    /// Skips the raw text of `name` up to its end tag (matched without regard to case).
    private mutating func skipRawText(until name: String) {
        let closing = Array(("</" + name).utf8)
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

    private mutating func record(element: Element, attributes: [(name: String, value: String, offset: Int)]) {
        for attribute in attributes where attribute.name == "id" || (element.name == "a" && attribute.name == "name") {
            page.targets.insert(attribute.value)
        }
        // Most elements with a wanted attribute only have an id.
        guard !element.urlAttributes.isEmpty || element.name == "meta" else { return }
        var found: [(name: String, href: String, offset: Int)] = []
        for attribute in attributes where element.urlAttributes.contains(attribute.name) {
            if attribute.name == "srcset" {
                found += SrcSet.candidates(attribute.value).map { (attribute.name, $0, attribute.offset) }
            } else {
                found.append((attribute.name, attribute.value, attribute.offset))
            }
        }
        if element.name == "meta", attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }),
           let content = attributes.first(where: { $0.name == "content" }), let url = MetaRefresh.url(content.value) {
            found.append(("content", url, content.offset))
        }
        for link in found {
            let (line, column) = position(of: link.offset)
            page.links.append(ExtractedLink(href: link.href, element: element.name, attribute: link.name, line: line, column: column))
        }
    }

    /// The line and column (in Unicode scalars) of a byte offset, counting only the bytes since the last call.
    private mutating func position(of offset: Int) -> (line: Int, column: Int) {
        while countedUpTo < offset {
            if bytes[countedUpTo] == 0x0A {
                line += 1
                lineStart = countedUpTo + 1
            }
            countedUpTo += 1
        }
        var column = 1
        var index = lineStart
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (line, column)
    }

    // MARK: Bytes

    /// The next `byte` at or after `start`, found with the C library's vectorised `memchr`.
    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
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

    fileprivate func lowercased(_ start: Int, _ end: Int) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard slice.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(decoding: slice, as: UTF8.self) }
        return String(decoding: slice.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0C || byte == 0x0D
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}
