import SiteCore
import Testing
@testable import SiteBuild

/// A map link's coordinates are written as the C library's `%.6f` writes them, without calling it.
@Suite struct MapLinkTests {
    @Test func coordinatesAreWrittenAsPrintfWritesThem() {
        var generator = SplitMix64(seed: 2026)
        var values: [Double] = [0, -0.0, 1, -1, 0.0000004, -0.0000004, 0.0000005, -0.0000005, 0.0000015, 12.3456785, 180, -180,
                                36.398606, -72.167833, 64.8377785, -147.7163885, 1e20, .nan, .infinity]
        for _ in 0..<20_000 {
            let raw = Double(generator.next() % 360_000_000) / 1_000_000 - 180
            values.append(raw)
            // Values with a seventh decimal of 5 sit on the half-way points.
            values.append((raw * 10_000_000).rounded(.towardZero) / 10_000_000 + 0.00000005)
        }
        for value in values {
            #expect(MapLink.fixed(value) == MapLink.printed(value), "\(value)")
        }
    }
}
