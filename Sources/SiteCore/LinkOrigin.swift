/// Where a link in a rendered page came from, so that a broken link is reported where an editor fixes it.
///
/// `ordinal` counts the links with the same `href` on the same page, from 0, in the order the page
/// records them; the link checker matches extracted links to origins by page, href and ordinal.
public struct LinkOrigin: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable {
        /// A link written in Markdown (content body or a Markdown field of a data file).
        case markdown
        /// A link built from a data field (a website, a phone number).
        case data
        /// An `href` or `src` written literally in a template.
        case template
    }

    public var href: String
    public var ordinal: Int
    public var kind: Kind
    public var origin: SourceLocation

    public init(href: String, ordinal: Int, kind: Kind, origin: SourceLocation) {
        self.href = href
        self.ordinal = ordinal
        self.kind = kind
        self.origin = origin
    }
}

extension Array where Element == LinkOrigin {
    /// Renumbers ordinals so that each href counts 0, 1, 2… in list order.
    public func numberedByHref() -> [LinkOrigin] {
        var seen: [String: Int] = [:]
        return numberedByHref(continuing: &seen)
    }

    /// Numbers these links as the continuation of a list whose counts per href are `seen`, and counts them in.
    public func numberedByHref(continuing seen: inout [String: Int]) -> [LinkOrigin] {
        map { origin in
            var numbered = origin
            numbered.ordinal = seen[origin.href, default: 0]
            seen[origin.href] = numbered.ordinal + 1
            return numbered
        }
    }
}
