import SiteCore
import Foundation

/// Splits a Markdown file into its YAML front matter and body, keeping line numbers.
struct FrontMatter {
    /// The YAML between the `---` lines.
    let yaml: String
    /// The file line of the YAML's first line.
    let yamlFirstLine: Int
    /// The text after the closing `---` line: a slice of the file's text, not a copy.
    let body: Substring
    /// The file line of the body's first line.
    let bodyFirstLine: Int

    /// Nil when the file does not start with a `---` line or the block is not closed.
    /// Works on line boundaries found in the UTF-8 bytes, so a large body is copied once, not split into lines.
    init?(_ text: String) {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let isFence = text[lineStart..<lineEnd].trimmingCharacters(in: .whitespaces) == "---"
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if lineNumber == 1 {
                guard isFence else { return nil }
                yamlStart = next
            } else if isFence, let yamlStart {
                yaml = String(text[yamlStart..<lineStart].dropLast(lineStart > yamlStart ? 1 : 0))
                yamlFirstLine = 2
                body = text[next...]
                bodyFirstLine = lineNumber + 1
                return
            }
            lineStart = next
            lineNumber += 1
        }
        return nil
    }
}
