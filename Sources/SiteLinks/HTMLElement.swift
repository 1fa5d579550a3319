/// A start tag's element, as far as link extraction cares: its name, and which attributes to read.
/// Looked up in a fixed table by bytes, so the thousands of `div`s and `li`s cost no allocation.
struct Element {
    let name: String
    let urlAttributes: [String]
    let isRawText: Bool

    /// Elements with URL attributes or raw text, by name bytes.
    private static let table: [(bytes: [UInt8], element: Element)] = {
        let rawText: Set<String> = ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"]
        let names = Set(HTMLExtractor.urlAttributes.keys).union(rawText).union(["meta"])
        return names.sorted().map { name in
            (Array(name.utf8), Element(name: name, urlAttributes: HTMLExtractor.urlAttributes[name] ?? [], isRawText: rawText.contains(name)))
        }
    }()

    /// Every other element: only its `id` matters.
    private static let other = Element(name: "", urlAttributes: [], isRawText: false)

    /// Attribute names the scanner may want, as bytes, so unwanted attributes cost no allocation.
    static let candidates: [(name: String, bytes: [UInt8])] = Set(HTMLExtractor.urlAttributes.values.flatMap { $0 }
        + ["id", "name", "http-equiv", "content"]).sorted().map { ($0, Array($0.utf8)) }

    private init(name: String, urlAttributes: [String], isRawText: Bool) {
        self.name = name
        self.urlAttributes = urlAttributes
        self.isRawText = isRawText
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let length = end - start
        for entry in Self.table where entry.bytes.count == length && Self.equalIgnoringCase(bytes, start, entry.bytes) {
            self = entry.element
            return
        }
        self = Self.other
    }

    static func equalIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ lowercase: [UInt8]) -> Bool {
        for offset in 0..<lowercase.count {
            let byte = bytes[start + offset]
            let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            if lowered != lowercase[offset] { return false }
        }
        return true
    }

    /// The attribute's lowercased name when this element wants its value, else nil.
    func wants(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        let length = end - start
        // Most attributes are neither "id" nor a URL attribute: check the cheap cases first.
        if length == 2 { return Self.equalIgnoringCase(bytes, start, [0x69, 0x64]) ? "id" : nil }
        guard !urlAttributes.isEmpty || name == "meta" else { return nil }
        for candidate in Self.candidates where candidate.bytes.count == length && Self.equalIgnoringCase(bytes, start, candidate.bytes) {
            let attribute = candidate.name
            if urlAttributes.contains(attribute) || (name == "a" && attribute == "name")
                || (name == "meta" && (attribute == "http-equiv" || attribute == "content")) {
                return attribute
            }
            return nil
        }
        return nil
    }
}
