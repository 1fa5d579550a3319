public import SiteContent

extension BuildSession {
    /// The path the site is served under (that of `base_url`), read from `Content/site.yaml`; `/` when it
    /// cannot be read (the build reports why).
    public func basePath() -> String {
        loadSettings()?.basePath ?? "/"
    }

    /// `Content/site.yaml` alone, for commands that need the base URL but not the content; nil when it
    /// cannot be read (a build reports why).
    public func loadSettings() -> SiteConfig? {
        ContentLoader(root: settings.root, shortcodes: []).loadConfig().config
    }
}
