public import SiteContent
import SiteCore
import Foundation

/// Formats a bibliography entry as APA 7 reference-list HTML, matching what citeproc renders with the
/// official APA CSL style for the types the site uses: article-journal, webpage, book, chapter, report.
/// Every value is HTML-escaped; italics are `<em>`; the DOI (else URL) ends the entry as a link. The words,
/// dates and numbers are those of `locale` (English unless told), as citeproc renders them with `-M lang=`.
public enum APAFormatter {
    public static func format(_ entry: SourceEntry, locale: APALocale = .english) -> String {
        let authors = APANames.referenceList(entry.names["author"] ?? [])
        let title = entry.fields["title"].map(Escape.html) ?? ""
        let italicTitle = entry.type != "article-journal" && entry.type != "chapter"
        let renderedTitle = italicTitle ? "<em>\(title)</em>" : title
        var parts: [String] = []
        let date = "(\(dateText(entry, locale)))."
        if authors.isEmpty {
            // Without an author the title moves to the front, before the date.
            parts.append(sentence(renderedTitle + titleSuffix(entry, locale)))
            parts.append(date)
        } else {
            parts.append(sentence(Escape.html(authors)))
            parts.append(date)
            parts.append(sentence(renderedTitle + titleSuffix(entry, locale)))
        }
        parts += source(entry, locale)
        if let link = entry.link {
            if entry.type == "webpage", entry.dates["issued"] == nil, let accessed = entry.dates["accessed"], let day = accessed.contentDate {
                parts.append("\(locale.retrieved(day, locale.months)) \(anchor(link))")
            } else {
                parts.append(anchor(link))
            }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The plain text of an entry, for tooltips and structured data.
    public static func plainText(_ entry: SourceEntry, locale: APALocale = .english) -> String {
        var text = format(entry, locale: locale)
        while let open = text.range(of: "<"), let close = text.range(of: ">", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
    }

    /// `(3rd ed.)`, `(47; Series)` and the like, after the title.
    private static func titleSuffix(_ entry: SourceEntry, _ locale: APALocale) -> String {
        var inside: [String] = []
        if let edition = entry.fields["edition"], edition != "1" { inside.append(Escape.html(ordinalEdition(edition, locale))) }
        if entry.type == "report" {
            let number = entry.fields["number"].map { (entry.fields["genre"].map { "\($0) " } ?? "") + $0 }
            let series = [number, entry.fields["collection-title"]].compactMap { $0 }.map(Escape.html)
            if !series.isEmpty { inside.append(series.joined(separator: "; ")) }
        }
        if entry.type == "chapter" || inside.isEmpty { return "" }
        return " (" + inside.joined(separator: "; ") + ")"
    }

    /// What follows the title: the journal, the book a chapter is in, the publisher or the site.
    private static func source(_ entry: SourceEntry, _ locale: APALocale) -> [String] {
        let publisher = entry.fields["publisher"].map { sentence(Escape.html($0)) }
        switch entry.type {
        case "article-journal":
            guard let container = entry.fields["container-title"] else { return [] }
            var text = "<em>\(Escape.html(container))</em>"
            if let volume = entry.fields["volume"] {
                text += ", <em>\(Escape.html(volume))</em>"
                if let issue = entry.fields["issue"] { text += "(\(Escape.html(issue)))" }
            }
            if let page = entry.fields["page"] { text += ", " + Escape.html(pageRange(page, locale)) }
            return [text + "."]
        case "chapter":
            var text = locale.inContainer + " "
            let editors = entry.names["editor"] ?? []
            if !editors.isEmpty {
                text += Escape.html(APANames.inline(editors)) + (editors.count == 1 ? " (Ed.), " : " (Eds.), ")
            }
            text += "<em>\(Escape.html(entry.fields["container-title"] ?? ""))</em>"
            var inside: [String] = []
            if let edition = entry.fields["edition"], edition != "1" { inside.append(Escape.html(ordinalEdition(edition, locale))) }
            if let page = entry.fields["page"] { inside.append("pp. " + Escape.html(pageRange(page, locale))) }
            if !inside.isEmpty { text += " (" + inside.joined(separator: ", ") + ")" }
            return [text + ".", publisher].compactMap { $0 }
        case "webpage":
            let site = entry.fields["container-title"].map { sentence(Escape.html(locale.titleCasesSiteNames ? TitleCase.apply($0) : $0)) }
            return [site].compactMap { $0 }
        default:
            return [publisher].compactMap { $0 }
        }
    }

    private static func dateText(_ entry: SourceEntry, _ locale: APALocale) -> String {
        guard let issued = entry.dates["issued"] else { return locale.noDate }
        guard let year = issued.year else { return issued.literal.isEmpty ? locale.noDate : Escape.html(issued.literal) }
        // Journal articles, books, chapters and reports give the year; other kinds the full date.
        guard entry.type == "webpage" || entry.type == "post" || entry.type == "post-weblog" || entry.type.hasPrefix("article-"),
              entry.type != "article-journal", let month = issued.month else { return String(year) }
        return "\(year), \(locale.months[month - 1])" + (issued.day.map { " \($0)" } ?? "")
    }

    /// Ends a piece of text with a period unless it already ends with punctuation.
    static func sentence(_ text: String) -> String {
        guard let last = text.replacingOccurrences(of: "</em>", with: "").last else { return text }
        return ".?!".contains(last) ? text : text + "."
    }

    private static func pageRange(_ page: String, _ locale: APALocale) -> String {
        page.replacingOccurrences(of: "--", with: locale.pageRangeDelimiter).replacingOccurrences(of: "-", with: locale.pageRangeDelimiter)
    }

    private static func ordinalEdition(_ edition: String, _ locale: APALocale) -> String {
        guard let number = Int(edition) else { return edition }
        return locale.edition(number)
    }

    private static func anchor(_ link: String) -> String {
        "<a href=\"\(Escape.html(link))\">\(Escape.html(link))</a>"
    }
}
