import Foundation

/// The journal's `dd/MM/yyyy HH:mm:ss` timestamps in one time zone.
public struct JournalTimestamp: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// Foundation's Gregorian calendar in this zone (Julian before 15 October 1582).
    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    public func format(_ date: Date) -> String {
        if let fields = Self.civilFields(local: date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))) {
            return Self.text(fields)
        }
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return Self.text((c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0))
    }

    private static func text(_ f: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var year = String(f.year)
        while year.count < 4 { year = "0" + year }
        return "\(two(f.day))/\(two(f.month))/\(year) \(two(f.hour)):\(two(f.minute)):\(two(f.second))"
    }

    /// The calendar fields of local seconds since 1970 by arithmetic (the
    /// proleptic Gregorian calendar, days from civil), for the years
    /// 1600 to 9999 where it agrees with Foundation's calendar; nil outside.
    static func civilFields(local seconds: Double) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)? {
        guard seconds.isFinite, seconds >= -11_676_096_000, seconds < 253_402_300_800 else { return nil }  // 1600-01-01, 10000-01-01
        let whole = Int(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let time = whole - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, time / 3_600, time % 3_600 / 60, time % 60)
    }

    /// The milliseconds of `date` within its second (0…999).
    public static func milliseconds(of date: Date) -> Int {
        let total = (date.timeIntervalSince1970 * 1000).rounded()
        let second = (date.timeIntervalSince1970).rounded(.down) * 1000
        return min(999, max(0, Int(total - second)))
    }

    /// `yyyy-MM-dd-HH-mm-ss-mmm`: the name of an import's work folder (the accounting-entries report).
    public func folderStamp(_ date: Date) -> String {
        let text = format(date)  // dd/MM/yyyy HH:mm:ss
        let b = Array(text.utf8)
        func part(_ range: Range<Int>) -> String { String(decoding: b[range], as: UTF8.self) }
        var ms = String(Self.milliseconds(of: date))
        while ms.count < 3 { ms = "0" + ms }
        return "\(part(6..<10))-\(part(3..<5))-\(part(0..<2))-\(part(11..<13))-\(part(14..<16))-\(part(17..<19))-\(ms)"
    }

    /// `format(date)`, followed by `.mmm` when the time has milliseconds (a scenario clock's start).
    public func formatWithMilliseconds(_ date: Date) -> String {
        let ms = Self.milliseconds(of: date)
        guard ms != 0 else { return format(date) }
        var text = String(ms)
        while text.count < 3 { text = "0" + text }
        return format(date) + "." + text
    }

    /// Reads a timestamp; nil unless it is exactly `dd/MM/yyyy HH:mm:ss`,
    /// optionally followed by `.` and three digits of milliseconds, and a real time.
    public func parse(_ text: String) -> Date? {
        var bytes = Array(text.utf8)
        var milliseconds = 0
        if bytes.count == 23 {
            guard bytes[19] == UInt8(ascii: "."), bytes[20...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            milliseconds = Int(String(decoding: bytes[20...], as: UTF8.self))!
            bytes.removeLast(4)
        }
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
        let calendar = self.calendar
        guard let date = calendar.date(from: components), format(date) == String(decoding: bytes, as: UTF8.self) else { return nil }
        return date.addingTimeInterval(Double(milliseconds) / 1000)
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
