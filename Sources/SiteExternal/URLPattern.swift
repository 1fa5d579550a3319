/// An entry of `check.exclude`: `*` matches any run of characters (none included); a pattern
/// without `*` matches every URL that starts with it. Letters match without regard to case.
struct URLPattern: Sendable {
    let text: String
    private let parts: [[Character]]
    private let anchoredEnd: Bool

    init(_ text: String) {
        self.text = text
        let lowered = text.lowercased()
        parts = lowered.split(separator: "*", omittingEmptySubsequences: false).map(Array.init)
        anchoredEnd = lowered.contains("*")
    }

    func matches(_ url: String) -> Bool {
        let subject = Array(url.lowercased())
        guard let first = parts.first, subject.starts(with: first) else { return false }
        if parts.count == 1 { return true }
        var position = first.count
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 {
                // The last part must end the URL (an empty one, after a final `*`, matches anything).
                return anchoredEnd ? subject.count - position >= part.count && subject.suffix(part.count).elementsEqual(part) : true
            }
            guard let found = Self.find(part, in: subject, from: position) else { return false }
            position = found + part.count
        }
        return true
    }

    private static func find(_ needle: [Character], in haystack: [Character], from start: Int) -> Int? {
        if needle.isEmpty { return start }
        guard haystack.count - needle.count >= start else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
