import SiteContent
import SiteCore
import SiteMarkdown

/// Numbers a page's sources by first citation and renders the citation marks.
///
/// One value per page render: marks must be rendered in document order, because each mark's id
/// counts the citations of its key so far (`cite-<key>-<n>`).
public final class CitationNumbering {
    /// Cited keys in order of first citation; a key's number is its index + 1.
    public let order: [String]
    private let numbers: [String: Int]
    private let bibliography: Bibliography
    /// How many marks cite each key on the page, for the back-links.
    private let totals: [String: Int]
    private var occurrences: [String: Int] = [:]

    public init(citations: [Citation], bibliography: Bibliography) {
        var order: [String] = []
        var numbers: [String: Int] = [:]
        var totals: [String: Int] = [:]
        for item in citations.flatMap(\.items) {
            totals[item.key, default: 0] += 1
            if numbers[item.key] == nil {
                order.append(item.key)
                numbers[item.key] = order.count
            }
        }
        self.totals = totals
        self.order = order
        self.numbers = numbers
        self.bibliography = bibliography
    }

    public func number(of key: String) -> Int? { numbers[key] }

    /// The cited entries in number order.
    public var citedEntries: [SourceEntry] { order.compactMap(bibliography.entry) }

    /// `[1, 3]`: each number links to its entry in the sources list and carries the mark's own id.
    public func mark(_ citation: Citation) -> String {
        let links = citation.items.compactMap { item -> String? in
            guard let number = numbers[item.key] else { return nil }
            let occurrence = occurrences[item.key, default: 0] + 1
            occurrences[item.key] = occurrence
            let key = Escape.html(item.key)
            let title = Escape.html(bibliography.entry(item.key)?.title ?? item.key)
            let locator = item.locator.isEmpty ? "" : ", \(Escape.html(item.locator))"
            return "<a href=\"#ref-\(key)\" id=\"cite-\(key)-\(occurrence)\" aria-label=\"Source \(number): \(title)\">\(number)\(locator)</a>"
        }
        return "<sup class=\"citation\">[" + links.joined(separator: ", ") + "]</sup>"
    }

    /// One entry of the page's sources list.
    public struct ListEntry: Sendable {
        public let number: Int
        public let entry: SourceEntry
        /// How many marks cite the entry: the back-links go to `cite-<key>-1` … `cite-<key>-<n>`.
        public let occurrences: Int
    }

    /// The sources list placed by `{{< sources >}}`, in number order.
    public var listEntries: [ListEntry] {
        citedEntries.enumerated().map { index, entry in
            ListEntry(number: index + 1, entry: entry, occurrences: totals[entry.id.value] ?? 1)
        }
    }
}
