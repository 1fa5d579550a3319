import Foundation

/// Helpers for the outside URLs the checker handles as text.
enum ExternalURL {
    /// The URL as a request needs it: spaces and non-ASCII characters percent-encoded (as a browser
    /// does), nil when it is not an `http(s)` URL with a host.
    static func requestable(_ url: String) -> String? {
        var encoded = ""
        for scalar in url.unicodeScalars {
            if scalar.isASCII && scalar.value > 0x20 && scalar != "\"" && scalar != "<" && scalar != ">" && scalar != "`"
                && scalar != "{" && scalar != "}" && scalar != "|" && scalar != "\\" && scalar != "^" && scalar.value != 0x7F {
                encoded.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { encoded += String(format: "%%%02X", byte) }
            }
        }
        guard let parsed = URLComponents(string: encoded), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty else { return nil }
        return encoded
    }

    /// The URL as the checker keys it: without the fragment (which no server sees), scheme and host lowercased.
    static func normalized(_ url: String) -> String {
        let withoutFragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
        guard let schemeEnd = withoutFragment.range(of: "://") else { return withoutFragment }
        let scheme = withoutFragment[..<schemeEnd.lowerBound].lowercased()
        let rest = withoutFragment[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd].lowercased()
        let path = rest[authorityEnd...]
        return scheme + "://" + authority + (path.isEmpty ? "/" : path)
    }

    /// `example.org:443`: how the checker tells hosts apart for politeness.
    static func hostKey(_ url: String) -> String {
        guard let components = requestable(url).flatMap(URLComponents.init(string:)), let host = components.host?.lowercased() else {
            return url
        }
        let port = components.port ?? (components.scheme?.lowercased() == "http" ? 80 : 443)
        return "\(host):\(port)"
    }

    /// `example.org`: the host's name, for messages.
    static func hostName(_ url: String) -> String {
        requestable(url).flatMap(URLComponents.init(string:))?.host?.lowercased() ?? url
    }

    /// A redirect's `Location`, made absolute against the URL that answered.
    static func resolve(_ location: String, against base: String) -> String? {
        guard let baseURL = requestable(base).flatMap(URL.init(string:)),
              let encoded = requestable(location) ?? relativeEncoded(location),
              let resolved = URL(string: encoded, relativeTo: baseURL)?.absoluteURL else { return nil }
        let text = resolved.absoluteString
        return requestable(text) == nil ? nil : text
    }

    private static func relativeEncoded(_ location: String) -> String? {
        let allowed = CharacterSet.urlQueryAllowed.union(CharacterSet(charactersIn: "#%"))
        return location.addingPercentEncoding(withAllowedCharacters: allowed)
    }
}
