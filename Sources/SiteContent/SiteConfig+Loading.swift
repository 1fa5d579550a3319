import SiteCore
import SiteMarkdown
import Yams

extension SiteConfig {
    /// Reads site.yaml; nil when a required part is missing (the problems are in `log`).
    static func read(_ file: YAMLFile, log: DiagnosticLog) -> SiteConfig? {
        guard let root = file.root else { return nil }
        guard let map = YAMLMapping(root, in: file, what: "site.yaml", log: log) else { return nil }
        let title = map.string("title", required: true)
        let baseURL = map.url("base_url", required: true)
        let description = map.string("description")?.value ?? ""
        let language = map.string("language")?.value ?? "en"
        let allowRawHTML = map.bool("allow_raw_html") ?? false
        let disclaimer = map.markdown("disclaimer", options: MarkdownOptions(allowRawHTML: allowRawHTML))
        var helpline: Helpline?
        if let help = map.mapping("helpline", what: "helpline") {
            let label = help.string("label", required: true)
            let phone = help.string("phone", required: true)
            help.finish()
            if let label, let phone { helpline = Helpline(label: label.value, phone: phone) }
        }
        var reviewer: Reviewer?
        if let person = map.mapping("reviewer", what: "reviewer") {
            reviewer = Reviewer.read(person)
        }
        var navigation: [NavigationItem] = []
        for node in map.sequence("navigation") ?? [] {
            guard let item = YAMLMapping(node, in: file, what: "navigation item", log: log) else { continue }
            let title = item.string("title", required: true)
            let url = item.string("url", required: true)
            item.finish()
            if let title, let url {
                if let scheme = URLSafety.unsafeScheme(of: url.value) {
                    log.error("unsafe URL scheme '\(scheme):' in navigation", at: url.location)
                }
                navigation.append(NavigationItem(title: title.value, url: url))
            }
        }
        var maxAge = 365
        if let directory = map.mapping("directory", what: "directory settings") {
            maxAge = directory.int("verified_max_age_days", range: 1...3650) ?? 365
            directory.finish()
        }
        map.finish()
        guard let title, let baseURL else { return nil }
        let normalisedBase = baseURL.value.hasSuffix("/") ? baseURL.value : baseURL.value + "/"
        return SiteConfig(title: title.value, baseURL: normalisedBase, description: description, language: language,
                          helpline: helpline, reviewer: reviewer, disclaimer: disclaimer, navigation: navigation,
                          verifiedMaxAgeDays: maxAge, allowRawHTML: allowRawHTML, path: file.path)
    }
}

extension SiteConfig.Reviewer {
    static func read(_ map: YAMLMapping) -> SiteConfig.Reviewer? {
        let name = map.string("name", required: true)
        let credentials = map.string("credentials")?.value ?? ""
        map.finish()
        return name.map { SiteConfig.Reviewer(name: $0.value, credentials: credentials) }
    }
}
