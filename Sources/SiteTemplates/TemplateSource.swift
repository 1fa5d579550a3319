import SiteCore

/// A link written literally in a template: `href="/a/"` or `href="{{root}}a/"` with a known constant.
public struct TemplateLink: Sendable, Hashable {
    public var href: String
    public var location: SourceLocation
}

/// One template file: its text, tags and literal links.
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
        nodes = TemplateNode.build(TemplateTokenizer.tokenize(text), path: path, diagnostics: &diagnostics)
        links = Self.literalLinks(in: text, path: path, constants: constants)
    }

    /// Finds `href`, `src` and `action` attributes whose values are fixed text, once known constants are filled in.
    static func literalLinks(in text: String, path: String, constants: [String: String]) -> [TemplateLink] {
        var links: [TemplateLink] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            for attribute in [" href=\"", " src=\"", " action=\""] {
                let needle = Array(attribute.unicodeScalars)
                var index = 0
                while index + needle.count <= scalars.count {
                    guard Array(scalars[index..<(index + needle.count)]) == needle else { index += 1; continue }
                    let valueStart = index + needle.count
                    guard let valueEnd = scalars[valueStart...].firstIndex(of: "\"") else { break }
                    var value = String(String.UnicodeScalarView(scalars[valueStart..<valueEnd]))
                    for (name, replacement) in constants { value = value.replacingOccurrences(of: "{{\(name)}}", with: replacement) }
                    if !value.contains("{{") {
                        links.append(TemplateLink(href: value, location: SourceLocation(path: path, line: lineIndex + 1, column: valueStart + 1)))
                    }
                    index = valueEnd
                }
            }
        }
        return links.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }
}

import Foundation
