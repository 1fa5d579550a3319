import SiteCore
import SiteLinks
import SiteLinksReference
import Foundation

extension FuzzTarget {
    /// The link checker's HTML scanner, measured against libxml2's parser.
    public static let html = FuzzTarget(
        name: "html",
        summary: "HTML through the link checker's scanner: every link's position lies inside the input, and on HTML that "
            + "libxml2 parses without an error the scanner finds the same links (on the same lines) and the same ids.",
        check: HTMLLinksCheck.problems)
}

/// The html target's checks.
enum HTMLLinksCheck {
    /// Markup libxml2 2.9 parses as HTML 4 did, not as the HTML standard (and the scanner) do: it reads tags
    /// inside `title`, `textarea` and CDATA sections, where the standard has text or a comment, and reads
    /// processing instructions and `<!` declarations that the standard makes bogus comments ending at the first `>`,
    /// it runs the comments `<!-->` and `<!--->` on to the next `-->` where the standard ends them at once, and a form
    /// feed, which the standard counts as white space (ending an unquoted attribute value), is text to it.
    static let readDifferently = ["<title", "<textarea", "<![cdata[", "<plaintext", "<xmp", "<noembed", "<noframes", "<iframe", "<noscript", "<?",
                                  "<!-->", "<!--->", "--!>", "\u{0C}"]

    /// Whether the text has a `<!` that is neither a comment nor the doctype `<!doctype html>`, or a `</` not followed
    /// by a letter: the standard makes both bogus comments, libxml2 reads on as markup.
    static func hasBogusComment(_ lowered: String) -> Bool {
        if lowered.replacingOccurrences(of: "<!doctype html>", with: "").replacingOccurrences(of: "<!--", with: "").contains("<!") { return true }
        let bytes = Array(lowered.utf8)
        return bytes.indices.dropLast().contains { bytes[$0] == UInt8(ascii: "<") && bytes[$0 + 1] == UInt8(ascii: "/")
            && !($0 + 2 < bytes.count && (0x61...0x7A).contains(bytes[$0 + 2])) }
    }

    /// Whether a start or end tag breaks the tag syntax both readers share: a name of letters and digits, then
    /// attributes named by letters, digits, `-`, `_`, `:` or `.`, each with no value, a quoted value or an unquoted
    /// one without quotes, `=`, `<`, `>` or a backtick, up to `>` or `/>`. libxml2 recovers from other tags without
    /// reporting an error, in ways of its own. A tag or attribute name of more than 99 bytes counts as malformed too:
    /// libxml2 2.9 reads a name into a buffer of 100 bytes and starts the next attribute where it is full.
    static func hasMalformedTag(_ input: [UInt8]) -> Bool {
        tagSyntax(input).malformed
    }

    /// Whether a tag runs over a line break. libxml2 gives an element the line where its start tag ends, the
    /// scanner a link the line of its attribute (where an editor must look); they differ only then.
    static func hasTagAcrossLines(_ input: [UInt8]) -> Bool {
        tagSyntax(input).acrossLines
    }

    /// The longest name libxml2 2.9 reads whole (its `HTML_PARSER_BUFFER_SIZE` is 100).
    private static let longestName = 99

    /// Reads the tags as `hasMalformedTag` describes, noting whether one holds a line break.
    private static func tagSyntax(_ input: [UInt8]) -> (malformed: Bool, acrossLines: Bool) {
        var acrossLines = false
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var index = 0
        while index + 1 < input.count {
            guard input[index] == UInt8(ascii: "<") else { index += 1; continue }
            var cursor = index + 1
            if input[cursor] == UInt8(ascii: "/") { cursor += 1 }
            guard cursor < input.count, isLetter(input[cursor]) else { index += 1; continue }
            let tagNameStart = cursor
            while cursor < input.count, isLetter(input[cursor]) || (0x30...0x39).contains(input[cursor]) { cursor += 1 }
            if cursor - tagNameStart > longestName { return (true, acrossLines) }
            while true {
                while cursor < input.count, isSpace(input[cursor]) {
                    if input[cursor] == 0x0A || input[cursor] == 0x0D { acrossLines = true }
                    cursor += 1
                }
                guard cursor < input.count else { return (true, acrossLines) }
                if input[cursor] == UInt8(ascii: ">") { break }
                if input[cursor] == UInt8(ascii: "/"), cursor + 1 < input.count, input[cursor + 1] == UInt8(ascii: ">") { cursor += 1; break }
                let nameStart = cursor
                while cursor < input.count, isNameByte(input[cursor]) { cursor += 1 }
                guard cursor > nameStart, cursor - nameStart <= longestName, cursor < input.count else { return (true, acrossLines) }
                guard input[cursor] == UInt8(ascii: "=") else {
                    if isSpace(input[cursor]) || input[cursor] == UInt8(ascii: ">") || input[cursor] == UInt8(ascii: "/") { continue }
                    return (true, acrossLines)
                }
                cursor += 1
                guard cursor < input.count else { return (true, acrossLines) }
                let quote = input[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = input[(cursor + 1)...].firstIndex(of: quote) else { return (true, acrossLines) }
                    if input[(cursor + 1)..<close].contains(where: { $0 == 0x0A || $0 == 0x0D }) { acrossLines = true }
                    cursor = close + 1
                    guard cursor < input.count, isSpace(input[cursor]) || input[cursor] == UInt8(ascii: ">") || input[cursor] == UInt8(ascii: "/") else {
                        return (true, acrossLines)
                    }
                } else {
                    let valueStart = cursor
                    while cursor < input.count, !isSpace(input[cursor]), input[cursor] != UInt8(ascii: ">") {
                        if [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "`")].contains(input[cursor]) {
                            return (true, acrossLines)
                        }
                        cursor += 1
                    }
                    if cursor == valueStart { return (true, acrossLines) }
                }
            }
            index = cursor + 1
        }
        return (false, acrossLines)
    }

    /// Whether a character reference lacks its closing `;` (`&ouml.`, `&#38 `), which the standard still reads
    /// (the legacy names, and every number) and libxml2 2.9 leaves as text, or names a character HTML 4 did not
    /// (`&mp;`), which libxml2 leaves as text too.
    static func hasReferenceReadAsText(_ input: [UInt8]) -> Bool {
        var index = 0
        while let ampersand = input[index...].firstIndex(of: UInt8(ascii: "&")) {
            var end = ampersand + 1
            let numeric = end < input.count && input[end] == UInt8(ascii: "#")
            if numeric { end += 1 }
            let start = end
            while end < input.count, (0x30...0x39).contains(input[end]) || (0x41...0x5A).contains(input[end])
                    || (0x61...0x7A).contains(input[end]) { end += 1 }
            if end > start {
                if end == input.count || input[end] != UInt8(ascii: ";") { return true }
                if !numeric, !HTMLExtractor.knowsReference(named: String(decoding: input[start..<end], as: UTF8.self)) { return true }
            }
            index = ampersand + 1
        }
        return false
    }

    static func problems(_ input: [UInt8]) -> [String] {
        let page = input.withUnsafeBufferPointer { HTMLScanner.extract($0) }
        let text = String(decoding: input, as: UTF8.self)
        let bounds = InputBounds(["page.html": text])
        var problems = page.links.compactMap { link in
            bounds.problem(SiteCore.SourceLocation(path: "page.html", line: link.line, column: link.column)).map { "the link to '\(link.href)': \($0)" }
        }
        let lowered = text.lowercased()
        // libxml2 stops reading at a NUL byte (a parse error in HTML, which it does not count as one).
        guard String(validating: input, as: UTF8.self) != nil, !input.contains(0), !readDifferently.contains(where: lowered.contains), !hasBogusComment(lowered), !hasReferenceReadAsText(input), !hasMalformedTag(input),
              HTMLExtractor.parsesWithoutErrors(text) else { return problems }
        let reference = HTMLExtractor.extract(text)
        if page.links.map(\.href) != reference.links.map(\.href) {
            problems.append("the scanner finds the links \(page.links.map(\.href)), libxml2 \(reference.links.map(\.href))")
        } else if !hasTagAcrossLines(input), page.links.map(\.line) != reference.links.map(\.line) {
            problems.append("the scanner puts the links on lines \(page.links.map(\.line)), libxml2 on \(reference.links.map(\.line))")
        }
        if page.targets != reference.targets {
            problems.append("the scanner finds the ids \(page.targets.sorted()), libxml2 \(reference.targets.sorted())")
        }
        return problems
    }
}
