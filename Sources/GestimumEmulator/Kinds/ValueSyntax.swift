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

    /// An integer, or an integer, `,` or `.`, digits.
    static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        switch parts.count {
        case 1: return isInteger(parts[0])
        case 2: return isInteger(parts[0]) && isDigits(parts[1])
        default: return false
        }
    }

    /// `Oui`/`Non` in any case, `0`/`1`.
    static func isCheckbox(_ text: String) -> Bool {
        ["oui", "non", "0", "1"].contains(text.lowercased())
    }

    /// `dd/MM/yyyy`, a real date.
    static func isDate(_ text: String) -> Bool {
        guard let (day, month, year) = dateParts(text), (1...12).contains(month), year >= 1 else { return false }
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

    private static func dateParts(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              parts.allSatisfy(isDigits),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return (day, month, year)
    }
}
