import SiteCore
import SiteMarkdown

/// The structured parts of the guide, from `Content/guide/data/`. Each is absent when its file is.
public struct GuideData: Sendable {
    public var comparison: Comparison?
    public var schedule: Schedule?
    public var modalities: [Modality]?
    public var faq: [FAQEntry]?
    public var insurers: [Insurer]?
    /// The files read, for dependency tracking.
    public var paths: [String] = []
    /// The file each part was read from: its language's folder, or the default language's for a part a translation
    /// does not give (the insurers' names and websites need none).
    public var files: [Part: String] = [:]

    /// The file of `part`, read or expected.
    public func path(of part: Part) -> String { files[part] ?? part.path }

    public init() {}

    /// One data file of `Content/guide/data/` and the part of `GuideData` it fills.
    public enum Part: String, Sendable, CaseIterable {
        case comparison, schedule, modalities, faq, insurers

        /// The file's name in `Content/guide/data/`.
        public var file: String { self == .insurers ? "insurers.csv" : "\(rawValue).yaml" }

        /// The file's path under the site root.
        public var path: String { "\(GuideData.folder)/\(file)" }

        /// The file's path in a language's folder of guide data (`Content/guide/es/data`).
        public func path(in folder: String) -> String { "\(folder)/\(file)" }
    }

    /// Where the guide's data files are, under the site root.
    public static let folder = "Content/guide/data"

    /// Whether the file of `part` was read.
    public func has(_ part: Part) -> Bool {
        switch part {
        case .comparison: comparison != nil
        case .schedule: schedule != nil
        case .modalities: modalities != nil
        case .faq: faq != nil
        case .insurers: insurers != nil
        }
    }

    /// The Markdown fields a component renders, in the order it renders them (for citation numbering).
    public func markdownFields(of part: Part) -> [MarkdownField] {
        switch part {
        case .comparison:
            guard let comparison else { return [] }
            return comparison.rows.flatMap(\.cells) + [comparison.note].compactMap { $0 }
        case .schedule:
            guard let schedule else { return [] }
            return [schedule.before].compactMap { $0 } + schedule.phases.map(\.activities) + [schedule.after].compactMap { $0 }
        case .modalities:
            return (modalities ?? []).flatMap { [$0.description] + $0.kinds.map(\.description) }
        case .faq:
            return (faq ?? []).map(\.answer)
        case .insurers:
            return []
        }
    }
}

/// The comparison table: a feature per row, a cell per program.
public struct Comparison: Sendable {
    public struct Row: Sendable {
        public var feature: String
        public var cells: [MarkdownField]
    }

    public var caption: String
    public var featureHeading: String
    public var columns: [String]
    public var rows: [Row]
    public var note: MarkdownField?
}

/// The week-by-week schedule.
public struct Schedule: Sendable {
    public struct Phase: Sendable {
        public var name: String
        public var weeks: String
        public var sessions: String
        public var activities: MarkdownField
    }

    public var caption: String
    public var before: MarkdownField?
    public var phases: [Phase]
    public var after: MarkdownField?
}

/// A treatment approach, possibly with kinds of its own.
public struct Modality: Sendable {
    public struct Kind: Sendable {
        public var name: String
        public var description: MarkdownField
    }

    public var name: String
    public var description: MarkdownField
    public var kinds: [Kind]
}

/// A question and its Markdown answer.
public struct FAQEntry: Sendable {
    public var question: String
    public var answer: MarkdownField
}

/// A health insurer from `insurers.csv`.
public struct Insurer: Sendable {
    public var name: String
    public var website: Located<String>
}
