import Foundation

/// The moments at which a fault case kills a process: `count` delays spread over a little more than the run's
/// measured length, drawn from a fixed seed so that a failure can be replayed (SplitMix64).
struct KillMoments: Sequence {
    let delays: [Double]

    init(seed: UInt64, count: Int = 20, span: Double) {
        var state = seed
        var delays: [Double] = []
        for _ in 0..<count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            // Up to 110% of the run: a few kills come after it ended, which must be harmless too.
            delays.append(Double(z >> 11) / Double(1 << 53) * span * 1.1)
        }
        self.delays = delays
    }

    func makeIterator() -> IndexingIterator<[Double]> { delays.makeIterator() }
}

/// Seconds since `start`.
func seconds(since start: Date) -> Double { Date().timeIntervalSince(start) }
