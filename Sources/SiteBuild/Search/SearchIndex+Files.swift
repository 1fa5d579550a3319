import SiteContent
import SiteCore

extension SearchIndex {
    /// The text of one index file, recording what it reads, with the pages it links to (for the link check).
    func text(of file: SearchFile, directory: DirectoryIndex, basePath: String, recorder: DependencyRecorder) -> (text: String, links: [String]) {
        switch file {
        case .cell(let number):
            recorder.record(.group("search"))
            recorder.record(.file(DirectoryIndex.statesFile))
            guard cells.indices.contains(number) else { return ("", []) }
            let cell = cells[number]
            if cell.entries.contains(where: \.fromZIP) { recorder.record(files: geography.paths.filter { $0 == Geography.zipFile }) }
            var text = "", links: [String] = []
            for entry in cell.entries {
                recorder.record(.listing(entry.facility.id.value))
                text += Self.line(entry, in: cell)
                links.append(directory.route(entry.facility).prefixed(by: basePath))
            }
            return (text, links)
        case .names:
            recorder.record(.group("search"))
            var text = ""
            for entry in cells.lazy.flatMap(\.entries) {
                recorder.record(.listing(entry.facility.id.value))
                text += Self.field(entry.facility.name.value) + "\n"
            }
            return (text, [])
        case .zipCodes(let prefix):
            recorder.record(files: geography.paths.filter { $0 == Geography.zipFile })
            var text = "", last = (0, 0)
            for point in zipShards.first(where: { $0.prefix == prefix })?.points ?? [] {
                let micro = (Self.micro(point.latitude), Self.micro(point.longitude))
                text += point.zip.dropFirst(3) + VLQ.encode(micro.0 - last.0) + VLQ.encode(micro.1 - last.1)
                last = micro
            }
            return (text + "\n", [])
        case .places(let key):
            recorder.record(files: geography.paths.filter { $0 == Geography.placesFile })
            var text = ""
            for place in placeShards.first(where: { $0.key == key })?.places ?? [] {
                text += Self.field(place.name) + "\t" + place.state + "\t"
                    + VLQ.encode(Self.micro(place.latitude)) + VLQ.encode(Self.micro(place.longitude)) + "\n"
            }
            return (text, [])
        }
    }

    /// A listing as one line of a cell: slug, name, street, city, ZIP code, state, its point (latitude and
    /// longitude in millionths of a degree north and east of the cell's south-west corner, as two VLQ
    /// numbers), phone, levels of care and payments (bit sets over `ReaderGroup`'s groups); empty fields at
    /// the end are left out.
    static func line(_ entry: Entry, in cell: Cell) -> String {
        let facility = entry.facility, address = facility.address.value
        let point = VLQ.encode(micro(entry.latitude) - cell.south) + VLQ.encode(micro(entry.longitude) - cell.west)
        var fields = [facility.slug.value, facility.name.value, [address.street1, address.street2].compactMap { $0 }.joined(separator: ", "),
                      address.city, address.zip, facility.state, point,
                      facility.phone?.value.display ?? "", bits(ReaderGroup.levelsOfCare, facility.levelsOfCare),
                      bits(ReaderGroup.payments, facility.payment)].map(field)
        while fields.last == "" { fields.removeLast() }
        return fields.joined(separator: "\t") + "\n"
    }

    /// The groups a listing's codes fall in, as a number whose bit i is group i; empty for none.
    static func bits(_ groups: [ReaderGroup], _ codes: [String]) -> String {
        let present = Set(codes)
        let value = groups.enumerated().reduce(0) { $0 | ($1.element.codes.isDisjoint(with: present) ? 0 : 1 << $1.offset) }
        return value == 0 ? "" : String(value)
    }

    /// A value on one line of a tab-separated file: tabs and line breaks become spaces, as HTML shows them.
    static func field(_ value: String) -> String {
        // Bytes first: a tab or a line break (\n \v \f \r, NEL, LS, PS) needs one of these lead bytes.
        guard value.utf8.contains(where: { (0x09...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }),
              value.contains(where: { $0 == "\t" || $0.isNewline }) else { return value }
        return String(value.map { $0 == "\t" || $0.isNewline ? " " : $0 })
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
        var rest = value < 0 ? ((-value) << 1) | 1 : value << 1
        var out = ""
        repeat {
            var digit = rest & 31
            rest >>= 5
            if rest > 0 { digit |= 32 }
            out.append(digits[digit])
        } while rest > 0
        return out
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
