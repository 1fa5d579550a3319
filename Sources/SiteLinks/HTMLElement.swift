/// The attributes the scanner reads: fragment targets, URLs, and what a `meta` refresh needs.
enum AttributeName: UInt8, CaseIterable {
    case action, content, data, formaction, href, httpEquiv, id, name, poster, src, srcset, xlinkHref

    var text: String {
        switch self {
        case .httpEquiv: "http-equiv"
        case .xlinkHref: "xlink:href"
        default: "\(self)"
        }
    }

    init?(text: String) {
        guard let found = Self.allCases.first(where: { $0.text == text }) else { return nil }
        self = found
    }

    var bit: UInt32 { 1 << UInt32(rawValue) }
}

/// A start tag's element, as far as link extraction cares: its name, and which attributes to read.
/// (Plain values only: elements are copied for every tag.)
struct Element {
    /// The element's place in `ElementCatalog.names`.
    let index: UInt8
    /// The attributes that hold URLs, as bits of `AttributeName`.
    let urlAttributes: UInt32
    /// Every attribute the scanner reads on this element: `id`, the URL attributes, `name` on `a`,
    /// `http-equiv` and `content` on `meta`.
    let wanted: UInt32
    let isRawText: Bool
    let isMeta: Bool
    let isAnchor: Bool

    func holdsURL(_ attribute: AttributeName) -> Bool { urlAttributes & attribute.bit != 0 }
}

/// The elements that matter to link extraction, looked up by the bytes of a tag name, so the thousands
/// of `div`s and `li`s cost no allocation. A scanner keeps one, so the hot path reads no globals.
struct ElementCatalog {
    static let shared = ElementCatalog()

    /// Elements with URL attributes or raw text, and `meta`, sorted; a link names its element by its place here.
    static let names: [String] = Set(LinkAttributes.byElement.keys).union(rawText).union(["meta"]).sorted()
    private static let rawText: Set<String> = ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"]

    private let elements: [Element]
    private let elementBytes: [[UInt8]]
    /// `</name`, lowercase, by place: where the raw text of `script`, `style`… ends.
    let endTags: [[UInt8]]
    /// Places in `elements` by name length, so a tag name is compared with only a few names.
    private let byLength: [[Int]]
    private let attributeBytes: [[UInt8]] = AttributeName.allCases.map { Array($0.text.utf8) }
    /// Every other element: only its `id` matters.
    private let other = Element(index: UInt8.max, urlAttributes: 0, wanted: AttributeName.id.bit, isRawText: false,
                                isMeta: false, isAnchor: false)

    private init() {
        elements = Self.names.enumerated().map { index, name in
            let urls = (LinkAttributes.byElement[name] ?? []).reduce(UInt32(0)) { $0 | AttributeName(text: $1)!.bit }
            var wanted = urls | AttributeName.id.bit
            if name == "a" { wanted |= AttributeName.name.bit }
            if name == "meta" { wanted |= AttributeName.httpEquiv.bit | AttributeName.content.bit }
            return Element(index: UInt8(index), urlAttributes: urls, wanted: wanted, isRawText: Self.rawText.contains(name),
                           isMeta: name == "meta", isAnchor: name == "a")
        }
        let bytes = Self.names.map { Array($0.utf8) }
        elementBytes = bytes
        endTags = bytes.map { Array("</".utf8) + $0 }
        byLength = (0...16).map { length in bytes.indices.filter { bytes[$0].count == length } }
    }

    /// The element named by `bytes[start..<end]`, in any case.
    func element(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Element {
        let length = end - start
        guard length < byLength.count else { return other }
        for place in byLength[length] where Self.equalIgnoringCase(bytes, start, elementBytes[place]) {
            return elements[place]
        }
        return other
    }

    /// The attribute named by `bytes[start..<end]` when `element` wants its value, else nil.
    func attribute(of element: Element, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> AttributeName? {
        let length = end - start
        // Most attributes are neither "id" nor a URL attribute: check the cheap cases first.
        if length == 2 { return Self.equalIgnoringCase(bytes, start, [0x69, 0x64]) ? .id : nil }
        guard element.wanted != AttributeName.id.bit else { return nil }
        for (place, candidate) in attributeBytes.enumerated()
        where element.wanted & (1 << UInt32(place)) != 0 && candidate.count == length && Self.equalIgnoringCase(bytes, start, candidate) {
            return AttributeName(rawValue: UInt8(place))
        }
        return nil
    }

    static func equalIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ lowercase: [UInt8]) -> Bool {
        for offset in 0..<lowercase.count {
            let byte = bytes[start + offset]
            let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            if lowered != lowercase[offset] { return false }
        }
        return true
    }
}
