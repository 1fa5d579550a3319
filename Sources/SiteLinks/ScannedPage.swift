/// A link as the scanner records it: its href interned in its table, where it is, and which attribute.
struct ScannedLink: Sendable {
    var href: Int32
    var line: Int32
    var column: Int32
    /// The element's place in `ElementCatalog.names`; the attribute's `AttributeName`.
    var element: UInt8
    var attribute: UInt8
}

/// One page's links in document order and its fragment targets, as ids in the table it was scanned into.
struct ScannedPage: Sendable {
    var links: [ScannedLink] = []
    /// `id` attributes and `<a name>` values, sorted, each once (after `finish`).
    var targets: [Int32] = []

    mutating func finish() {
        targets.sort()
        var last: Int32 = -1
        targets.removeAll { id in
            defer { last = id }
            return id == last
        }
    }

    func hasTarget(_ id: Int32) -> Bool {
        var low = 0
        var high = targets.count
        while low < high {
            let middle = (low + high) / 2
            if targets[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < targets.count && targets[low] == id
    }

    /// The page as Swift values (for tests and the libxml2 comparison).
    func extracted(from table: ByteStringTable) -> ExtractedPage {
        ExtractedPage(
            links: links.map { link in
                ExtractedLink(href: table.string(link.href), element: ElementCatalog.names[Int(link.element)],
                              attribute: AttributeName(rawValue: link.attribute)?.text ?? "", line: Int(link.line), column: Int(link.column))
            },
            targets: Set(targets.map(table.string)))
    }
}
