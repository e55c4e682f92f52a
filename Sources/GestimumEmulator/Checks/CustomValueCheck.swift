/// Whether a value fits a custom field's type (spec §5, decision D28).
/// An empty value always fits: it clears the field.
enum CustomValueCheck {
    static func accepts(_ value: String, for field: CustomField) -> Bool {
        if value.isEmpty { return true }
        switch field.kind {
        case .text: return true
        case .integer: return isInteger(Substring(value))
        case .decimal: return isDecimal(value)
        case .date: return isDate(value)
        case .checkbox: return ["oui", "non", "0", "1"].contains(value.lowercased())
        case .list: return field.values.contains(value)
        }
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func isInteger(_ text: Substring) -> Bool {
        var digits = text
        if let first = digits.first, first == "+" || first == "-" { digits = digits.dropFirst() }
        return isDigits(digits)
    }

    private static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        switch parts.count {
        case 1: return isInteger(parts[0])
        case 2: return isInteger(parts[0]) && isDigits(parts[1])
        default: return false
        }
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              parts.allSatisfy(isDigits),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              (1...12).contains(month), year >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
    }
}
