import Foundation
import SiteCore
import SiteMarkdown
import Yams

/// A scalar `StateFileScanner` read: its text (quotes, escapes and a block's indentation resolved) and
/// where it starts (a block scalar: at its `|`).
struct ScannedScalar {
    enum Style {
        case plain
        case doubleQuoted
        /// `|` and the lines below it, indented by `indentation`.
        case literal(indentation: Int)
    }

    let text: String
    let style: Style
    let location: SourceLocation

    var isPlain: Bool {
        if case .plain = style { return true }
        return false
    }
}

/// A value `StateFileScanner` read: one line's scalar or flow list, or the block mapping below a key.
enum ScannedValue {
    case scalar(ScannedScalar)
    case list([ScannedScalar], at: SourceLocation)
    case mapping(ScannedMapping)

    var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .list(_, let location): location
        case .mapping(let mapping): mapping.location
        }
    }
}

/// One mapping of a state file read by `StateFileScanner`, answering a record reader as `YAMLMapping`
/// does (the same checks, messages and positions), without a YAML node tree.
final class ScannedMapping: FieldReading {
    /// What the mapping is, for messages; its reader names it (`mapping(_:what:)`).
    private(set) var what: String
    let location: SourceLocation
    let log: DiagnosticLog
    // The three arrays are not checked for overlapping access at run time: a mapping is read by the one thread
    // that scanned it, no access to them outlives the method that makes it, and the checks were a fortieth
    // of a directory build (three to five per key, each some eighty instructions).
    @exclusivity(unchecked) private(set) var pairs: [(key: String, location: SourceLocation, value: ScannedValue)] = []
    /// The pairs' keys, searched apart: reading an element of `pairs` copies the whole pair.
    @exclusivity(unchecked) private var keys: [String] = []
    /// Each key's length and first seven bytes (`signature(of:)`), compared before the key itself.
    @exclusivity(unchecked) private var signatures: [UInt64] = []
    /// A bit per key's signature (`bit(of:)`): most keys a reader asks for and the mapping lacks are told apart by it.
    @exclusivity(unchecked) private var signatureBits: UInt64 = 0
    /// Where the next key is likely to be: readers ask for keys in the order the importer writes them.
    @exclusivity(unchecked) private var nextPosition = 0
    /// The keys readers asked for, in order (the literals of a reader: an array, as hashing each costs more).
    @exclusivity(unchecked) private var askedKeys: [String] = []
    /// Bit i: the pair at position i was asked for (the first 64 pairs; later ones are looked up in `askedKeys`).
    @exclusivity(unchecked) private var askedPairs: UInt64 = 0

    /// Room for the pairs, made at the first.
    private let capacity: Int

    /// `capacity`: about how many pairs it will have (a listing has a dozen or more keys, its hours seven).
    init(what: String, location: SourceLocation, log: DiagnosticLog, capacity: Int = 8) {
        self.what = what
        self.location = location
        self.log = log
        self.capacity = capacity
    }

    /// Adds a pair; false when the key is already there (the scanner leaves such a file to Yams, which refuses it).
    func add(_ key: String, at location: SourceLocation, _ value: ScannedValue) -> Bool {
        let signature = Self.signature(of: key)
        guard position(of: key, signature: signature) == nil else { return false }
        if pairs.isEmpty {
            // Room at once: each regrowth copied the pairs, every string of them retained and released.
            pairs.reserveCapacity(capacity)
            keys.reserveCapacity(capacity)
            signatures.reserveCapacity(capacity)
        }
        pairs.append((key, location, value))
        keys.append(key)
        signatures.append(signature)
        signatureBits |= Self.bit(of: signature)
        return true
    }

    /// The value of `key`, marking the key as read.
    private func value(_ key: String) -> ScannedValue? {
        if askedKeys.isEmpty { askedKeys.reserveCapacity(24) }
        askedKeys.append(key)
        guard let position = position(of: key) else { return nil }
        if position < 64 { askedPairs |= 1 << UInt64(position) }
        return pairs[position].value
    }

    func has(_ key: String) -> Bool { position(of: key) != nil }

    /// Where `key` is among the pairs. Signatures are compared first (a key of seven bytes or fewer is its
    /// signature), and no pair is copied: a record's reader asks for every key it knows, 300,000 times over
    /// the real directory, and most keys it asks for are absent.
    private func position(of key: String, signature: UInt64? = nil) -> Int? {
        let wanted = signature ?? Self.signature(of: key)
        guard signatureBits & Self.bit(of: wanted) != 0 else { return nil }
        let found: Int? = signatures.withUnsafeBufferPointer { signatures in
            if nextPosition < signatures.count, signatures[nextPosition] == wanted, wanted >> 56 <= 7 || keys[nextPosition] == key {
                return nextPosition
            }
            for index in signatures.indices where signatures[index] == wanted {
                if wanted >> 56 <= 7 || keys[index] == key { return index }
            }
            return nil
        }
        if let found { nextPosition = found + 1 }
        return found
    }

    /// One of 64 bits, picked by a multiplicative hash of `signature`.
    private static func bit(of signature: UInt64) -> UInt64 {
        1 << ((signature &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// A key's length (in the top byte) and its first seven bytes.
    private static func signature(of key: String) -> UInt64 {
        // The bytes read in place: `withUTF8` needs a mutable copy, a retain and release per key asked.
        UTF8Text.withBytes(of: key) { bytes in
            var value = UInt64(truncatingIfNeeded: min(bytes.count, 255)) << 56
            for index in 0..<min(bytes.count, 7) { value |= UInt64(bytes[index]) << (UInt64(index) &* 8) }
            return value
        }
    }

    func finish(allowing prefix: String?) {
        for (position, pair) in pairs.enumerated()
        where position < 64 ? askedPairs & (1 << UInt64(position)) == 0 : !askedKeys.contains(pair.key) {
            if let prefix, pair.key.hasPrefix(prefix) { continue }
            let known = Set(askedKeys).sorted().joined(separator: ", ")
            log.error("unknown key '\(pair.key)' in \(what) (expected one of: \(known))", at: pair.location)
        }
    }

    private func missing(_ key: String) {
        log.error("missing required key '\(key)' in \(what)", at: location)
    }

    func string(_ key: String, required: Bool) -> Located<String>? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            log.error("'\(key)' must be a string", at: value.location)
            return nil
        }
        let text = Self.trimmed(scalar.text)
        if required && text.isEmpty {
            log.error("'\(key)' must not be empty", at: scalar.location)
            return nil
        }
        return Located(text, at: scalar.location)
    }

    func locatedBool(_ key: String) -> Located<Bool>? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let scalar) = value, scalar.isPlain,
              let bool = ["true": true, "false": false, "yes": true, "no": false][scalar.text.lowercased()] else {
            log.error("'\(key)' must be true or false", at: value.location)
            return nil
        }
        return Located(bool, at: scalar.location)
    }

    func double(_ key: String, range: ClosedRange<Double>) -> Double? {
        guard let value = value(key) else { return nil }
        // Yams's own number readers, so that what counts as a number is exactly what the tree reader accepts.
        var number: Double?
        if case .scalar(let scalar) = value, scalar.isPlain, Self.isDecimal(scalar.text) {
            number = Double(scalar.text) // what Yams does with such a text, without building a node for it
        } else if case .scalar(let scalar) = value {
            let style: Node.Scalar.Style = switch scalar.style {
            case .plain: .plain
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            }
            let node = Node.Scalar(scalar.text, Tag(.str), style)
            number = Double.construct(from: node) ?? Int.construct(from: node).map(Double.init)
        }
        guard let number, range.contains(number) else {
            log.error("'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)", at: value.location)
            return nil
        }
        return number
    }

    func mapping(_ key: String, what: String, required: Bool) -> ScannedMapping? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .mapping(let mapping) = value else {
            log.error("\(what) must be a mapping of keys to values", at: value.location)
            return nil
        }
        mapping.what = what
        return mapping
    }

    func strings(_ key: String) -> [Located<String>]? {
        guard let value = value(key) else {
            missing(key)
            return nil
        }
        guard case .list(let items, _) = value else {
            log.error("'\(key)' must be a list", at: value.location)
            missing(key)
            return nil
        }
        return items.compactMap { item in
            guard !item.text.isEmpty else {
                log.error("'\(key)' must be a list of texts", at: item.location)
                return nil
            }
            return Located(item.text, at: item.location)
        }
    }

    func markdown(_ key: String, required: Bool, options: MarkdownOptions) -> MarkdownField? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            log.error("'\(key)' must be Markdown text", at: value.location)
            return nil
        }
        switch scalar.style {
        case .plain, .doubleQuoted:
            let quoted = !scalar.isPlain
            return MarkdownField(line: scalar.text, quoted: quoted, key: key, location: scalar.location, options: options, log: log)
        case .literal(let indentation):
            return MarkdownField(block: scalar.text, indentation: indentation, location: scalar.location, options: options, log: log)
        }
    }

    /// `-118.4`, `37`: digits with an optional sign and fraction.
    private static func isDecimal(_ text: String) -> Bool {
        var digits = 0, dots = 0, index = 0
        for byte in text.utf8 {
            defer { index += 1 }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits += 1; continue }
            if byte == UInt8(ascii: "-") && index == 0 { continue }
            if byte == UInt8(ascii: ".") && dots == 0 && digits > 0 { dots += 1; continue }
            return false
        }
        return digits > 0 && text.utf8.last != UInt8(ascii: ".")
    }

    /// The text without surrounding white space, as `YAMLMapping` trims it; most texts have none, so check first.
    private static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func plain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }
        return plain(first) && plain(last) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
