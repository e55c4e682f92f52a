/// The journal lines a kind writes about lines it imported (R9): Devises'
/// rate warning, BanquesTiers' BBAN check. Written after the counts (D73).
enum KindWarnings {
    static func lines(_ kind: ImportKind, fields: FieldList, accepted: [(number: Int, values: [String?])]) -> [String] {
        var lines: [String] = []
        for warning in kind.particulars.warnings {
            switch warning {
            case .currencyRate:
                let rate = CurrencyRate(kind)
                for (number, values) in accepted where rate.isSet(in: values) {
                    lines.append(Messages.lineWarnings(number))
                    lines.append(Messages.currencyRateWarning)
                }
            case .bban:
                for (_, values) in accepted {
                    if let bban = FrenchRIB(kind, values: values), !bban.isValid { lines.append(Messages.invalidBBAN(bban.text)) }
                }
            }
        }
        return lines
    }
}

/// Devises: the rate and its date, which only the currency assistant changes.
struct CurrencyRate {
    let indexes: [Int]

    init(_ kind: ImportKind) {
        indexes = ["DEV_COURS", "DEV_DT_ACT"].compactMap { kind.field(named: $0)?.index }
    }

    func isSet(in values: [String?]) -> Bool {
        indexes.contains { !(values[$0] ?? "").isEmpty }
    }

    /// The values without the rate and its date: the import does not change them.
    func cleared(_ values: ArraySlice<String?>) -> [String?] {
        var copy = Array(values)
        for i in indexes { copy[i] = nil }
        return copy
    }
}

/// A French bank account of BanquesTiers (`RIB_TYPE` FR): bank, branch,
/// account and key, whose key must match (the RIB key, modulo 97).
struct FrenchRIB {
    /// The BBAN as the journal writes it.
    let text: String
    let isValid: Bool

    init?(_ kind: ImportKind, values: [String?]) {
        func value(_ name: String) -> String { kind.field(named: name).flatMap { values[$0.index] } ?? "" }
        guard value("RIB_TYPE").uppercased() == "FR" else { return nil }
        let bank = value("RIB_AGENCE"), branch = value("RIB_GUICHE"), account = value("RIB_COMPTE"), key = value("RIB_CLE")
        guard !(bank + branch + account + key).isEmpty else { return nil }
        text = bank + branch + account + key
        isValid = Self.key(bank: bank, branch: branch, account: account).map { Int(key) == $0 } ?? false
    }

    /// 97 − (89 × bank + 15 × branch + 3 × account) mod 97, letters of the account as digits.
    static func key(bank: String, branch: String, account: String) -> Int? {
        guard bank.count == 5, branch.count == 5, account.count == 11 else { return nil }
        func digits(_ text: String) -> Int? {
            var result = 0
            for character in text.uppercased() {
                let digit: Int
                if let d = character.wholeNumberValue { digit = d } else if let ascii = character.asciiValue, (65...90).contains(ascii) {
                    digit = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9][Int(ascii - 65)]
                } else { return nil }
                result = (result * 10 + digit) % 97
            }
            return result
        }
        guard let b = digits(bank), let g = digits(branch), let a = digits(account) else { return nil }
        return 97 - ((89 * b + 15 * g + 3 * a) % 97)
    }
}
