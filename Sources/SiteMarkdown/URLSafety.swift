/// Recognises URL schemes that run code or smuggle content when a reader follows a link.
public enum URLSafety {
    static let unsafeSchemes = ["javascript", "data", "vbscript"]

    /// The unsafe scheme of `url` (lowercased), or nil when the URL is safe.
    /// Browsers ignore ASCII whitespace and control characters inside a scheme, so we do too.
    public static func unsafeScheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar == ":" { break }
            if scalar.value <= 0x20 { continue }
            scheme.unicodeScalars.append(scalar)
            if scheme.count > 16 { return nil }
        }
        let lowered = scheme.lowercased()
        guard url.contains(":") else { return nil }
        return unsafeSchemes.contains(lowered) ? lowered : nil
    }
}
