/// The readers of a target whose input's first byte chooses the reader and whose rest is the file.
protocol ReaderChoice: CaseIterable, RawRepresentable where RawValue == Int, AllCases == [Self] {}

extension ReaderChoice {
    /// For the target's summary: how the first byte chooses, and each reader's number.
    static var menu: String {
        "chosen by the input's first byte (modulo \(allCases.count)): " + allCases.map { "\($0.rawValue) \($0)" }.joined(separator: ", ")
    }

    /// The reader the input's first byte chooses, and the file (the rest); nil for an empty input.
    static func split(_ input: [UInt8]) -> (reader: Self, file: ArraySlice<UInt8>)? {
        guard let first = input.first else { return nil }
        return (allCases[Int(first) % allCases.count], input.dropFirst())
    }
}
