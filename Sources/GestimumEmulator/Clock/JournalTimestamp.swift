import Foundation

/// The journal's `dd/MM/yyyy HH:mm:ss` timestamps in one time zone.
public struct JournalTimestamp: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        var year = String(c.year ?? 0)
        while year.count < 4 { year = "0" + year }
        return "\(two(c.day))/\(two(c.month))/\(year) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// Reads a timestamp; nil unless it is exactly `dd/MM/yyyy HH:mm:ss` and a real time.
    public func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19 else { return nil }
        let layout = Array("00/00/0000 00:00:00".utf8)
        for (byte, expected) in zip(bytes, layout) {
            if expected == UInt8(ascii: "0") {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
            } else if byte != expected {
                return nil
            }
        }
        func number(_ range: Range<Int>) -> Int { Int(String(decoding: bytes[range], as: UTF8.self))! }
        let components = DateComponents(
            year: number(6..<10), month: number(3..<5), day: number(0..<2),
            hour: number(11..<13), minute: number(14..<16), second: number(17..<19))
        guard calendar.date(from: components).map({ format($0) == text }) == true else { return nil }
        return calendar.date(from: components)
    }

    /// Splits a journal line into its timestamp text and message, if it has one.
    public static func split(line: String) -> (timestamp: String, message: String)? {
        let utf8 = line.utf8
        guard utf8.count >= 20 else { return nil }
        let cut = utf8.index(utf8.startIndex, offsetBy: 19)
        guard utf8[cut] == UInt8(ascii: " ") else { return nil }
        return (String(line[..<cut]), String(line[line.utf8.index(after: cut)...]))
    }
}
