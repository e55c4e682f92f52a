import Foundation

/// The amounts of an accounting-entries file: an optional sign, digits and
/// at most one decimal point (the pages: « Séparateur décimal : point »).
enum EntryAmount {
    /// The longest amount any format writes (GestimumComptaFixe's page: « maximum 20 caractères »).
    static let maxLength = 20

    static func read(_ value: String) -> Decimal? {
        let unsigned = value.first == "-" || value.first == "+" ? value.dropFirst() : Substring(value)
        guard unsigned.contains(where: \.isNumber), unsigned.filter({ $0 == "." }).count <= 1,
              unsigned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              unsigned.first != ".", unsigned.last != "." else { return nil }
        return Decimal(string: String(value), locale: Locale(identifier: "en_US_POSIX"))
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
