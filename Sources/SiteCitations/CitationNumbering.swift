public import SiteContent
import SiteCore
public import SiteMarkdown

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

    /// The word before a mark's number in its accessible name ("Source" in "Source 1: its title"), in the page's language.
    private let sourceWord: String

    public init(citations: [Citation], bibliography: Bibliography, sourceWord: String = "Source") {
        self.sourceWord = sourceWord
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

    /// The mark for a citation, e.g. `[1, 3–5]`, `[2, p. 720]`, `[see 4]`.
    ///
    /// Each number links to its entry and carries the id `cite-<key>-<n>` (the n-th mark of that key
    /// on the page); a key hidden inside a compressed range keeps its id on an empty span, so every
    /// back-link has a target. Plain numbers are sorted and runs of three or more compressed; items
    /// with a prefix or locator follow in their written order.
    public func mark(_ citation: Citation) -> String {
        struct Cited { let number: Int; let key: String; let id: String; let item: Citation.Item }
        var cited: [Cited] = []
        for item in citation.items {
            guard let number = numbers[item.key] else { continue }
            let occurrence = occurrences[item.key, default: 0] + 1
            occurrences[item.key] = occurrence
            cited.append(Cited(number: number, key: item.key, id: "cite-\(item.key)-\(occurrence)", item: item))
        }
        func link(_ entry: Cited) -> String {
            let title = Escape.html(bibliography.entry(entry.key)?.title ?? entry.key)
            return "<a href=\"#ref-\(Escape.html(entry.key))\" id=\"\(Escape.html(entry.id))\" aria-label=\"\(Escape.html(sourceWord)) \(entry.number): \(title)\">\(entry.number)</a>"
        }
        let plain = cited.filter { $0.item.prefix.isEmpty && $0.item.locator.isEmpty }.sorted { $0.number < $1.number }
        var runs: [[Cited]] = []
        for entry in plain {
            if let last = runs.last?.last, entry.number <= last.number + 1 { runs[runs.count - 1].append(entry) } else { runs.append([entry]) }
        }
        var numbersText: [String] = []
        for run in runs {
            let distinct = Set(run.map(\.number)).count
            if distinct >= 3, let first = run.first, let last = run.last {
                let hidden = run.dropFirst().dropLast().map { "<span id=\"\(Escape.html($0.id))\"></span>" }.joined()
                numbersText.append(link(first) + "–" + hidden + link(last))
            } else {
                numbersText += run.map(link)
            }
        }
        var segments = numbersText.isEmpty ? [] : [numbersText.joined(separator: ", ")]
        for entry in cited where !entry.item.prefix.isEmpty || !entry.item.locator.isEmpty {
            let prefix = entry.item.prefix.isEmpty ? "" : Escape.html(entry.item.prefix) + " "
            let locator = entry.item.locator.isEmpty ? "" : ", " + Escape.html(entry.item.locator)
            segments.append(prefix + link(entry) + locator)
        }
        return "<sup class=\"citation\">[" + segments.joined(separator: "; ") + "]</sup>"
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
