import SiteCore

/// Everything in `Content/`, loaded and validated: the input of planning.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var guides: [GuidePage]
    public var bibliography: Bibliography

    public init(config: SiteConfig, guides: [GuidePage], bibliography: Bibliography) {
        self.config = config
        self.guides = guides
        self.bibliography = bibliography
    }
}
