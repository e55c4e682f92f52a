/// The dates of an accounting-entries file, in the forms its format page
/// allows (`JJMMAA`, `JJ/MM/AAAA`, `AAAAMMJJ`, …), read as `dd/MM/yyyy`.
enum EntryDate {
    /// `value` as `dd/MM/yyyy` when it is a real day in one of `forms`; nil otherwise.
    /// A two-digit year is of the 2000s (D81).
    static func read(_ value: String, forms: [EntryFormat.DateForm]) -> String? {
        let bytes = Array(value.utf8)
        for form in forms {
            guard let (d, m, y) = parts(bytes, form), let text = day(d, m, y) else { continue }
            return text
        }
        return nil
    }

    private static func parts(_ b: [UInt8], _ form: EntryFormat.DateForm) -> (Int, Int, Int)? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count, b[range].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return b[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func slashes(_ at: [Int]) -> Bool { at.allSatisfy { $0 < b.count && b[$0] == UInt8(ascii: "/") } }
        switch form {
        case .ddmmyy:
            guard b.count == 6, let d = number(0..<2), let m = number(2..<4), let y = number(4..<6) else { return nil }
            return (d, m, 2000 + y)
        case .ddmmyyyy:
            guard b.count == 8, let d = number(0..<2), let m = number(2..<4), let y = number(4..<8) else { return nil }
            return (d, m, y)
        case .slashedShort:
            guard b.count == 8, slashes([2, 5]), let d = number(0..<2), let m = number(3..<5), let y = number(6..<8) else { return nil }
            return (d, m, 2000 + y)
        case .slashedLong:
            guard b.count == 10, slashes([2, 5]), let d = number(0..<2), let m = number(3..<5), let y = number(6..<10) else { return nil }
            return (d, m, y)
        case .yyyymmdd:
            guard b.count == 8, let y = number(0..<4), let m = number(4..<6), let d = number(6..<8) else { return nil }
            return (d, m, y)
        }
    }

    private static func day(_ d: Int, _ m: Int, _ y: Int) -> String? {
        guard ValueSyntax.isCalendarDay(d, m, y) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var year = String(y)
        while year.count < 4 { year = "0" + year }
        return "\(two(d))/\(two(m))/\(year)"
    }
}
