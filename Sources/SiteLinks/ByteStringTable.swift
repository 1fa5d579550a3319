#if canImport(Glibc)
import Glibc
#endif

/// Interns byte strings: each distinct string is stored once, in one byte array, and named by a small
/// number. A site repeats the same few thousand hrefs and ids hundreds of thousands of times; interning
/// them as bytes costs no allocation and no Swift string per link, and lets a link be judged once per
/// distinct href.
struct ByteStringTable: Sendable {
    /// Every string's bytes, one after another; string `id` spans `starts[id]..<starts[id + 1]`.
    private var storage: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing: an id, or -1 for an empty slot. Its count is a power of two, at most half full.
    private var slots: [Int32] = []

    /// How many distinct strings the table holds.
    var count: Int { hashes.count }

    /// The id of `value`, adding it when new.
    mutating func intern(_ value: UnsafeBufferPointer<UInt8>) -> Int32 {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(value)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(id, value) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(count)
        storage.append(contentsOf: value)
        starts.append(Int32(storage.count))
        hashes.append(hash)
        slots[slot] = id
        return id
    }

    /// The id of `value` when the table holds it.
    func find(_ value: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let hash = Self.hash(value)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash && equals(id, value) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// The id of a Swift string when the table holds it.
    func find(_ value: String) -> Int32? {
        var value = value
        return value.withUTF8 { find($0) }
    }

    /// The string named `id`, decoded as UTF-8 (invalid sequences replaced).
    func string(_ id: Int32) -> String {
        storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range(id)]), as: UTF8.self) }
    }

    private func range(_ id: Int32) -> Range<Int> {
        Int(starts[Int(id)])..<Int(starts[Int(id) + 1])
    }

    private func equals(_ id: Int32, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(id)
        guard range.count == value.count else { return false }
        return storage.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress, let other = value.baseAddress else { return range.isEmpty }
            return memcmp(base + range.lowerBound, other, range.count) == 0
        }
    }

    private mutating func grow() {
        let capacity = max(slots.count * 2, 1024)
        slots = [Int32](repeating: -1, count: capacity)
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(id)
        }
    }

    /// FNV-1a, 64 bits, finished with a multiply-shift so the low bits (the slot) depend on every byte.
    private static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in value {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9 ^ (hash >> 32)
    }
}
