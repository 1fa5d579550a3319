public import SiteCore
import SiteMarkdown
import Foundation

/// `Content/site.yaml`: settings that every page shares.
public struct SiteConfig: Sendable {
    /// A person who reviews content medically.
    public struct Reviewer: Sendable, Hashable {
        public var name: String
        public var credentials: String
    }

    /// The phone line shown in the call-to-action box and the footer: a real line, never a fictional number.
    public struct Helpline: Sendable, Hashable {
        public var label: String
        public var phone: Located<String>
        /// What the line offers (hours, cost, languages), shown under the number.
        public var note: String?
        /// The number in E.164 form for `tel:` links: `tel:+18006624357`.
        public var telURL: String

        /// SAMHSA's National Helpline, used when site.yaml names no helpline.
        public static func samhsaNational(at location: SourceLocation) -> Helpline {
            Helpline(label: "SAMHSA's National Helpline", phone: Located("1-800-662-4357", at: location),
                     note: "Free and confidential treatment referral and information, 24 hours a day, every day of the year, in English and Spanish.",
                     telURL: "tel:+18006624357")
        }
    }

    /// One link of the main navigation.
    public struct NavigationItem: Sendable {
        public var title: String
        public var url: Located<String>
    }

    public var title: String
    /// The absolute URL the site is published at, ending in `/`.
    public let baseURL: String
    public var description: String
    public var language: String
    /// Every language of the site, the default first; one, English, for a site without `languages:`.
    public var languages: [SiteLanguage] = [.english]
    /// The language these values are in (see `localized(_:)`).
    public var edition: SiteLanguage = .english
    /// What a reader sees in each language other than the default, by code.
    var translations: [String: Translation] = [:]
    public var helpline: Helpline?
    public var reviewer: Reviewer?
    /// site.yaml has a `reviewer` entry, valid or not (an invalid one is reported once, at itself).
    public var declaresReviewer = false
    public var disclaimer: MarkdownField?
    public var navigation: [NavigationItem]
    public var verifiedMaxAgeDays: Int
    public var allowRawHTML: Bool
    /// `check:`: how outside links are checked.
    public var check = CheckSettings()
    /// Where site.yaml is, for diagnostics and dependency tracking.
    public var path: String

    /// The path part of `base_url` (`/` or `/sub/`), which every internal link starts with.
    /// Stored, because every page asks for it many times.
    public let basePath: String

    init(title: String, baseURL: String, description: String, language: String, helpline: Helpline?, reviewer: Reviewer?,
         disclaimer: MarkdownField?, navigation: [NavigationItem], verifiedMaxAgeDays: Int, allowRawHTML: Bool, path: String) {
        self.title = title
        self.baseURL = baseURL
        self.description = description
        self.language = language
        self.helpline = helpline
        self.reviewer = reviewer
        self.disclaimer = disclaimer
        self.navigation = navigation
        self.verifiedMaxAgeDays = verifiedMaxAgeDays
        self.allowRawHTML = allowRawHTML
        self.path = path
        basePath = Self.basePath(of: baseURL)
        // What every absolute URL starts with: the origin, then the base path without its final slash.
        var origin = Substring(baseURL)
        if origin.utf8.last == UInt8(ascii: "/") { origin = Substring(origin.utf8.dropLast()) }
        let base = basePath == "/" ? Substring() : Substring(basePath.utf8.dropLast())
        if !base.isEmpty, origin.hasSuffix(base) { origin = Substring(origin.utf8.dropLast(base.utf8.count)) }
        absolutePrefix = String(origin) + base
    }

    /// What every absolute URL starts with (`absoluteURL` is it and a route's path). Stored: every page asks for
    /// absolute URLs many times.
    public let absolutePrefix: String

    static func basePath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
        let path = afterHost.isEmpty ? "/" : String(afterHost)
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// A language's own values of site.yaml, which take the default language's place on its pages.
    struct Translation: Sendable {
        var title: String
        var description: String
        var navigation: [NavigationItem]
        var helplineLabel: String?
        var helplineNote: String?
        var disclaimer: MarkdownField?
    }

    /// The settings as the pages of `language` show them: its title, description, navigation, helpline words and
    /// disclaimer; the default language's values for the default language or a code the site does not have.
    public func localized(_ language: String) -> SiteConfig {
        guard let edition = languages.first(where: { $0.code == language }) else { return self }
        var config = self
        config.edition = edition
        config.language = edition.code
        guard let translation = translations[language] else { return config }
        config.title = translation.title
        config.description = translation.description
        config.navigation = translation.navigation
        config.disclaimer = translation.disclaimer
        if var helpline = config.helpline {
            helpline.label = translation.helplineLabel ?? helpline.label
            helpline.note = translation.helplineNote ?? helpline.note
            config.helpline = helpline
        }
        return config
    }

    /// The absolute URL of a route, for canonical links and the sitemap.
    public func absoluteURL(_ route: Route) -> String {
        absolutePrefix + route.path
    }
}
