import SiteCore

/// The bytes of one page as a compiled template writes them, escaping text as it goes.
///
/// Its own memory rather than an array's: a listing page is some two hundred appends, and an array checked
/// its uniqueness and capacity on each at several times the cost of the copy. One render owns one buffer.
final class PageBuffer: @unchecked Sendable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    func byte(at index: Int) -> UInt8 {
        precondition(index >= 0 && index < count, "byte \(index) of a page of \(count)")
        return start[index]
    }

    /// Room for `extra` more bytes.
    @inline(__always)
    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }

    @inline(__always)
    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    func append(_ literal: [UInt8]) {
        literal.withUnsafeBufferPointer { append($0) }
    }

    func insert(_ literal: [UInt8], at index: Int) {
        precondition(index >= 0 && index <= count, "insertion at \(index) of a page of \(count)")
        reserve(literal.count)
        (start + index + literal.count).update(from: start + index, count: count - index)
        literal.withUnsafeBufferPointer { (start + index).update(from: $0.baseAddress!, count: $0.count) }
        count += literal.count
    }

    /// HTML the pipeline made: as it is.
    func append(_ html: String) {
        UTF8Text.withBytes(of: html) { append($0) }
    }

    /// Text: `& < > " '` as entities, the same five as `Escape.html`.
    func appendEscaped(_ text: String) {
        UTF8Text.withBytes(of: text) { source in
            let count = source.count
            var runStart = 0
            var index = 0
            while index < count {
                // Whole words without an escaped byte are skipped at once; then bytes one by one to the next
                // escaped byte (a field is a few words, and most have none: then they are one copy).
                index = ByteScan.skipHTMLPlain(source, from: index)
                while index < count, !Self.isEscaped(source[index]) { index += 1 }
                guard index < count else { break }
                if index > runStart { append(UnsafeBufferPointer(rebasing: source[runStart..<index])) }
                let entity: StaticString = switch source[index] {
                case 0x26: "&amp;"
                case 0x3C: "&lt;"
                case 0x3E: "&gt;"
                case 0x22: "&quot;"
                default: "&#39;"
                }
                entity.withUTF8Buffer { append($0) }
                index += 1
                runStart = index
            }
            if runStart < count { append(UnsafeBufferPointer(rebasing: source[runStart...])) }
        }
    }

    @inline(__always)
    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// The page's bytes, read in place.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// The page as text (its bytes are UTF-8: every piece came whole from a String).
    var text: String {
        UTF8Text.string(joiningWholeStrings: UnsafeBufferPointer(start: start, count: count))
    }
}
