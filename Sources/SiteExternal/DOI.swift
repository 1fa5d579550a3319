import Foundation

/// A Digital Object Identifier: `10.<registrant>/<suffix>`, compared without regard to case.
public struct DOI: Sendable, Hashable, CustomStringConvertible {
    /// As written (the first time it was seen).
    public let text: String

    /// nil unless `text` is a DOI (`10.` registrant `/` suffix).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("10."), let slash = trimmed.firstIndex(of: "/"), trimmed.index(after: slash) < trimmed.endIndex,
              trimmed.distance(from: trimmed.startIndex, to: slash) > 3 else { return nil }
        self.text = trimmed
    }

    /// The DOI of a `https://doi.org/10.…` link (also `dx.doi.org`, `www.doi.org`, and `http:`); nil for other URLs.
    public init?(link: String) {
        let lowered = link.lowercased()
        guard let prefix = ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                            "https://www.doi.org/", "http://www.doi.org/"].first(where: lowered.hasPrefix) else { return nil }
        var rest = String(link.dropFirst(prefix.count))
        if let fragment = rest.firstIndex(of: "#") { rest = String(rest[..<fragment]) }
        self.init(rest.removingPercentEncoding ?? rest)
    }

    /// Lowercased: the form DOIs are compared and cached in.
    public var key: String { text.lowercased() }

    public var description: String { text }

    public static func == (lhs: DOI, rhs: DOI) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// The DOI as one path of a URL: every character but letters, digits, `-._~` and `/` percent-encoded.
    var pathEncoded: String {
        var out = ""
        for byte in text.utf8 {
            let isPlain = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
            out += isPlain ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded
        }
        return out
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}
