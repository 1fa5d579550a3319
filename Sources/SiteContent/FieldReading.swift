import SiteCore
import SiteMarkdown

/// What a record's reader asks of one mapping, whichever parser read the file: `YAMLMapping` over a
/// Yams tree, or `ScannedMapping` over the lines `StateFileScanner` read. A reader written against
/// this protocol validates and reports the same way on either.
protocol FieldReading: AnyObject {
    associatedtype Nested: FieldReading

    var log: DiagnosticLog { get }
    /// Where the mapping starts (its first key).
    var location: SourceLocation { get }

    func string(_ key: String, required: Bool) -> Located<String>?
    /// Whether the mapping has `key` (without marking it as read).
    func has(_ key: String) -> Bool
    func mapping(_ key: String, what: String, required: Bool) -> Nested?
    func double(_ key: String, range: ClosedRange<Double>) -> Double?
    func strings(_ key: String) -> [Located<String>]?
    func markdown(_ key: String, required: Bool, options: MarkdownOptions) -> MarkdownField?
    /// `true` or `false` (also `yes` and `no`), plain, with the value's position.
    func locatedBool(_ key: String) -> Located<Bool>?
    /// Reports keys no reader asked for.
    func finish(allowing prefix: String?)
}

extension FieldReading {
    func string(_ key: String) -> Located<String>? { string(key, required: false) }
    func mapping(_ key: String, what: String) -> Nested? { mapping(key, what: what, required: false) }
    func finish() { finish(allowing: nil) }

    func date(_ key: String, required: Bool = false) -> Located<ContentDate>? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = ContentDate(text.value) else {
            log.error("'\(key)' must be a date written YYYY-MM-DD, not '\(text.value)'", at: text.location)
            return nil
        }
        return Located(date, at: text.location)
    }

    func url(_ key: String, required: Bool = false) -> Located<String>? {
        guard let text = string(key, required: required) else { return nil }
        let lowered = text.value.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
            log.error("'\(key)' must be an http or https URL, not '\(text.value)'", at: text.location)
            return nil
        }
        return text
    }
}
