import Foundation

/// Where HTML holds links: the attributes that hold one URL (or, for `srcset`, several), by element.
public enum LinkAttributes {
    /// Attributes that hold one URL, by element.
    public static let byElement: [String: [String]] = [
        "a": ["href", "xlink:href"], "area": ["href"], "link": ["href"], "img": ["src", "srcset"],
        "source": ["src", "srcset"], "script": ["src"], "iframe": ["src"], "embed": ["src"], "audio": ["src"],
        "video": ["src", "poster"], "track": ["src"], "input": ["src"], "form": ["action"], "button": ["formaction"],
        "object": ["data"], "image": ["href", "xlink:href"], "use": ["href", "xlink:href"],
    ]
}

/// `srcset` candidates: comma-separated, each a URL and an optional descriptor.
public enum SrcSet {
    public static func candidates(_ value: String) -> [String] {
        value.split(separator: ",").compactMap { candidate in
            candidate.split(whereSeparator: \.isWhitespace).first.map(String.init)
        }
    }
}

/// The URL of `<meta http-equiv="refresh" content="5; url=/next/">`.
public enum MetaRefresh {
    public static func url(_ content: String) -> String? {
        guard let separator = content.firstIndex(where: { $0 == ";" || $0 == "," }) else { return nil }
        var rest = content[content.index(after: separator)...].trimmingCharacters(in: .whitespaces)
        guard rest.lowercased().hasPrefix("url") else { return nil }
        rest = String(rest.dropFirst(3)).trimmingCharacters(in: .whitespaces)
        guard rest.hasPrefix("=") else { return nil }
        rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
        if let quote = rest.first, quote == "'" || quote == "\"" { rest = String(rest.dropFirst().prefix { $0 != quote }) }
        return rest.isEmpty ? nil : rest
    }
}
