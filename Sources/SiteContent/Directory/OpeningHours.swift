/// Opening hours per weekday: `mon: "08:00-17:00"`, `closed` or `24h`.
public struct OpeningHours: Sendable, Hashable {
    public enum Day: String, Sendable, CaseIterable {
        case mon, tue, wed, thu, fri, sat, sun

        /// schema.org's day name, e.g. `Monday` (also the name a listing shows).
        public var schemaName: String {
            switch self {
            case .mon: "Monday"
            case .tue: "Tuesday"
            case .wed: "Wednesday"
            case .thu: "Thursday"
            case .fri: "Friday"
            case .sat: "Saturday"
            case .sun: "Sunday"
            }
        }

        /// The day as schema.org's `dayOfWeek` value, e.g. `https://schema.org/Monday`: a literal, which JSON-LD
        /// writes without escaping.
        public var schemaURL: StaticString {
            switch self {
            case .mon: "https://schema.org/Monday"
            case .tue: "https://schema.org/Tuesday"
            case .wed: "https://schema.org/Wednesday"
            case .thu: "https://schema.org/Thursday"
            case .fri: "https://schema.org/Friday"
            case .sat: "https://schema.org/Saturday"
            case .sun: "https://schema.org/Sunday"
            }
        }
    }

    public enum Hours: Sendable, Hashable {
        case closed
        case allDay
        /// Opening and closing times as `HH:MM`, one or more ranges.
        case ranges([(opens: String, closes: String)])

        public static func == (lhs: Hours, rhs: Hours) -> Bool { lhs.text == rhs.text }
        public func hash(into hasher: inout Hasher) { hasher.combine(text) }

        /// As written in content.
        public var text: String {
            switch self {
            case .closed: "closed"
            case .allDay: "24h"
            case .ranges(let ranges): ranges.map { "\($0.opens)-\($0.closes)" }.joined(separator: ", ")
            }
        }

        /// Parses `08:00-17:00`, `08:00-12:00, 13:00-17:00`, `closed`, `24h`.
        public init?(_ text: String) {
            guard let hours = Self.plain(text) ?? Self.readByRules(text) else { return nil }
            self = hours
        }

        /// Any text the rules accept: trimmed and lowercased, ranges with spaces or tabs around them.
        static func readByRules(_ text: String) -> Hours? {
            let value = Self.normalized(text)
            if value == "closed" { return .closed }
            if value == "24h" { return .allDay }
            if let strict = Self.strictRanges(value) {
                // `HH:MM-HH:MM`, comma-separated: read from the bytes, checked by the same rules as below.
                var ranges: [(opens: String, closes: String)] = []
                var lastCloses = -1
                for range in strict {
                    guard let opens = range.opensMinutes, let closes = range.closesMinutes, opens < closes, lastCloses <= opens else { return nil }
                    ranges.append((range.opens, range.closes))
                    lastCloses = closes
                }
                return .ranges(ranges)
            }
            var ranges: [(opens: String, closes: String)] = []
            for part in value.split(separator: ",") {
                let times = Self.trimmed(part).split(separator: "-")
                guard times.count == 2, let opens = Self.minutes(times[0]), let closes = Self.minutes(times[1]),
                      opens < closes, ranges.last.map({ Self.minutes(Substring($0.1))! <= opens }) ?? true else { return nil }
                ranges.append((String(times[0]), String(times[1])))
            }
            return ranges.isEmpty ? nil : .ranges(ranges)
        }

        /// `HH:MM` for every minute of a day and `24:00`, by minutes since midnight: made once, where each range read
        /// made two Strings of five bytes.
        private static let times: [String] = (0...(24 * 60)).map { minutes in
            let hours = minutes / 60, rest = minutes % 60
            return String(hours / 10) + String(hours % 10) + ":" + String(rest / 10) + String(rest % 10)
        }

        /// Hours written as nearly every record writes them (`closed`, `24h`, or `HH:MM-HH:MM` ranges joined by
        /// `, `), read from the string's bytes without a copy; nil for anything else, which the rules below read
        /// (they accept all this does, the same way). Ten thousand listings have seventy thousand of these.
        static func plain(_ text: String) -> Hours? {
            if text == "closed" { return .closed }
            if text == "24h" { return .allDay }
            return text.utf8.withContiguousStorageIfAvailable { bytes -> Hours? in
                func minutes(_ at: Int) -> Int? {
                    func digit(_ offset: Int) -> Int? {
                        let byte = bytes[at + offset]
                        return byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
                    }
                    guard bytes[at + 2] == UInt8(ascii: ":"), let h1 = digit(0), let h2 = digit(1), let m1 = digit(3), let m2 = digit(4) else { return nil }
                    let hours = h1 * 10 + h2, minutes = m1 * 10 + m2
                    return hours <= 24 && minutes <= 59 && (hours < 24 || minutes == 0) ? hours * 60 + minutes : nil
                }
                var ranges: [(opens: String, closes: String)] = []
                var index = 0
                var lastCloses = -1
                while true {
                    guard index + 11 <= bytes.count, bytes[index + 5] == UInt8(ascii: "-"), let opens = minutes(index),
                          let closes = minutes(index + 6), opens < closes, lastCloses <= opens else { return nil }
                    // Two digits, a colon, two digits: the text is the one `times` holds for those minutes.
                    ranges.append((Self.times[opens], Self.times[closes]))
                    lastCloses = closes
                    index += 11
                    if index == bytes.count { return .ranges(ranges) }
                    guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: ","), bytes[index + 1] == 0x20 else { return nil }
                    index += 2
                }
            } ?? nil
        }

        /// The ranges of a text written exactly `HH:MM-HH:MM` (comma-separated, spaces around them), digits only;
        /// nil for any other text, which the general rules read.
        static func strictRanges(_ value: String) -> [(opens: String, closes: String, opensMinutes: Int?, closesMinutes: Int?)]? {
            let bytes = Array(value.utf8)
            guard !bytes.isEmpty else { return nil }
            var result: [(opens: String, closes: String, opensMinutes: Int?, closesMinutes: Int?)] = []
            for part in bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                let trimmed = part.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
                let time = Array(trimmed)
                guard time.count == 11, time[2] == UInt8(ascii: ":"), time[5] == UInt8(ascii: "-"), time[8] == UInt8(ascii: ":"),
                      [0, 1, 3, 4, 6, 7, 9, 10].allSatisfy({ time[$0] >= UInt8(ascii: "0") && time[$0] <= UInt8(ascii: "9") }) else { return nil }
                func minutes(_ at: Int) -> Int? {
                    let hours = Int(time[at] - 48) * 10 + Int(time[at + 1] - 48), minutes = Int(time[at + 3] - 48) * 10 + Int(time[at + 4] - 48)
                    return hours <= 24 && minutes <= 59 && (hours < 24 || minutes == 0) ? hours * 60 + minutes : nil
                }
                result.append((String(decoding: time[0..<5], as: UTF8.self), String(decoding: time[6..<11], as: UTF8.self), minutes(0), minutes(6)))
            }
            return result
        }

        /// The text trimmed of white space and lowercased; ASCII (every real value) without Foundation.
        static func normalized(_ text: String) -> String {
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.trimmingCharacters(in: .whitespaces).lowercased() }
            return String(decoding: trimmed(text[...]).utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }

        /// Without spaces and tabs at either end (what `.whitespaces` holds of ASCII); other text through Foundation.
        static func trimmed(_ text: Substring) -> Substring {
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return Substring(text.trimmingCharacters(in: .whitespaces)) }
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
            guard let first = text.utf8.firstIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
            let last = text.utf8.lastIndex(where: { !isSpace($0) })!
            return text[first...last]
        }

        /// Minutes after midnight of `HH:MM` (24:00 allowed as a closing time).
        static func minutes(_ time: Substring) -> Int? {
            let parts = time.split(separator: ":")
            guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
                  let hours = Int(parts[0]), let minutes = Int(parts[1]),
                  (0...24).contains(hours), (0...59).contains(minutes), hours < 24 || minutes == 0 else { return nil }
            return hours * 60 + minutes
        }
    }

    /// Hours for the days the record gives, in weekday order.
    public var days: [(day: Day, hours: Hours)]

    public init(days: [(day: Day, hours: Hours)]) {
        self.days = days
    }

    public static func == (lhs: OpeningHours, rhs: OpeningHours) -> Bool {
        lhs.days.map { "\($0.day.rawValue)=\($0.hours.text)" } == rhs.days.map { "\($0.day.rawValue)=\($0.hours.text)" }
    }

    public func hash(into hasher: inout Hasher) {
        for day in days { hasher.combine(day.day.rawValue); hasher.combine(day.hours) }
    }
}

import Foundation
