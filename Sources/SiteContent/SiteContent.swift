import SiteCore

/// Everything in `Content/`, loaded and validated: the input of planning.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var guides: [GuidePage]
    public var bibliography: Bibliography
    /// The structured parts the guide's shortcodes place.
    public var guideData: GuideData

    public init(config: SiteConfig, guides: [GuidePage], bibliography: Bibliography, guideData: GuideData = GuideData()) {
        self.config = config
        self.guides = guides
        self.bibliography = bibliography
        self.guideData = guideData
    }
}
