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
