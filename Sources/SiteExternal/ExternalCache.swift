public import Foundation
import SiteCore
import SiteCheck

/// What earlier runs learned, by URL or DOI, each result good until it expires: `ok` for 7 days (a
/// DOI for its record's TTL), `blocked` for a day; `broken`, `deferred` and `unreliable` are never kept,
/// so that they are looked at again on the next run.
public struct ExternalCache: Sendable {
    struct Record: Sendable, Codable, Equatable {
        var verdict: Verdict?
        /// For `crossref:` keys: the work, or nil when Crossref has no such DOI.
        var work: CrossrefWork?
        var checked: Date
        var expires: Date
    }

    /// The file under the site's root.
    public static let path = ".iopsite-cache/external.json"
    static let okTTL: Double = 7 * 24 * 3600
    static let blockedTTL: Double = 24 * 3600

    var records: [String: Record] = [:]

    public init() {}

    /// What is kept, by key (`url:…`, `doi:…`, `crossref:…`), sorted.
    public var keys: [String] { records.keys.sorted() }

    /// Reads the cache; a missing file is an empty cache, and so is an unreadable one (with the reason).
    public static func load(from file: URL) -> (cache: ExternalCache, problem: String?) {
        guard let data = try? Data(contentsOf: file) else { return (ExternalCache(), nil) }
        do {
            let document = try decoder.decode(Document.self, from: data)
            guard document.version == 1 else { return (ExternalCache(), "unknown cache version \(document.version); starting afresh") }
            var cache = ExternalCache()
            cache.records = document.entries
            return (cache, nil)
        } catch {
            return (ExternalCache(), "the cache could not be read (\(error)); starting afresh")
        }
    }

    /// Writes the records that have not expired, sorted by key, replacing the file at once.
    public func save(to file: URL, now: Date) throws {
        let live = records.filter { $0.value.expires > now }
        let data = try Self.encoder.encode(Document(version: 1, entries: live))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file, options: .atomic)
    }

    func verdict(_ key: String, now: Date) -> Verdict? {
        guard let record = records[key], record.expires > now else { return nil }
        return record.verdict
    }

    /// The cached Crossref lookup: nil when there is none that is still good.
    func crossref(_ key: String, now: Date) -> CrossrefLookup? {
        guard let record = records[key], record.expires > now else { return nil }
        return record.work.map(CrossrefLookup.found) ?? .notFound
    }

    /// Keeps a verdict for as long as its outcome may be trusted.
    mutating func store(_ verdict: Verdict, for key: String, now: Date) {
        let ttl: Double
        switch verdict.outcome {
        case .ok: ttl = verdict.ttl ?? Self.okTTL
        case .blocked: ttl = Self.blockedTTL
        case .broken, .deferred, .unreliable: return
        }
        records[key] = Record(verdict: verdict, work: nil, checked: now, expires: now.addingTimeInterval(ttl))
    }

    mutating func store(_ lookup: CrossrefLookup, for key: String, now: Date) {
        switch lookup {
        case .found(let work):
            records[key] = Record(verdict: nil, work: work, checked: now, expires: now.addingTimeInterval(Self.okTTL))
        case .notFound:
            records[key] = Record(verdict: nil, work: nil, checked: now, expires: now.addingTimeInterval(Self.okTTL))
        case .failed:
            return
        }
    }

    private struct Document: Codable {
        var version: Int
        var entries: [String: Record]
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
