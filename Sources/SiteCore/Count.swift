/// Numbers for readers with thousands separators, the same on every machine (no locale).
public enum Count {
    /// `14035` as `14,035`.
    public static func text(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
