public import Foundation

/// Reads the site's own files (content, templates, assets) under a root, and nothing outside it.
///
/// Every file is checked before a byte of it is read: a symbolic link, or a link in any folder of its
/// path, that resolves outside the root is an error at the path; so is a file over its size limit.
/// Text is then checked and normalised the same way for every reader (see `text(_:)`).
public struct SourceFileReader: Sendable {
    /// The largest file iopsite reads: 8 MiB. The largest real file, California's listings, is 0.5 MB.
    public static let maximumSize = 8 * 1024 * 1024
    /// The largest state file of the directory: 32 MiB. A state holds all its listings in one file
    /// (California gets about 6,000 of 50,000, 10 MB with descriptions), so it cannot be split.
    public static let maximumDirectorySize = 32 * 1024 * 1024

    /// The limit for a file: `Content/directory/` holds whole states.
    public static func maximumSize(of path: String) -> Int {
        path.hasPrefix("Content/directory/") && path.hasSuffix(".yaml") ? maximumDirectorySize : maximumSize
    }

    public let root: URL
    /// The root with every symbolic link resolved, which every file must lie under.
    private let resolvedRoot: String
    /// Texts already read, for a long-lived process; nil reads every file afresh.
    private let cache: TextCache?

    public init(root: URL, cache: TextCache? = nil) {
        self.root = root
        self.cache = cache
        resolvedRoot = Self.resolved(root.path) ?? root.standardizedFileURL.path
    }

    /// The bytes of `path` (relative to the root), or a diagnostic at line 1 column 1 of the path.
    public func data(_ path: String) -> Result<Data, Diagnostic> {
        guard let cache else { return uncachedData(path) }
        return cache.data(path, fullPath: root.appendingPathComponent(path).path) { uncachedData(path) }
    }

    private func uncachedData(_ path: String) -> Result<Data, Diagnostic> {
        checked(path).flatMap { resolved in
            FileOps.read(resolved).mapError { .error("cannot read the file: \($0.reason)", at: Self.start(of: path)) }
        }
    }

    /// The full path of `path` with every link resolved, when it may be read: a regular file under the root, within its limit.
    private func checked(_ path: String) -> Result<String, Diagnostic> {
        let at = Self.start(of: path)
        let full = root.appendingPathComponent(path).path
        guard let resolved = Self.resolved(full) else { return .failure(.error("cannot read the file: \(String(cString: strerror(errno)))", at: at)) }
        guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/") else {
            return .failure(.error("symbolic link resolves outside the site root (to \(resolved)); it was not read", at: at))
        }
        var info = stat()
        guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(.error("not a regular file", at: at))
        }
        let limit = Self.maximumSize(of: path)
        guard Int(info.st_size) <= limit else {
            return .failure(.error("file is \(Int(info.st_size)) bytes, over the limit of \(limit) bytes (\(limit >> 20) MiB); split it", at: at))
        }
        return .success(resolved)
    }

    private static func start(of path: String) -> SourceLocation {
        SourceLocation(path: path, line: 1, column: 1)
    }

    /// The text of `path`, or every problem that stops it being read.
    ///
    /// - A leading byte-order mark is dropped (positions count from the character after it).
    /// - Windows (CRLF) and old Mac (lone CR) line ends become `\n`, so lines count the same in every stage.
    /// - Invalid UTF-8 is an error at the line and column of the first bad byte.
    /// - A NUL character is an error at its line and column (no editor means to type one).
    public func text(_ path: String) -> Result<String, Diagnostic> {
        guard let cache else { return uncachedText(path) }
        return cache.text(path, fullPath: root.appendingPathComponent(path).path, read: { uncachedData(path) },
                          decode: { Self.decode($0, path: path) })
    }

    /// A number that changes exactly when the bytes of `path` (or the problem reading it) change; without a cache, 0.
    public func version(_ path: String) -> Int {
        cache?.version(path, fullPath: root.appendingPathComponent(path).path) { uncachedData(path) } ?? 0
    }

    private func uncachedText(_ path: String) -> Result<String, Diagnostic> {
        // Most files need nothing done to them: read straight into the text's own storage (no second copy of
        // the bytes), checked there. One that needs a change or a diagnostic is read again and decoded.
        if case .success(let resolved) = checked(path), let text = FileOps.text(resolved, accepting: Self.isTextAsIs) {
            return .success(text)
        }
        switch uncachedData(path) {
        case .failure(let problem): return .failure(problem)
        case .success(let data): return Self.decode(data, path: path)
        }
    }

    /// Checks and normalises bytes as `text(_:)` does, for text that did not come from a file of the root.
    public static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            let bytes = all.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: all[3...]) : all
            return decode(bytes, path: path)
        }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<String, Diagnostic> {
        if let (offset, problem) = firstProblem(in: bytes) {
            let (line, column) = position(ofByte: offset, in: bytes)
            return .failure(.error(problem, at: SourceLocation(path: path, line: line, column: column)))
        }
        // `firstProblem` has checked every byte: the String is made without checking them again.
        guard !bytes.isEmpty, memchr(bytes.baseAddress!, 0x0D, bytes.count) != nil else { return .success(UTF8Text.string(checked: bytes)) }
        var normalised: [UInt8] = []
        normalised.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                normalised.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                normalised.append(bytes[index])
            }
            index += 1
        }
        return .success(String(decoding: normalised, as: UTF8.self))
    }

    /// Whether `bytes` are the text `decode` makes of them unchanged: valid UTF-8 without a NUL, a leading
    /// byte-order mark or a carriage return.
    static func isTextAsIs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]), firstProblem(in: bytes) == nil else { return false }
        return bytes.isEmpty || memchr(bytes.baseAddress!, 0x0D, bytes.count) == nil
    }

    /// The offset of the first byte that is not valid UTF-8, or of the first NUL, with the message for it.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
        var index = 0
        while index < bytes.count {
            index = ByteScan.skipASCII(bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == 0 { return (index, "NUL character (U+0000) in text") }
            if byte < 0x80 { index += 1; continue }
            let length: Int, minimum: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return (index, "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))")
            }
            guard index + length <= bytes.count else { return (index, "invalid UTF-8 (a character cut off at the end of the file)") }
            var scalar = UInt32(byte) & (0xFF >> (length + 1))
            for next in bytes[(index + 1)..<(index + length)] {
                guard next & 0xC0 == 0x80 else {
                    return (index, "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) starts a character that does not continue)")
                }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                return (index, "invalid UTF-8 (an overlong or out-of-range encoding)")
            }
            index += length
        }
        return nil
    }

    /// 1-based line and column (in Unicode scalars of the valid text before it) of a byte offset.
    static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
