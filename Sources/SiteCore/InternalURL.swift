/// Places site-internal links under the site's base path.
public enum InternalURL {
    /// `/a/` under base path `/sub/` becomes `/sub/a/`; relative, fragment-only and external URLs are unchanged.
    public static func resolve(_ url: String, basePath: String) -> String {
        guard url.hasPrefix("/"), !url.hasPrefix("//"), basePath != "/" else { return url }
        return String(basePath.dropLast()) + url
    }
}
