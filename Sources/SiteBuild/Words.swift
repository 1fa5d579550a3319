import SiteContent
import SiteCore

/// The words iopsite writes on pages itself, in one language: page titles and descriptions, crumbs, labels made
/// from data (a state's count, a day's hours), numbers and dates. They are the keys under `page.` and `format.` of
/// the language's string table, read into this value once per build; a theme without string tables gets English.
///
/// A class: every view of a build holds the same one.
final class Words: Sendable, Equatable {
    /// Every key the build reads, with its English text: each must be in every string table of a theme that has them.
    static let english: [(key: String, forms: StringTable.Forms)] = [
        ("page.home", .text("Home")),
        ("page.not_found", .text("Page not found")),
        ("page.directory", .text("Treatment centers")),
        ("page.directory_title", .text("Find a treatment center in your state")),
        ("page.directory_description", .text("Treatment centers for addiction and mental health in every state, Washington, D.C. and Puerto Rico, from SAMHSA's public locator data.")),
        ("page.search", .text("Find a center near you")),
        ("page.search_title", .text("Find a treatment center near you")),
        ("page.search_description", .text("Search {count} addiction and mental health treatment centers by ZIP code, city, name or your location.")),
        ("page.state_title", .text("Treatment centers in {state}")),
        ("page.state_description", .text("{count} addiction and mental health treatment centers in {state}, with addresses, phone numbers and services where SAMHSA's data has them.")),
        ("page.state_tile", .plural(one: "{state}, {count} center", other: "{state}, {count} centers")),
        ("page.facility_description", .text("Address, phone and services of {name} in {city}, {state}, from SAMHSA's public locator data.")),
        ("page.retired_title", .text("{name}, {city}, {state}: no longer listed")),
        ("page.retired_description", .text("{name} is no longer in SAMHSA's treatment locator data. Centers near it that are listed.")),
        ("page.treats_both", .text("Substance use and mental health")),
        ("page.treats_su", .text("Substance use")),
        ("page.treats_mh", .text("Mental health")),
        ("page.closed", .text("Closed")),
        ("page.all_day", .text("Open 24 hours")),
        ("page.backlink", .text("Back to citation {n} of source {number}")),
        ("page.source", .text("Source")),
        ("page.date_range", .text("{first} to {last}")),
        ("format.date", .text("{month} {day}, {year}")),
        ("format.month_year", .text("{month} {year}")),
        ("format.group", .text(",")),
        ("format.group_from", .text("4")),
        ("format.month.1", .text("January")), ("format.month.2", .text("February")), ("format.month.3", .text("March")),
        ("format.month.4", .text("April")), ("format.month.5", .text("May")), ("format.month.6", .text("June")),
        ("format.month.7", .text("July")), ("format.month.8", .text("August")), ("format.month.9", .text("September")),
        ("format.month.10", .text("October")), ("format.month.11", .text("November")), ("format.month.12", .text("December")),
        ("format.day.monday", .text("Monday")), ("format.day.tuesday", .text("Tuesday")), ("format.day.wednesday", .text("Wednesday")),
        ("format.day.thursday", .text("Thursday")), ("format.day.friday", .text("Friday")), ("format.day.saturday", .text("Saturday")),
        ("format.day.sunday", .text("Sunday")),
    ] + (ReaderGroup.levelsOfCare + ReaderGroup.payments).map { ("group.\($0.id)", .text($0.label)) }

    /// The keys, and the families of keys the build reads by prefix (the service codes' labels).
    static let keys = english.map(\.key) + ["service."]

    /// English, for a theme without string tables.
    static let fallback = Words(nil)

    let language: String
    private let table: StringTable
    /// Every text of the table, to tell two builds' words apart (an edited table makes the directory's parts again).
    private let texts: [String: StringTable.Forms]
    private let months: [String]
    private let group: String
    private let groupFrom: Int

    init(_ table: StringTable?) {
        let table = table ?? StringTable(language: "en", path: "", entries: Dictionary(Self.english.map {
            ($0.key, StringTable.Entry(forms: $0.forms, location: SourceLocation(path: "", line: 1, column: 1)))
        }) { first, _ in first })
        self.table = table
        language = table.language
        texts = table.entries.mapValues(\.forms)
        months = (1...12).map { table.text("format.month.\($0)") ?? "" }
        group = table.text("format.group") ?? ","
        groupFrom = Int(table.text("format.group_from") ?? "") ?? 4
    }

    static func == (lhs: Words, rhs: Words) -> Bool {
        lhs === rhs || (lhs.language == rhs.language && lhs.texts == rhs.texts)
    }

    /// The text of `key` with its placeholders filled; a count's form chosen by `count`.
    func text(_ key: String, count: Int? = nil, _ values: [String: String] = [:]) -> String {
        table.text(key, count: count, values) ?? key
    }

    /// A number as the language writes it: `14,035` in English, `14.035` in Spanish (which groups from five digits).
    func number(_ value: Int) -> String {
        let digits = String(value)
        guard digits.count >= groupFrom else { return digits }
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += group }
            out.append(digit)
        }
        return out
    }

    /// A full date for readers: "July 30, 2024", "30 de julio de 2024".
    func date(_ date: ContentDate) -> String {
        text("format.date", ["month": months[date.month - 1], "day": String(date.day), "year": String(date.year)])
    }

    /// A date of the directory's data, full or partial: `2020-04-09`, `2020-04` ("April 2020"), `2019`.
    func dataDate(_ date: String) -> String {
        if let full = ContentDate(date) { return self.date(full) }
        let parts = date.split(separator: "-")
        if parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) {
            return text("format.month_year", ["month": months[month - 1], "year": String(parts[0])])
        }
        return date
    }

    /// A level of care's or a payment's filter label.
    func group(_ group: ReaderGroup) -> String {
        table.text("group.\(group.id)") ?? group.label
    }

    /// A service code's label: the table's `service.<code>` when it has one, else the codebook's (English) label.
    func service(_ code: String, label: String?) -> String {
        table.text("service.\(code)") ?? label ?? code
    }

    /// A day of the week by its schema.org name ("Monday").
    func day(_ schemaName: String) -> String {
        table.text("format.day." + schemaName.lowercased()) ?? schemaName
    }
}
