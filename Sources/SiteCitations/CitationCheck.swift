public import SiteContent
public import SiteCore
public import SiteMarkdown

/// Validates citations against the bibliography.
public enum CitationCheck {
    /// An error at each `@key` the bibliography does not define.
    public static func unknownKeys(in citations: [Citation], bibliography: Bibliography) -> [Diagnostic] {
        let known = Set(bibliography.entries.map(\.id.value))
        return citations.flatMap(\.items).filter { !known.contains($0.key) }.map { item in
            .error("unknown citation key '\(item.key)' (not in the bibliography)", at: item.location)
        }
    }
}
