import Foundation

/// The amounts of an accounting-entries file: an optional sign, digits and
/// at most one decimal point (the pages: « Séparateur décimal : point »).
enum EntryAmount {
    /// The longest amount any format writes (GestimumComptaFixe's page: « maximum 20 caractères »).
    static let maxLength = 20

    /// Read from the bytes, as a significand and a power of ten (it runs for every amount of a file).
    static func read(_ value: String) -> Decimal? {
        var bytes = value.utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var significand: UInt64 = 0, digits = 0, decimals = 0, point = false, leading = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if point { decimals += 1 }
                if leading, byte == UInt8(ascii: "0"), !point { digits += 1; continue }
                leading = false
                guard significand <= (UInt64.max - 9) / 10 else { return nil }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "."):
                guard !point, digits > 0 else { return nil }
                point = true
            default: return nil
            }
        }
        guard digits > 0, !(point && decimals == 0) else { return nil }
        return Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: -decimals, significand: Decimal(significand))
    }

    /// Two decimals, a point: `12000.00`, `-3.50`.
    static func text(_ value: Decimal) -> String {
        var value = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let plain = NSDecimalNumber(decimal: rounded).stringValue
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        let decimals = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + decimals + String(repeating: "0", count: max(0, 2 - decimals.count))
    }
}
