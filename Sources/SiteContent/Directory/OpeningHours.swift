/// Opening hours per weekday: `mon: "08:00-17:00"`, `closed` or `24h`.
public struct OpeningHours: Sendable, Hashable {
    public enum Day: String, Sendable, CaseIterable {
        case mon, tue, wed, thu, fri, sat, sun

        /// schema.org's day name, e.g. `Monday`.
        public var schemaName: String {
            ["mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
             "sat": "Saturday", "sun": "Sunday"][rawValue]!
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
            let value = Self.normalized(text)
            if value == "closed" { self = .closed; return }
            if value == "24h" { self = .allDay; return }
            var ranges: [(String, String)] = []
            for part in value.split(separator: ",") {
                let times = Self.trimmed(part).split(separator: "-")
                guard times.count == 2, let opens = Self.minutes(times[0]), let closes = Self.minutes(times[1]),
                      opens < closes, ranges.last.map({ Self.minutes(Substring($0.1))! <= opens }) ?? true else { return nil }
                ranges.append((String(times[0]), String(times[1])))
            }
            guard !ranges.isEmpty else { return nil }
            self = .ranges(ranges)
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
