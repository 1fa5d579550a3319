import Foundation
import SiteContent

/// The one place the command line reads the system clock; everything below receives the date.
enum Clock {
    /// Today's date in UTC.
    static func today() -> ContentDate {
        ContentDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
