import Foundation
import SiteCore

/// The texts an entry point was given, by path: every position it reports must lie inside one of them.
struct InputBounds {
    /// Per path, the length in UTF-8 bytes of each line, once split at `\n` only and once at any line break
    /// (`\n`, `\r\n` or a lone `\r`, as YAML and CommonMark count them). A position is inside when either reading holds it.
    private var lines: [String: (newlines: [Int], anyBreak: [Int])] = [:]

    init(_ texts: [String: String]) {
        for (path, text) in texts { add(text, at: path) }
    }

    /// A folder's summary (e.g. "12 listings are not verified" at `Content/directory`) sits at its 1:1.
    mutating func addFolder(_ path: String) {
        lines[path] = ([0], [0])
    }

    mutating func add(_ text: String, at path: String) {
        lines[path] = (Self.lengths(text, breakingAtReturn: false), Self.lengths(text, breakingAtReturn: true))
    }

    /// A sentence for each diagnostic whose position is not inside its file's text.
    func problems(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.compactMap { diagnostic in problem(diagnostic.location).map { "\($0) (\(diagnostic.message))" } }
    }

    /// Why `location` is not inside the text at its path, or nil when it is.
    func problem(_ location: SourceLocation) -> String? {
        guard let (newlines, anyBreak) = lines[location.path] else { return "\(location) names a file that was not read" }
        let inside = [newlines, anyBreak].contains { lengths in
            location.line >= 1 && location.line <= lengths.count && location.column >= 1 && location.column <= lengths[location.line - 1] + 1
        }
        return inside ? nil : "\(location) lies outside the input (\(newlines.count) lines)"
    }

    private static func lengths(_ text: String, breakingAtReturn: Bool) -> [Int] {
        var lengths: [Int] = []
        var current = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                // The \n of a \r\n closes the line the \r already closed.
                if !(breakingAtReturn && previous == 0x0D) { lengths.append(current) }
                current = 0
            } else if byte == 0x0D && breakingAtReturn {
                lengths.append(current)
                current = 0
            } else {
                current += 1
            }
            previous = byte
        }
        lengths.append(current)
        return lengths
    }
}

extension InputBounds {
    /// The input as a content file's text, read as `SourceFileReader` reads files (UTF-8, no NUL, a BOM dropped);
    /// nil with the position problems of its diagnostic when it is refused.
    static func decode(_ bytes: ArraySlice<UInt8>, path: String) -> (text: String?, problems: [String]) {
        switch SourceFileReader.decode(Data(bytes), path: path) {
        case .success(let text): (text, [])
        case .failure(let problem): (nil, InputBounds([path: String(decoding: bytes, as: UTF8.self)]).problems([problem]))
        }
    }
}
