/// Recognises URL schemes that run code or smuggle content when a reader follows a link.
public enum URLSafety {
    static let unsafeSchemes = ["javascript", "data", "vbscript"]

    /// The unsafe scheme of `url` (lowercased), or nil when the URL is safe.
    /// Browsers ignore ASCII whitespace and control characters inside a scheme, so we do too. A scheme is
    /// ASCII: a URL with another character before its first `:` has none a browser would run.
    public static func unsafeScheme(of url: String) -> String? {
        var scheme: [UInt8] = []
        var hasColon = false
        for byte in url.utf8 {
            if byte == UInt8(ascii: ":") { hasColon = true; break }
            if byte <= 0x20 { continue }
            if byte >= 0x80 { return nil }
            scheme.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            if scheme.count > 16 { return nil }
        }
        guard hasColon else { return nil }
        let lowered = String(decoding: scheme, as: UTF8.self)
        return unsafeSchemes.contains(lowered) ? lowered : nil
    }
}
