import SiteCore
import Testing

/// The word-at-a-time scans skip exactly the bytes a byte-by-byte loop would pass, and stop at a word that
/// holds one it must look at.
@Suite struct ByteScanTests {
    typealias Skip = @Sendable (UnsafeBufferPointer<UInt8>, Int) -> Int

    static let scans: [(name: String, skip: Skip, passes: @Sendable (UInt8) -> Bool)] = [
        ("HTML", ByteScan.skipHTMLPlain, { !"&<>\"'".utf8.contains($0) }),
        ("JSON", ByteScan.skipJSONPlain, { $0 >= 0x20 && $0 < 0x80 && !"\"\\<>&".utf8.contains($0) }),
        ("ASCII", ByteScan.skipASCII, { $0 != 0 && $0 < 0x80 }),
        ("seven-bit", ByteScan.skipSevenBit, { $0 < 0x80 }),
        ("printable lines", ByteScan.skipPrintableLines, { $0 == 0x0A || ($0 >= 0x20 && $0 < 0x7F) }),
    ]

    @Test(arguments: 0..<5)
    func aScanStopsOnlyAtAWordWithAByteToLookAt(_ scan: Int) {
        let (name, skip, passes) = Self.scans[scan]
        var generator = SplitMix64(seed: UInt64(scan) + 1)
        // Mostly bytes that pass, with every byte value now and then.
        let common = Array("abc XYZ 019,.;:-_/\n".utf8)
        for _ in 0..<2_000 {
            let bytes = (0..<Int(generator.next() % 48)).map { _ in
                generator.next() % 9 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : common[Int(generator.next() % UInt64(common.count))]
            }
            let start = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count))
            let stop = bytes.withUnsafeBufferPointer { skip($0, start) }
            #expect(stop >= start && stop <= bytes.count, "\(name): \(bytes)")
            #expect(bytes[start..<stop].allSatisfy(passes), "\(name) skipped a byte it must look at: \(bytes) from \(start)")
            let word = bytes[stop..<min(stop + 8, bytes.count)]
            #expect(word.count < 8 || !word.allSatisfy(passes), "\(name) stopped early at \(stop): \(bytes) from \(start)")
        }
    }
}
