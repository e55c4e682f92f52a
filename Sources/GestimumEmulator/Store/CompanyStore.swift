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

    /// Every custom field with its position (which names its column) and import.
    func customFields() throws -> [String: [(position: Int, field: CustomField)]] {
        var fields: [String: [(position: Int, field: CustomField)]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT position, nom, type, taille, valeurs, import FROM champs_personnalises ORDER BY position") {
            let values = (try? JSONParser.parse(Array((row["valeurs"] as String).utf8)))?.arrayValue?.compactMap(\.stringValue) ?? []
            let field = CustomField(name: row["nom"], kind: CustomField.Kind(rawValue: row["type"]) ?? .text,
                                    size: row["taille"], values: values)
            fields[row["import"], default: []].append((row["position"], field))
        }
        return fields
    }

    func referenceData() throws -> ReferenceData {
        let criteria = try Row.fetchAll(db, sql: "SELECT numero, code FROM criteres")
        var parties: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, type FROM tiers") { parties[row["code"]] = row["type"] }
        return ReferenceData(
            thirdParties: parties,
            criteria: [1, 2].map { n in Set(criteria.filter { $0["numero"] == n }.map { $0["code"] as String }) },
            functions: Set(try String.fetchAll(db, sql: "SELECT code FROM fonctions")),
            depots: Set(try String.fetchAll(db, sql: "SELECT code FROM depots")),
            customFields: try customFields()
        )
    }

    // MARK: Numbering (spec §5)

    /// The highest number read as an integer (D31), kept in `numerotation`
    /// so that finding it does not depend on the company's size (D57); 0 for none.
    func highestNumber() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT dernier FROM numerotation")) ?? 0
    }

    /// Records the highest number after an import created records (same transaction).
    func setHighestNumber(_ value: Int) throws {
        try db.cachedStatement(sql: "UPDATE numerotation SET dernier = ?").execute(arguments: [value])
    }

    // MARK: Records (state)

    /// Every record of `kind` as `state.json` lists them: numbered kinds by
    /// number, others in the order they were created; fields in structure order.
    func records(of kind: ImportKind, customFields: [(position: Int, field: CustomField)]) throws -> [[(key: String, value: String)]] {
        var names: [String] = []
        var columns: [String] = []
        if let numbering = kind.particulars.numbering {
            names.append(numbering.field)
            columns.append(CompanySchema.quoted(numbering.field.lowercased()))
        }
        var seen = Set(names.map { $0.uppercased() })
        for field in kind.fields where seen.insert(field.name.uppercased()).inserted {
            names.append(field.name)
            columns.append(CompanySchema.quoted(field.name.lowercased()))
        }
        for custom in customFields {
            names.append(custom.field.name)
            columns.append(CompanySchema.customColumn(custom.position))
        }
        let order = kind.particulars.numbering.map { CompanySchema.quoted($0.field.lowercased()) } ?? "rowid"
        let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(CompanySchema.quoted(kind.tableName)) ORDER BY \(order)"
        return try Row.fetchAll(db, sql: sql).map { row in
            names.indices.map { (key: names[$0], value: row[$0] as String) }
        }
    }
}
