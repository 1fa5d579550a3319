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
            let value = text.trimmingCharacters(in: .whitespaces).lowercased()
            if value == "closed" { self = .closed; return }
            if value == "24h" { self = .allDay; return }
            var ranges: [(String, String)] = []
            for part in value.split(separator: ",") {
                let times = part.trimmingCharacters(in: .whitespaces).split(separator: "-")
                guard times.count == 2, let opens = Self.minutes(times[0]), let closes = Self.minutes(times[1]),
                      opens < closes, ranges.last.map({ Self.minutes(Substring($0.1))! <= opens }) ?? true else { return nil }
                ranges.append((String(times[0]), String(times[1])))
            }
            guard !ranges.isEmpty else { return nil }
            self = .ranges(ranges)
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
