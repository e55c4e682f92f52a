/// Comptes' `calculer_code_tiers` and `calculer_numero_compte` (D78): an
/// auxiliary account's third-party code is what follows the account root in
/// its number, and its number is the root followed by the code, as the help
/// describes the automatic codification and the manual account numbering
/// (Préférences de comptabilité, onglet Comptabilité; Plan comptable, onglet Tiers).
/// A value the file gives is kept; only an empty or absent one is computed.
public struct AccountCodes: Sendable, Equatable {
    /// The field holding the account number (`CPT_NUMERO`).
    public var number: String
    /// The field holding the third-party code (`PCF_CODE`).
    public var code: String
    /// The field holding the account type (`CPT_TYPE`).
    public var type: String
    /// The root of auxiliary accounts by type (`C` → `411`, `F` → `401`).
    public var roots: [String: String]

    /// The computation a request asks for, bound to a structure's field indexes.
    struct Applied: Sendable {
        let number: Int
        let code: Int
        let type: Int
        let roots: [String: String]
        let computesCode: Bool
        let computesNumber: Bool

        /// Fills the empty code or number of an auxiliary account.
        func complete(_ record: inout ImportRecord) {
            guard let type = record[field: type], let root = roots[type.uppercased()] else { return }
            let number = record[field: number] ?? "", code = record[field: code] ?? ""
            if computesCode, code.isEmpty, number.count > root.count, number.uppercased().hasPrefix(root) {
                record.values[self.code] = String(number.dropFirst(root.count))
            }
            if computesNumber, number.isEmpty, let code = record[field: self.code], !code.isEmpty {
                record.values[self.number] = root + code
            }
        }
    }

    /// The computation for a request's options, or nil when it asks for none.
    func applied(to kind: ImportKind, options: Set<String>) -> Applied? {
        let computesCode = options.contains("calculer_code_tiers"), computesNumber = options.contains("calculer_numero_compte")
        guard computesCode || computesNumber,
              let number = kind.fieldIndex[number.uppercased()], let code = kind.fieldIndex[code.uppercased()],
              let type = kind.fieldIndex[type.uppercased()]
        else { return nil }
        return Applied(number: number, code: code, type: type, roots: roots,
                       computesCode: computesCode, computesNumber: computesNumber)
    }
}
