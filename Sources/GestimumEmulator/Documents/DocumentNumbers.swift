import Foundation

/// Quantities, prices and dates as document lines write them: decimals with
/// a point or a comma, dates `dd/MM/yyyy`.
enum DocumentNumbers {
    /// `2,5`, `2.5`, `-3` → a decimal; nil for anything else.
    static func decimal(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        // An optional sign, digits, at most one decimal point: `1-2` or `1.2.3` is no number.
        let unsigned = trimmed.first == "-" || trimmed.first == "+" ? trimmed.dropFirst() : Substring(trimmed)
        guard unsigned.contains(where: \.isNumber), unsigned.filter({ $0 == "." }).count <= 1,
              unsigned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// A decimal as the journal writes it: `10`, `2,5`, `-3`.
    static func text(_ value: Decimal) -> String {
        var value = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 6, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue.replacingOccurrences(of: ".", with: ",")
    }

    /// A line's discount: `2` is 2 %, `10+5` two discounts in cascade; nil when unreadable.
    static func discountFactor(_ text: String) -> Decimal? {
        guard !text.isEmpty else { return 1 }
        var factor: Decimal = 1
        for part in text.split(separator: "+", omittingEmptySubsequences: false) {
            guard let rate = decimal(String(part)) else { return nil }
            factor *= (1 - rate / 100)
        }
        return factor
    }

    /// `dd/MM/yyyy` as a comparable day (`yyyyMMdd`), nil when it is not a day of the calendar.
    static func day(_ text: String) -> Int? {
        let parts = text.split(separator: "/")
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), ValueSyntax.isCalendarDay(d, m, y) else { return nil }
        return y * 10_000 + m * 100 + d
    }
}
