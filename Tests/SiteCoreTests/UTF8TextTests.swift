@testable import SiteCore
import Testing

/// Text made from bytes checked here is the text the standard library makes of them, repairs included.
@Suite struct UTF8TextTests {
    @Test func textFromCheckedBytesEqualsTheStandardLibrarysDecoding() {
        var generator = SplitMix64(seed: 7)
        let ascii = Array("<p>Open 08:00 to 17:00, Monday to Friday.</p>\n".utf8)
        let pieces: [[UInt8]] = [Array("–".utf8), Array("é".utf8), Array("“quoted”".utf8), Array("😀".utf8),
                                 [0xE2, 0x80], [0xFF], [0xC3], [0x80, 0x80],
                                 [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
                                 [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], Array("\u{10FFFF}\u{FFFD}\u{7FF}".utf8)]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) {
                if generator.next() % 3 == 0 {
                    bytes += pieces[Int(generator.next() % UInt64(pieces.count))]
                } else {
                    bytes += ascii.prefix(Int(generator.next() % UInt64(ascii.count + 1))).map { $0 }
                    if generator.next() % 4 == 0 { bytes += ascii + ascii }
                }
            }
            let made = bytes.withUnsafeBufferPointer { UTF8Text.string($0) }
            let whole = String(decoding: bytes, as: UTF8.self)
            #expect(Array(made.utf8) == Array(whole.utf8), "\(bytes)")
            let checked = bytes.withUnsafeBufferPointer { UTF8Text.wellFormed($0) }
            #expect((checked != nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let checked { #expect(checked == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)") }
        }
    }

    @Test func stringsJoinedWholeMakeTheTextOfTheirBytesWithoutACheck() {
        var generator = SplitMix64(seed: 11)
        let pieces = ["<p>", "Open 08:00–17:00", "é", "“quoted”", "😀", "\u{10FFFF}", "&amp;", "", "\n", "Ωmega"]
        for _ in 0..<500 {
            let joined = (0..<Int(generator.next() % 16)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            var bytes: [UInt8] = []
            for character in joined { bytes += Array(String(character).utf8) }
            let made = bytes.withUnsafeBufferPointer { UTF8Text.string(joiningWholeStrings: $0) }
            #expect(made == joined)
            #expect(UTF8Text.withBytes(of: joined) { Array($0) } == Array(joined.utf8))
        }
    }
}
