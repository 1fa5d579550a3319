import SiteCore
import SiteLinks
import Foundation

/// The output formats of `iopsite check`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github

    public func render(_ report: CheckReport) -> String {
        switch self {
        case .text: TextReporter.render(report)
        case .json: JSONReporter.render(report)
        case .github: GitHubReporter.render(report)
        }
    }
}

/// `path:line:col: severity: message`, grouped by file (a blank line between files), then the summary.
/// Notes (summaries that never fail a run) are left out; the JSON report has them.
enum TextReporter {
    static func render(_ report: CheckReport) -> String {
        var out = ""
        var currentFile: String?
        for entry in report.entries where entry.severity != .note {
            if let currentFile, currentFile != entry.location.path { out += "\n" }
            currentFile = entry.location.path
            out += "\(entry.location): \(entry.severity.rawValue): \(entry.message)"
            if let page = entry.page { out += " (in \(page))" }
            out += "\n"
        }
        if !out.isEmpty { out += "\n" }
        return out + UnreachableHosts.lines(report) + report.summary + "\n"
    }
}

/// The hosts that could not be reached, one line each, for the text and GitHub formats.
enum UnreachableHosts {
    static func lines(_ report: CheckReport) -> String {
        guard let summary = report.externalSummary, !summary.unreachableHosts.isEmpty else { return "" }
        var out = "Unreachable hosts (\(summary.unreachableHosts.count)):\n"
        for host in summary.unreachableHosts {
            out += "  \(host.host): \(host.reason) (\(host.urls) URL\(host.urls == 1 ? "" : "s"))\n"
        }
        if summary.offline {
            out += "No outside host answered: this machine looks offline, so these results say nothing about the links.\n"
        }
        return out + "\n"
    }
}

/// A stable JSON document (schema version 1, described in docs/checking.md).
enum JSONReporter {
    static func render(_ report: CheckReport) -> String {
        func location(_ location: SourceLocation) -> JSONValue {
            .object([("file", .string(location.path)), ("line", .number(location.line)), ("column", .number(location.column))])
        }
        let problems = report.entries.map { entry in
            JSONValue.object(omittingNil: [
                ("severity", .string(entry.severity.rawValue)),
                ("message", .string(entry.message)),
                ("location", location(entry.location)),
                ("page", entry.page.map(location)),
                ("href", entry.href.map(JSONValue.string)),
            ])
        }
        var summary: [(String, JSONValue)] = [
            ("links_checked", .number(report.links.checked)), ("broken", .number(report.links.broken)),
            ("errors", .number(report.errors)), ("warnings", .number(report.warnings)),
        ]
        var document: [(String, JSONValue)] = [("version", .number(1))]
        if let external = report.externalSummary {
            summary.append(("external", external.json))
            document.append(("summary", .object(summary)))
            document.append(("unreachable_hosts", .array(external.unreachableHosts.map {
                .object([("host", .string($0.host)), ("reason", .string($0.reason)), ("urls", .number($0.urls))])
            })))
        } else {
            document.append(("summary", .object(summary)))
        }
        document.append(("problems", .array(problems)))
        return JSONValue.object(document).serialized() + "\n"
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`. Notes are left out.
enum GitHubReporter {
    static func render(_ report: CheckReport) -> String {
        var out = ""
        for entry in report.entries where entry.severity != .note {
            let message = entry.message + (entry.page.map { " (in \($0))" } ?? "")
            out += "::\(entry.severity.rawValue) file=\(property(entry.location.path)),line=\(entry.location.line),col=\(entry.location.column)::\(data(message))\n"
        }
        return out + UnreachableHosts.lines(report) + report.summary + "\n"
    }

    /// Escaping for a command's message.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for a property value.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

extension ExternalSummary {
    var json: JSONValue {
        .object([("urls", .number(urls)), ("dois", .number(dois))]
            + ExternalOutcome.allCases.map { ($0.rawValue, JSONValue.number(count($0))) }
            + [("skipped", .number(skipped)), ("cached", .number(cached)), ("offline", .bool(offline))])
    }
}
