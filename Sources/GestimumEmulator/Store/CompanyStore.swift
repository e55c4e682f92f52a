import Foundation
import GRDB

/// One company's data, read and written inside a transaction of its database.
struct CompanyStore {
    let db: Database

    struct Session: Equatable {
        var user: String
        var exclusive: Bool
    }

    // MARK: Users and sessions (spec §3)

    /// The password of `code` (case-insensitive, D14), or nil for an unknown user.
    func password(of code: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT mot_passe FROM utilisateurs WHERE code = ?", arguments: [code])
    }

    func sessions() throws -> [Session] {
        try Row.fetchAll(db, sql: "SELECT utilisateur, exclusif FROM connectes ORDER BY id").map {
            Session(user: $0["utilisateur"], exclusive: $0["exclusif"])
        }
    }

    func closeSessions(of user: String) throws {
        try db.execute(sql: "DELETE FROM connectes WHERE utilisateur = ?", arguments: [user])
    }

    // MARK: Reference data (spec §5)

    func customFields() throws -> [CustomField] {
        try Row.fetchAll(db, sql: "SELECT nom, type, taille, valeurs FROM champs_personnalises ORDER BY position").map { row in
            let values = (try? JSONDecoder().decode([String].self, from: Data((row["valeurs"] as String).utf8))) ?? []
            return CustomField(
                name: row["nom"], kind: CustomField.Kind(rawValue: row["type"]) ?? .text,
                size: row["taille"], values: values
            )
        }
    }

    func referenceData() throws -> ReferenceData {
        let criteria = try Row.fetchAll(db, sql: "SELECT numero, code FROM criteres")
        return ReferenceData(
            thirdParties: Set(try String.fetchAll(db, sql: "SELECT code FROM tiers")),
            criteria: [1, 2].map { n in Set(criteria.filter { $0["numero"] == n }.map { $0["code"] as String }) },
            functions: Set(try String.fetchAll(db, sql: "SELECT code FROM fonctions")),
            customFields: try customFields()
        )
    }

    // MARK: Contacts (spec §5)

    /// The highest number read as an integer (D31); 0 for none.
    func highestNumber() throws -> Int {
        let numbers = try String.fetchCursor(db, sql: "SELECT cct_numero FROM contacts")
        var highest = 0
        while let number = try numbers.next() {
            if number.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(number) {
                highest = max(highest, value)
            }
        }
        return highest
    }

    /// Formats a number the way Gestimum shows it: 10 digits, zero-padded.
    static func formatNumber(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, ContactField.numberLength - digits.count)) + digits
    }

    /// Every contact in `CCT_NUMERO` order, as `state.json` lists them.
    func contacts(customFields: [CustomField]) throws -> [[(key: String, value: String)]] {
        var custom: [String: [Int: String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT cct_numero, position, valeur FROM contact_valeurs") {
            custom[row["cct_numero"], default: [:]][row["position"]] = row["valeur"]
        }
        let columns = (["cct_numero"] + CompanySchema.standardColumns).joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT \(columns) FROM contacts ORDER BY cct_numero").map { row in
            let number: String = row["cct_numero"]
            var contact: [(key: String, value: String)] = [(ContactField.numberName, number)]
            for field in ContactField.allCases {
                contact.append((field.rawValue, row[field.rawValue.lowercased()]))
            }
            for (i, field) in customFields.enumerated() {
                contact.append((field.name, custom[number]?[i] ?? ""))
            }
            return contact
        }
    }
}
