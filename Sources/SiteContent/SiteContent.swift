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

    public init(config: SiteConfig, guides: [GuidePage], bibliography: Bibliography, guideData: GuideData = GuideData(),
                directory: Directory = Directory()) {
        self.directory = directory
        self.config = config
        self.guides = guides
        self.bibliography = bibliography
        self.guideData = guideData
    }
}
