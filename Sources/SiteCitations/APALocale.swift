import SiteContent

/// The words and forms of an APA reference list in one language: what citeproc takes from CSL's locale file
/// (`locales-en-US.xml`, `locales-es-ES.xml`) when it renders the APA style, for the parts the site's entry types use.
public struct APALocale: Sendable {
    /// The language code this locale serves (`en`, `es`), as `site.yaml` names languages.
    public let language: String
    /// For an entry without a date: "n.d.", "s. f.".
    let noDate: String
    /// Before the book a chapter is in: "In", "En".
    let inContainer: String
    /// Between the first and last page.
    let pageRangeDelimiter: String
    let months: [String]
    /// An edition number as the style writes it: "3rd ed.", "3.ª ed.".
    let edition: @Sendable (Int) -> String
    /// The access date of an undated web page, before its link: "Retrieved July 30, 2024, from".
    let retrieved: @Sendable (ContentDate, _ months: [String]) -> String
    /// Whether a web site's name is put in title case (citeproc does so for English only).
    let titleCasesSiteNames: Bool

    /// US English (`locales-en-US.xml`).
    public static let english = APALocale(
        language: "en", noDate: "n.d.", inContainer: "In", pageRangeDelimiter: "–",
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        edition: { number in
            let suffix: String
            switch (number % 100, number % 10) {
            case (11...13, _): suffix = "th"
            case (_, 1): suffix = "st"
            case (_, 2): suffix = "nd"
            case (_, 3): suffix = "rd"
            default: suffix = "th"
            }
            return "\(number)\(suffix) ed."
        },
        retrieved: { day, months in "Retrieved \(months[day.month - 1]) \(day.day), \(day.year), from" },
        titleCasesSiteNames: true)

    /// Spanish as `locales-es-ES.xml` has it: "s. f.", "En", "3.ª ed.", "Recuperado 30 de julio de 2024, de",
    /// a hyphen between pages, month names in lower case.
    public static let spanish = APALocale(
        language: "es", noDate: "s. f.", inContainer: "En", pageRangeDelimiter: "-",
        months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        edition: { number in "\(number).ª ed." },
        retrieved: { day, months in "Recuperado \(day.day) de \(months[day.month - 1]) de \(day.year), de" },
        titleCasesSiteNames: false)

    /// The locale of a language code (`en`, `es`, or a regional form such as `es-US`); nil for a language without one.
    public static func of(_ language: String) -> APALocale? {
        switch language.split(separator: "-").first.map(String.init)?.lowercased() {
        case "en": english
        case "es": spanish
        default: nil
        }
    }
}
