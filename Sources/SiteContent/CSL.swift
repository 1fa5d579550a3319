import SiteCore
import Foundation

/// A CSL name: a person (`family`, `given`, particles, suffix) or an organisation (`literal`).
public struct CSLName: Sendable, Hashable {
    public var family: String
    public var given: String
    public var droppingParticle: String
    public var nonDroppingParticle: String
    public var suffix: String
    public var literal: String

    public init(family: String = "", given: String = "", droppingParticle: String = "", nonDroppingParticle: String = "",
                suffix: String = "", literal: String = "") {
        self.family = family
        self.given = given
        self.droppingParticle = droppingParticle
        self.nonDroppingParticle = nonDroppingParticle
        self.suffix = suffix
        self.literal = literal
    }
}

/// A CSL date: `date-parts` (year, month, day; a second part makes a range), or a literal text.
public struct CSLDate: Sendable, Hashable {
    public var parts: [[Int]]
    public var literal: String

    public init(parts: [[Int]] = [], literal: String = "") {
        self.parts = parts
        self.literal = literal
    }

    public var year: Int? { parts.first?.first }
    public var month: Int? { parts.first.flatMap { $0.count > 1 ? $0[1] : nil } }
    public var day: Int? { parts.first.flatMap { $0.count > 2 ? $0[2] : nil } }

    /// The date as a `ContentDate` when it names a whole day.
    public var contentDate: ContentDate? {
        guard let year, let month, let day else { return nil }
        return ContentDate(String(format: "%04d-%02d-%02d", year, month, day))
    }
}

/// The variables CSL 1.0.2 defines, by kind.
public enum CSLVariables {
    public static let names: Set<String> = [
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator",
        "director", "editor", "editorial-director", "executive-producer", "guest", "host", "illustrator", "interviewer",
        "narrator", "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
        "script-writer", "series-creator", "translator",
    ]
    public static let dates: Set<String> = [
        "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
    ]
    public static let numbers: Set<String> = [
        "chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number", "issue",
        "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first", "part-number",
        "printing-number", "section", "supplement-number", "version", "volume",
    ]
    public static let standard: Set<String> = [
        "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
        "call-number", "citation-key", "citation-label", "collection-title", "container-title", "container-title-short",
        "dimensions", "division", "DOI", "event", "event-title", "event-place", "genre", "ISBN", "ISSN", "jurisdiction",
        "keyword", "language", "license", "medium", "note", "original-publisher", "original-publisher-place",
        "original-title", "part-title", "PMCID", "PMID", "publisher", "publisher-place", "references",
        "reviewed-genre", "reviewed-title", "scale", "source", "status", "title", "title-short", "URL", "volume-title",
        "year-suffix",
    ]
    /// Keys of an item that are not variables.
    public static let structural: Set<String> = ["id", "type", "categories", "custom", "shortTitle", "journalAbbreviation"]

    /// The CSL 1.0.2 item types.
    public static let types: Set<String> = [
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
        "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
        "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map",
        "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
        "personal_communication", "post", "post-weblog", "regulation", "report", "review", "review-book", "software",
        "song", "speech", "standard", "thesis", "treaty", "webpage",
    ]
}
