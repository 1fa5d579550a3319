public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Exchanges two directory entries in one step, so readers never see a half-written folder.
public enum FileSwap {
    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc has `renameat2` but its header hides it from Swift; look it up once.
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    private static let exchangeFlag: UInt32 = 1 << 1 // RENAME_EXCHANGE
    #endif

    /// Swaps the entries at `a` and `b` atomically where the system allows it, else with two renames.
    public static func exchange(_ a: URL, _ b: URL) throws {
        #if os(Linux)
        if let renameat2, renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, exchangeFlag) == 0 { return }
        #endif
        // Fallback: a short window in which `a` does not exist.
        let aside = a.deletingLastPathComponent().appendingPathComponent(".\(a.lastPathComponent).iopsite-swap")
        try FileManager.default.moveItem(at: a, to: aside)
        do {
            try FileManager.default.moveItem(at: b, to: a)
        } catch {
            try? FileManager.default.moveItem(at: aside, to: a)
            throw error
        }
        try FileManager.default.moveItem(at: aside, to: b)
    }
}
