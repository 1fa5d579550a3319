/// Recognises URL schemes that run code or smuggle content when a reader follows a link.
public enum URLSafety {
    static let unsafeSchemes = ["javascript", "data", "vbscript"]
    /// Bit n: an unsafe scheme is n bytes long.
    private static let unsafeLengths: UInt32 = unsafeSchemes.reduce(0) { $0 | 1 << $1.utf8.count }

    /// The unsafe scheme of `url` (lowercased), or nil when the URL is safe.
    /// Browsers ignore ASCII whitespace and control characters inside a scheme, so we do too. A scheme is
    /// ASCII: a URL with another character before its first `:` has none a browser would run.
    public static func unsafeScheme(of url: String) -> String? {
        // Gathered on the stack: every link of every listing is checked, and an array and a String apiece showed.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 17) { scheme in
            var count = 0
            var hasColon = false
            for byte in url.utf8 {
                if byte == UInt8(ascii: ":") { hasColon = true; break }
                if byte <= 0x20 { continue }
                if byte >= 0x80 { return nil }
                scheme[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                count += 1
                if count > 16 { return nil }
            }
            // Most schemes (`https`, `mailto`, `tel`) have a length no unsafe one has: no comparison at all.
            guard hasColon, unsafeLengths & 1 << count != 0 else { return nil }
            let lowered = UnsafeBufferPointer(rebasing: scheme[..<count])
            return unsafeSchemes.first { $0.utf8.elementsEqual(lowered) }
        }
    }
}
