import SiteCore

/// Splits a Markdown file into its YAML front matter and body, keeping line numbers.
struct FrontMatter {
    /// The YAML between the `---` lines.
    let yaml: String
    /// The file line of the YAML's first line.
    let yamlFirstLine: Int
    let body: String
    /// The file line of the body's first line.
    let bodyFirstLine: Int

    /// Nil when the file does not start with a `---` line or the block is not closed.
    init?(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else { return nil }
        yaml = lines[1..<close].joined(separator: "\n")
        yamlFirstLine = 2
        body = lines[(close + 1)...].joined(separator: "\n")
        bodyFirstLine = close + 2
    }
}
