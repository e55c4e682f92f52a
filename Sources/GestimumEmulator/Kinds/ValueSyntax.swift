/// The value syntaxes shared by structure types and custom field types (spec §5, D28).
enum ValueSyntax {
    static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Optional sign, digits.
    static func isInteger(_ text: Substring) -> Bool {
        var digits = text
        if let first = digits.first, first == "+" || first == "-" { digits = digits.dropFirst() }
        return isDigits(digits)
    }

    /// An integer, or an integer, `,` or `.`, digits. Read from the bytes: it runs for every amount of a file.
    static func isDecimal(_ text: String) -> Bool {
        var utf8 = Substring(text).utf8[...]
        if let first = utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        var digitsBefore = 0, digitsAfter = 0, marks = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): if marks == 0 { digitsBefore += 1 } else { digitsAfter += 1 }
            case UInt8(ascii: ","), UInt8(ascii: "."): marks += 1
            default: return false
            }
        }
        return digitsBefore > 0 && (marks == 0 || (marks == 1 && digitsAfter > 0))
    }

    /// `Oui`/`Non` in any case, `0`/`1`.
    static func isCheckbox(_ text: String) -> Bool {
        ["oui", "non", "0", "1"].contains(text.lowercased())
    }

    /// `dd/MM/yyyy`, a real date.
    static func isDate(_ text: String) -> Bool {
        guard let (day, month, year) = dateParts(text) else { return false }
        return isCalendarDay(day, month, year)
    }

    /// Whether `day`/`month`/`year` is a day of the (proleptic Gregorian) calendar.
    static func isCalendarDay(_ day: Int, _ month: Int, _ year: Int) -> Bool {
        guard (1...12).contains(month), year >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
    }

    /// `dd/MM/yyyy` digits, whatever the day and month say.
    static func isDateShape(_ text: String) -> Bool { dateParts(text) != nil }

    /// `dd/MM/yyyy`, optionally followed by ` HH:mm` or ` HH:mm:ss`.
    static func isDateTimeShape(_ text: String) -> Bool {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard isDateShape(String(parts[0])) else { return false }
        guard parts.count == 2 else { return true }
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        return (2...3).contains(time.count) && time.allSatisfy { $0.count == 2 && isDigits($0) }
    }

    /// `dd/MM/yyyy` as numbers, read from the bytes (it runs for every date of a file).
    private static func dateParts(_ text: String) -> (Int, Int, Int)? {
        guard text.utf8.count == 10 else { return nil }
        var numbers = (0, 0, 0)
        for (i, byte) in text.utf8.enumerated() {
            if i == 2 || i == 5 {
                guard byte == UInt8(ascii: "/") else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch i {
            case 0, 1: numbers.0 = numbers.0 * 10 + digit
            case 3, 4: numbers.1 = numbers.1 * 10 + digit
            default: numbers.2 = numbers.2 * 10 + digit
            }
        }
        return numbers
    }
}
