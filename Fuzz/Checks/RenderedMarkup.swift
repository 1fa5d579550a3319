import SiteMarkdown
import Foundation

/// Reads the HTML the Markdown renderer wrote, whose text is escaped: every `<` opens one of its own tags.
/// Lists the tags and attributes outside the renderer's set, and links whose URL runs code.
struct RenderedMarkup {
    /// The elements the renderer (with the guide's citation marks and a component's placeholder) writes, with their attributes.
    static let allowed: [String: Set<String>] = [
        "p": [], "blockquote": [], "ul": [], "ol": ["start"], "li": [], "pre": [], "code": ["class"], "hr": [], "br": [],
        "em": [], "strong": [], "h1": ["id"], "h2": ["id"], "h3": ["id"], "h4": ["id"], "h5": ["id"], "h6": ["id"],
        "a": ["href", "title", "class", "id", "aria-label"], "img": ["src", "alt", "title"],
        "sup": ["class"], "span": ["id"], "div": ["class", "data-component"],
    ]

    /// A sentence for each tag, attribute or URL the renderer should never have written.
    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        let bytes = Array(html.utf8)
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            var cursor = open + 1
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            let name = word(bytes, &cursor)
            guard let attributes = allowed[name] else {
                problems.append("the HTML has an element '<\(name)' at byte \(open) that the renderer never writes")
                index = cursor
                continue
            }
            // Attributes: name="value" pairs separated by one space, up to '>'.
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") {
                cursor += 1
                let attribute = word(bytes, &cursor)
                if !attributes.contains(attribute) {
                    problems.append("<\(name)> has an attribute '\(attribute)' the renderer never writes")
                }
                guard cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "="), bytes[cursor + 1] == UInt8(ascii: "\"") else {
                    problems.append("<\(name) \(attribute)> has no quoted value")
                    break
                }
                let valueStart = cursor + 2
                guard let close = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else {
                    problems.append("<\(name) \(attribute)> is not closed")
                    return problems
                }
                let value = String(decoding: bytes[valueStart..<close], as: UTF8.self)
                if attribute == "href" || attribute == "src", let scheme = URLSafety.unsafeScheme(of: decodedURL(value)) {
                    problems.append("<\(name) \(attribute)=\"\(value)\"> uses the unsafe scheme '\(scheme):'")
                }
                cursor = close + 1
            }
            if cursor >= bytes.count || bytes[cursor] != UInt8(ascii: ">") {
                problems.append("<\(name)> at byte \(open) does not end with '>'")
            }
            index = cursor
        }
        return problems
    }

    /// Lowercase letters, digits and hyphens from `cursor` on.
    private static func word(_ bytes: [UInt8], _ cursor: inout Int) -> String {
        let start = cursor
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: "-") || (0x61...0x7A).contains(bytes[cursor]) || (0x30...0x39).contains(bytes[cursor]) {
            cursor += 1
        }
        return String(decoding: bytes[start..<cursor], as: UTF8.self)
    }

    /// An attribute value as a browser reads it: the character references the renderer writes, decoded.
    private static func decodedURL(_ value: String) -> String {
        var text = value
        for (reference, character) in [("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: reference, with: character)
        }
        return text
    }
}
