import Foundation
public import SiteCore

/// A link written literally in a template: `href="/a/"` or `href="{{root}}a/"` with a known constant.
public struct TemplateLink: Sendable, Hashable {
    public var href: String
    public var location: SourceLocation
}

/// One template file: its text, parsed nodes and literal links.
struct TemplateSource {
    let name: String
    let path: String
    let text: String
    let nodes: [TemplateNode]
    /// Literal links by the line and column where their attribute value starts.
    let links: [TemplateLink]

    init(name: String, path: String, text: String, constants: [String: String], diagnostics: inout [Diagnostic]) {
        self.name = name
        self.path = path
        self.text = text
        let parsed = TemplateParser.parse(text, path: path)
        nodes = parsed.nodes
        diagnostics += parsed.diagnostics
        links = Self.literalLinks(in: text, path: path, constants: constants)
    }

    /// Attributes that hold a URL, and `srcset`, which holds a list of them.
    static let urlAttributes = [" href=\"", " src=\"", " action=\"", " poster=\"", " xlink:href=\""]

    /// Finds URL attributes whose values are fixed text, once known constants are filled in.
    static func literalLinks(in text: String, path: String, constants: [String: String]) -> [TemplateLink] {
        var links: [TemplateLink] = []
        func fill(_ value: String) -> String? {
            var filled = value
            for (name, replacement) in constants { filled = filled.replacingOccurrences(of: "{{\(name)}}", with: replacement) }
            return filled.contains("{{") ? nil : filled
        }
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            for attribute in urlAttributes + [" srcset=\""] {
                let needle = Array(attribute.unicodeScalars)
                var index = 0
                while index + needle.count <= scalars.count {
                    // Compared in place (an array made at every position was most of loading the templates).
                    guard scalars[index] == needle[0], scalars[index..<(index + needle.count)].elementsEqual(needle) else { index += 1; continue }
                    let valueStart = index + needle.count
                    guard let valueEnd = scalars[valueStart...].firstIndex(of: "\"") else { break }
                    let raw = String(String.UnicodeScalarView(scalars[valueStart..<valueEnd]))
                    // A srcset is a list of candidates: each one's URL is a link of its own, at its own column.
                    var pieces: [(text: String, offset: Int)] = [(raw, 0)]
                    if attribute == " srcset=\"" {
                        pieces = []
                        var offset = 0
                        for candidate in raw.split(separator: ",", omittingEmptySubsequences: false) {
                            let leading = candidate.prefix { $0 == " " }.count
                            let url = candidate.dropFirst(leading).prefix { $0 != " " }
                            if !url.isEmpty { pieces.append((String(url), offset + leading)) }
                            offset += candidate.unicodeScalars.count + 1
                        }
                    }
                    for piece in pieces {
                        guard let href = fill(piece.text) else { continue }
                        links.append(TemplateLink(href: href, location: SourceLocation(path: path, line: lineIndex + 1,
                                                                                     column: valueStart + 1 + piece.offset)))
                    }
                    index = valueEnd
                }
            }
        }
        return links.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }
}
