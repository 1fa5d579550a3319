import SiteCore

/// Everything in `Content/`, loaded and validated: the input of planning.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var guides: [GuidePage]
    public var bibliography: Bibliography
    /// The structured parts the guide's shortcodes place.
    public var guideData: GuideData
    /// The treatment-center directory (empty when `Content/directory/` does not exist).
    public var directory: Directory
    /// ZIP code and place points for search (empty when `Content/geo/` does not exist).
    public var geography: Geography
    /// The guides and guide data of each language but the default, by code (`Content/guide/<code>/`).
    public var translations: [String: Translation] = [:]

    /// A language's own guides (each a translation of a default-language guide) and guide data.
    public struct Translation: Sendable {
        public var guides: [GuidePage]
        public var guideData: GuideData

        public init(guides: [GuidePage], guideData: GuideData) {
            self.guides = guides
            self.guideData = guideData
        }
    }

    /// The content as the pages of `language` show it: its settings' words, its guides and their data; the
    /// directory, the sources and the geography are the same in every language.
    public func localized(_ language: String) -> SiteContent {
        guard language != config.languages.first?.code else { return self }
        var content = self
        content.config = config.localized(language)
        content.guides = translations[language]?.guides ?? []
        content.guideData = translations[language]?.guideData ?? GuideData()
        content.translations = [:]
        return content
    }

    /// The pages of the same guide in every language, by language code, for a guide of any language.
    public func versions(of guide: GuidePage) -> [String: GuidePage] {
        let name = guide.fileName
        var versions: [String: GuidePage] = [:]
        if let original = guides.first(where: { $0.fileName == name }), let code = config.languages.first?.code { versions[code] = original }
        for (code, translation) in translations {
            if let page = translation.guides.first(where: { $0.fileName == name }) { versions[code] = page }
        }
        return versions
    }

    public init(config: SiteConfig, guides: [GuidePage], bibliography: Bibliography, guideData: GuideData = GuideData(),
                directory: Directory = Directory(), geography: Geography = Geography()) {
        self.directory = directory
        self.geography = geography
        self.config = config
        self.guides = guides
        self.bibliography = bibliography
        self.guideData = guideData
    }
}
