import SiteCore
import SiteMarkdown
import Yams
import Foundation

extension SiteConfig {
    /// Reads site.yaml; nil when a required part is missing (the problems are in `log`).
    package static func read(_ file: YAMLFile, log: DiagnosticLog) -> SiteConfig? {
        guard let root = file.root else { return nil }
        guard let map = YAMLMapping(root, in: file, what: "site.yaml", log: log) else { return nil }
        let title = map.string("title", required: true)
        let baseURL = map.url("base_url", required: true)
        let description = map.string("description")?.value ?? ""
        let language = map.string("language")?.value ?? "en"
        let allowRawHTML = map.bool("allow_raw_html") ?? false
        let disclaimer = map.markdown("disclaimer", options: MarkdownOptions(allowRawHTML: allowRawHTML))
        var helpline: Helpline? = map.has("helpline") ? nil : .samhsaNational(at: map.location)
        if let help = map.mapping("helpline", what: "helpline") {
            helpline = Helpline.read(help)
        }
        var reviewer: Reviewer?
        if let person = map.mapping("reviewer", what: "reviewer") {
            reviewer = Reviewer.read(person)
        }
        if reviewer == nil, !map.has("reviewer") { Self.checkNoReviewClaim(description, in: map, key: "description", log: log) }
        let navigation = readNavigation(map, file: file, log: log)
        let languages = map.sequence("languages").map { readLanguages($0, file: file, allowRawHTML: allowRawHTML, log: log) }
        if let languages, let first = languages.languages.first, map.has("language"), language != first.code {
            log.error("'language' is \(language), but the first of 'languages', the default, is \(first.code)",
                      at: map.value("language").map { file.location(of: $0) } ?? map.location)
        }
        var maxAge = 365
        if let directory = map.mapping("directory", what: "directory settings") {
            maxAge = directory.int("verified_max_age_days", range: 1...3650) ?? 365
            directory.finish()
        }
        let check = map.mapping("check", what: "check settings").map(CheckSettings.read)
        map.finish()
        guard let title, let baseURL else { return nil }
        let normalisedBase = baseURL.value.hasSuffix("/") ? baseURL.value : baseURL.value + "/"
        var config = SiteConfig(title: title.value, baseURL: normalisedBase, description: description, language: language,
                                helpline: helpline, reviewer: reviewer, disclaimer: disclaimer, navigation: navigation,
                                verifiedMaxAgeDays: maxAge, allowRawHTML: allowRawHTML, path: file.path)
        config.declaresReviewer = map.has("reviewer")
        config.check = check ?? CheckSettings()
        if let languages, let first = languages.languages.first {
            config.languages = languages.languages
            config.edition = first
            config.language = first.code
            config.translations = languages.translations
        }
        return config
    }
}

extension SiteConfig {
    /// The `navigation:` links of a mapping (site.yaml's, or a language's).
    static func readNavigation(_ map: YAMLMapping, file: YAMLFile, log: DiagnosticLog) -> [NavigationItem] {
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
        return navigation
    }

    /// `languages:`, the default first: each a code and its name in itself; every language after the first also gives
    /// what its readers see (title, description, navigation, disclaimer, the helpline's label and note) and may
    /// name its directory's folders.
    static func readLanguages(_ nodes: [Node], file: YAMLFile, allowRawHTML: Bool, log: DiagnosticLog)
        -> (languages: [SiteLanguage], translations: [String: Translation]) {
        var languages: [SiteLanguage] = []
        var translations: [String: Translation] = [:]
        for node in nodes {
            guard let map = YAMLMapping(node, in: file, what: "language", log: log) else { continue }
            let isDefault = languages.isEmpty
            let code = map.string("code", required: true)
            let name = map.string("name", required: true)
            let directory = map.string("directory_slug")
            let search = map.string("search_slug")
            for slug in [directory, search].compactMap({ $0 }) where slug.value.isEmpty || Slug.make(slug.value) != slug.value {
                log.error("'\(slug.value)' is not a slug: use lowercase letters, digits and hyphens ('\(Slug.make(slug.value))')", at: slug.location)
            }
            var translation: Translation?
            if !isDefault {
                let title = map.string("title", required: true)
                let description = map.string("description", required: true)
                let navigation = readNavigation(map, file: file, log: log)
                let disclaimer = map.markdown("disclaimer", options: MarkdownOptions(allowRawHTML: allowRawHTML))
                var label: String?, note: String?
                if let helpline = map.mapping("helpline", what: "a language's helpline") {
                    label = helpline.string("label")?.value
                    note = helpline.string("note")?.value
                    helpline.finish()
                }
                if let title, let description {
                    translation = Translation(title: title.value, description: description.value, navigation: navigation,
                                              helplineLabel: label, helplineNote: note, disclaimer: disclaimer)
                }
            }
            map.finish()
            guard let code, let name else { continue }
            guard code.value.count >= 2, code.value.count <= 8, code.value.allSatisfy({ $0.isLetter || $0 == "-" }) else {
                log.error("'\(code.value)' is not a language code such as en or es", at: code.location)
                continue
            }
            guard !languages.contains(where: { $0.code == code.value }) else {
                log.error("language '\(code.value)' is named twice", at: code.location)
                continue
            }
            languages.append(SiteLanguage(code: code.value, name: name.value, prefix: isDefault ? "" : code.value.lowercased() + "/",
                                          directorySlug: directory?.value ?? "rehab-centers", searchSlug: search?.value ?? "find"))
            if let translation { translations[code.value] = translation }
        }
        return (languages, translations)
    }

    /// Words that tell a reader a page was medically reviewed, which only a named reviewer may back.
    static let reviewClaims = ["medically reviewed", "medical review", "reviewed by", "clinically reviewed", "expert-reviewed", "expert reviewed"]

    /// Reports a text that claims a medical review when no reviewer is named.
    static func checkNoReviewClaim(_ text: String, in map: YAMLMapping, key: String, log: DiagnosticLog) {
        let lower = text.lowercased()
        guard let claim = reviewClaims.first(where: lower.contains) else { return }
        let location = map.value(key).map { map.file.location(of: $0) } ?? map.location
        log.error("'\(key)' says \"\(claim)\", but no reviewer is named (set 'reviewer' in site.yaml or 'reviewed_by' in the page)",
                  at: location)
    }
}

extension SiteConfig.Helpline {
    /// Reads `label`, `phone` and `note`; the phone must be a real, dialable North American number.
    static func read(_ map: YAMLMapping) -> SiteConfig.Helpline? {
        let label = map.string("label", required: true)
        let phone = map.string("phone", required: true)
        let note = map.string("note")
        map.finish()
        guard let label, let phone else { return nil }
        guard let number = PhoneNumber(phone.value), number.extensionNumber == nil, number.isDialable else {
            map.log.error("helpline phone '\(phone.value)' is not a valid North American number", at: phone.location)
            return nil
        }
        if number.isFictional {
            map.log.error("helpline phone '\(phone.value)' is a fictional 555-01xx number; a reader in crisis would call it "
                          + "(SAMHSA's National Helpline is 1-800-662-4357)", at: phone.location)
            return nil
        }
        return SiteConfig.Helpline(label: label.value, phone: phone, note: note?.value, telURL: number.compactTelURL)
    }
}

extension SiteConfig.Reviewer {
    /// Reads a reviewer: a real name and credentials, both required; a placeholder is an error.
    static func read(_ map: YAMLMapping) -> SiteConfig.Reviewer? {
        let name = map.string("name", required: true)
        let credentials = map.string("credentials", required: true)
        map.finish()
        guard let name, let credentials else { return nil }
        for field in [name, credentials] where isPlaceholder(field.value) {
            map.log.error("'\(field.value)' is a placeholder, not a reviewer; name the person who reviewed the content, "
                          + "or remove the reviewer", at: field.location)
            return nil
        }
        return SiteConfig.Reviewer(name: name.value, credentials: credentials.value)
    }

    static func isPlaceholder(_ text: String) -> Bool {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        return lower.isEmpty || lower.hasPrefix("[") || lower.hasPrefix("<") || lower.hasPrefix("todo")
            || ["placeholder", "not a real", "to be configured", "tbd", "lorem ipsum", "example"].contains { lower.contains($0) }
    }
}
