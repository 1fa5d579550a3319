import Foundation
import SiteCore
import Yams

/// `check:` in site.yaml: how `iopsite check --external` treats the outside world.
public struct CheckSettings: Sendable {
    /// Requests in flight at once, over all hosts.
    public var concurrency = 32
    /// Seconds between two requests to the same host (one is in flight at a time).
    public var hostInterval = 1.0
    /// Seconds to wait for a connection.
    public var connectTimeout = 10.0
    /// Seconds a request may take in all.
    public var timeout = 30.0
    /// The longest `Retry-After` (seconds) worth waiting for in this run; a longer one defers the URL.
    public var maxRetryAfter = 10.0
    /// The DOI resolver, whose handle API says whether a DOI is registered.
    public var doiResolver = "https://doi.org"
    /// Crossref's REST API, for the metadata a DOI is registered with.
    public var crossref = "https://api.crossref.org"
    /// URL patterns not to check: `*` matches any run of characters; a pattern without `*` matches
    /// URLs that start with it.
    public var exclude: [Located<String>] = []

    public init() {}
}

extension CheckSettings {
    static func read(_ map: YAMLMapping) -> CheckSettings {
        var settings = CheckSettings()
        settings.concurrency = map.int("concurrency", range: 1...256) ?? settings.concurrency
        settings.hostInterval = map.seconds("host_interval", range: 0...60) ?? settings.hostInterval
        settings.connectTimeout = map.seconds("connect_timeout", range: 0.1...120) ?? settings.connectTimeout
        settings.timeout = map.seconds("timeout", range: 0.1...600) ?? settings.timeout
        settings.maxRetryAfter = map.seconds("max_retry_after", range: 0...600) ?? settings.maxRetryAfter
        settings.doiResolver = map.url("doi_resolver").map { Self.trimSlash($0.value) } ?? settings.doiResolver
        settings.crossref = map.url("crossref").map { Self.trimSlash($0.value) } ?? settings.crossref
        for node in map.sequence("exclude") ?? [] {
            guard case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                map.log.error("each 'exclude' entry must be a URL pattern", at: map.file.location(of: node))
                continue
            }
            settings.exclude.append(Located(scalar.string.trimmingCharacters(in: .whitespaces), at: map.file.location(of: node)))
        }
        map.finish()
        return settings
    }

    private static func trimSlash(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
