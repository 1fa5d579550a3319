import SiteCore

/// The bytes of one page as a compiled template writes them, escaping text as it goes.
public struct PageBuffer: Sendable {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    func byte(at index: Int) -> UInt8 { bytes[index] }

    mutating func append(_ literal: [UInt8]) {
        bytes.append(contentsOf: literal)
    }

    mutating func insert(_ literal: [UInt8], at index: Int) {
        bytes.insert(contentsOf: literal, at: index)
    }

    /// HTML the pipeline made: as it is.
    mutating func append(_ html: String) {
        var html = html
        html.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Text: `& < > " '` as entities, the same five as `Escape.html`.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            var index = 0
            while index < source.count {
                index = ByteScan.skipHTMLPlain(source, from: index)
                guard index < source.count else { break }
                let entity: StaticString
                switch source[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default:
                    index += 1
                    continue
                }
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
                entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
                index += 1
                runStart = index
            }
            if runStart < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...])) }
        }
    }

    /// The page as text (its bytes are UTF-8: every piece came from a String).
    var text: String {
        String(decoding: bytes, as: UTF8.self)
    }
}
