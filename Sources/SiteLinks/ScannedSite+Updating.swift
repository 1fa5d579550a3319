import SiteCore

extension ScannedSite {
    /// Scans `html` as the page at `path`, in place of the page scanned there before (or as a new page),
    /// into a table of its own: a long-lived process rescans only the pages a change rewrote.
    public mutating func update(_ path: String, html: String) {
        var table = ByteStringTable()
        var html = html
        let page = html.withUTF8 { HTMLScanner.scan($0, into: &table) }
        tables.append(table)
        if let existing = index[path] {
            pages[existing] = page
            tableOfPage[existing] = tables.count - 1
        } else {
            index[path] = pages.count
            paths.append(path)
            pages.append(page)
            tableOfPage.append(tables.count - 1)
        }
    }

    /// Forgets the page at `path` (its place stays, empty, so no other page moves).
    public mutating func remove(_ path: String) {
        guard let existing = index.removeValue(forKey: path) else { return }
        pages[existing] = ScannedPage()
    }

    /// How many tables the pages are spread over: after many updates, rescanning everything is leaner.
    public var tableCount: Int { tables.count }
}
