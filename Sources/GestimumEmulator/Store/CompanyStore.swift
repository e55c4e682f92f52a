import Foundation
import GRDB

/// One company's data, read and written inside a transaction of its database.
struct CompanyStore {
    let db: Database

    struct Session: Equatable {
        var id: Int64
        var user: String
        var exclusive: Bool
    }

    // MARK: Users and sessions (spec §3)

    /// Whether two user codes name the same user (D14): one folding for every comparison.
    static func sameUser(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

    struct User: Sendable {
        var code: String
        var password: String
    }

    /// Every user, in code order.
    func users() throws -> [User] {
        try Row.fetchAll(db, sql: "SELECT code, mot_passe FROM utilisateurs ORDER BY code").map {
            User(code: $0["code"], password: $0["mot_passe"])
        }
    }

    func sessions() throws -> [Session] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT id, utilisateur, exclusif FROM connectes ORDER BY id")).map {
            Session(id: $0["id"], user: $0["utilisateur"], exclusive: $0["exclusif"])
        }
    }

    func closeSessions(_ sessions: [Session]) throws {
        for session in sessions {
            try db.cachedStatement(sql: "DELETE FROM connectes WHERE id = ?").execute(arguments: [session.id])
        }
    }

    // MARK: Reference data (spec §5)

    func customFields() throws -> [CustomField] {
        try Row.fetchAll(db, sql: "SELECT nom, type, taille, valeurs FROM champs_personnalises ORDER BY position").map { row in
            let values = (try? JSONParser.parse(Array((row["valeurs"] as String).utf8)))?.arrayValue?.compactMap(\.stringValue) ?? []
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

    /// The highest number read as an integer (D31), kept in `numerotation`
    /// so that finding it does not depend on the company's size (D57); 0 for none.
    func highestNumber() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT dernier FROM numerotation")) ?? 0
    }

    /// Records the highest number after an import created contacts (same transaction).
    func setHighestNumber(_ value: Int) throws {
        try db.cachedStatement(sql: "UPDATE numerotation SET dernier = ?").execute(arguments: [value])
    }

    /// Formats a number the way Gestimum shows it: 10 digits, zero-padded.
    static func formatNumber(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, ContactField.numberLength - digits.count)) + digits
    }

    /// Every contact in `CCT_NUMERO` order, as `state.json` lists them.
    func contacts(customFields: [CustomField]) throws -> [[(key: String, value: String)]] {
        let columns = (["cct_numero"] + CompanySchema.standardColumns + customFields.indices.map(CompanySchema.customColumn))
            .joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT \(columns) FROM contacts ORDER BY cct_numero").map { row in
            var contact: [(key: String, value: String)] = [(ContactField.numberName, row[0])]
            for (i, field) in ContactField.allCases.enumerated() {
                contact.append((field.rawValue, row[1 + i]))
            }
            for (i, field) in customFields.enumerated() {
                contact.append((field.name, row[1 + ContactField.allCases.count + i]))
            }
            return contact
        }
    }
}
