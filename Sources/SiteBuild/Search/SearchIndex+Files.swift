import SiteContent
import SiteCore

extension SearchIndex {
    /// The text of one index file, recording what it reads, with the pages it links to (for the link check).
    func text(of file: SearchFile, directory: DirectoryIndex, basePath: String, recorder: DependencyRecorder) -> (text: String, links: [String]) {
        // Written as bytes: the index files hold every listing and 40,000 ZIP code points.
        var out: [UInt8] = []
        switch file {
        case .cell(let number):
            recorder.record(.group(.search))
            recorder.record(.file(DirectoryIndex.statesFile))
            guard cells.indices.contains(number) else { return ("", []) }
            let cell = cells[number]
            if cell.entries.contains(where: \.fromZIP) { recorder.record(files: geography.paths.filter { $0 == Geography.zipFile }) }
            var links: [String] = []
            out.reserveCapacity(cell.entries.count * 120)
            for entry in cell.entries {
                recorder.record(.listing(entry.facility.id.value))
                Self.appendLine(entry, in: cell, to: &out)
                links.append(directory.route(entry.facility).prefixed(by: basePath))
            }
            return (String(decoding: out, as: UTF8.self), links)
        case .names:
            recorder.record(.group(.search))
            recorder.record(.group(.searchNames))
            for entry in cells.lazy.flatMap(\.entries) {
                Self.appendField(entry.facility.name.value, to: &out)
                out.append(0x0A)
            }
        case .zipCodes(let prefix):
            recorder.record(files: geography.paths.filter { $0 == Geography.zipFile })
            var last = (0, 0)
            for point in zipShards.first(where: { $0.prefix == prefix })?.points ?? [] {
                let micro = (Self.micro(point.latitude), Self.micro(point.longitude))
                out.append(contentsOf: point.zip.utf8.dropFirst(3))
                VLQ.append(micro.0 - last.0, to: &out)
                VLQ.append(micro.1 - last.1, to: &out)
                last = micro
            }
            out.append(0x0A)
        case .places(let key):
            recorder.record(files: geography.paths.filter { $0 == Geography.placesFile })
            for place in placeShards.first(where: { $0.key == key })?.places ?? [] {
                Self.appendField(place.name, to: &out)
                out.append(0x09)
                out.append(contentsOf: place.state.utf8)
                out.append(0x09)
                VLQ.append(Self.micro(place.latitude), to: &out)
                VLQ.append(Self.micro(place.longitude), to: &out)
                out.append(0x0A)
            }
        }
        return (String(decoding: out, as: UTF8.self), [])
    }

    /// A listing as one line of a cell: slug, name, street, city, ZIP code, state, its point (latitude and
    /// longitude in millionths of a degree north and east of the cell's south-west corner, as two VLQ
    /// numbers), phone, levels of care and payments (bit sets over `ReaderGroup`'s groups); empty fields at
    /// the end are left out.
    static func appendLine(_ entry: Entry, in cell: Cell, to out: inout [UInt8]) {
        let facility = entry.facility, address = facility.address.value
        var point: [UInt8] = []
        VLQ.append(micro(entry.latitude) - cell.south, to: &point)
        VLQ.append(micro(entry.longitude) - cell.west, to: &point)
        let street = address.street2.map { address.street1 + ", " + $0 } ?? address.street1
        let care = bits(facility.careGroups), payment = bits(facility.paymentGroups)
        let phone = facility.phone?.value.display ?? ""
        appendField(facility.slug.value, to: &out)
        for value in [facility.name.value, street, address.city, address.zip, facility.state] {
            out.append(0x09)
            appendField(value, to: &out)
        }
        out.append(0x09)
        out.append(contentsOf: point)
        // Empty fields at the end are left out.
        let rest = [phone, care, payment]
        let kept = rest.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0
        for value in rest.prefix(kept) {
            out.append(0x09)
            appendField(value, to: &out)
        }
        out.append(0x0A)
    }

    /// The groups a listing's codes fall in (`Facility.careGroups`, `paymentGroups`): bit i is group i; empty for none.
    static func bits(_ value: Int) -> String {
        value == 0 ? "" : String(value)
    }

    /// A value on one line of a tab-separated file: tabs and line breaks become spaces, as HTML shows them.
    static func field(_ value: String) -> String {
        // Bytes first: a tab or a line break (\n \v \f \r, NEL, LS, PS) needs one of these lead bytes.
        guard UTF8Text.withBytes(of: value, { $0.contains { (0x09...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 } }),
              value.contains(where: { $0 == "\t" || $0.isNewline }) else { return value }
        return String(value.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    static func appendField(_ value: String, to out: inout [UInt8]) {
        out.append(contentsOf: field(value).utf8)
    }

    /// Degrees in millionths: exact for the tables' at most six decimals; a listing's point is rounded to
    /// it (11 cm), and search measures to the rounded point.
    static func micro(_ degrees: Double) -> Int { Int((degrees * 1e6).rounded()) }
}

/// Base64 variable-length integers, as source maps write them: the sign in the lowest bit, then five bits
/// per character, least significant first, the sixth bit set on every character but the last.
enum VLQ {
    static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func encode(_ value: Int) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let digitBytes = digits.map { $0.asciiValue! }

    static func append(_ value: Int, to out: inout [UInt8]) {
        var rest = value < 0 ? ((-value) << 1) | 1 : value << 1
        repeat {
            var digit = rest & 31
            rest >>= 5
            if rest > 0 { digit |= 32 }
            out.append(digitBytes[digit])
        } while rest > 0
    }

    /// The integers of a string of VLQ digits; nil when it holds another character or ends mid-number.
    static func decode(_ text: Substring) -> [Int]? {
        var values: [Int] = [], value = 0, shift = 0
        for character in text {
            guard let digit = digits.firstIndex(of: character) else { return nil }
            value |= (digit & 31) << shift
            if digit & 32 != 0 { shift += 5; continue }
            values.append(value & 1 == 1 ? -(value >> 1) : value >> 1)
            value = 0; shift = 0
        }
        return shift == 0 ? values : nil
    }
}
