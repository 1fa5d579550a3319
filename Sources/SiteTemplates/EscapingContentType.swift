import Mustache
import SiteCore

/// HTML escaping for `{{name}}`: the same five characters as swift-mustache's own HTML content type,
/// escaped by `Escape.html`, which scans bytes instead of grapheme clusters. A directory site escapes
/// millions of characters per build, and that scan was a sixth of the build's time.
///
/// swift-mustache chooses a content type per template with a `CONTENT_TYPE` pragma from a registry, so
/// the library registers this one and `TemplateLibrary` puts the pragma in front of every template.
struct EscapingContentType: MustacheContentType {
    static let name = "IOPSITEHTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    func escapeText(_ text: String) -> String {
        Escape.html(text)
    }

    /// Registering is idempotent; the registry is swift-mustache's, guarded by its lock.
    static func register() {
        MustacheContentTypes.register(EscapingContentType(), named: name)
    }
}
