import GRDB
import Synchronization

/// The tables of one company's database, as named migrations.
enum CompanySchema {
    static let standardColumns = ContactField.allCases.map { $0.rawValue.lowercased() }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-company") { db in
            try db.create(table: "societe") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("fichier", .text).notNull()
            }
            try db.create(table: "utilisateurs") { t in
                t.primaryKey("code", .text).collate(.nocase)
                t.column("mot_passe", .text).notNull()
            }
            try db.create(table: "connectes") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("utilisateur", .text).notNull().collate(.nocase)
                t.column("exclusif", .boolean).notNull()
            }
            try db.create(table: "tiers") { t in
                t.primaryKey("code", .text)
                t.column("type", .text).notNull()
            }
            try db.create(table: "criteres") { t in
                t.column("numero", .integer).notNull()
                t.column("code", .text).notNull()
                t.primaryKey(["numero", "code"])
            }
            try db.create(table: "fonctions") { t in
                t.primaryKey("code", .text)
            }
            try db.create(table: "champs_personnalises") { t in
                t.primaryKey("position", .integer)
                t.column("nom", .text).notNull()
                t.column("type", .text).notNull()
                t.column("taille", .integer)
                t.column("valeurs", .text).notNull()
            }
            try db.create(table: "contacts") { t in
                t.primaryKey("cct_numero", .text)
                for column in standardColumns {
                    t.column(column, .text).notNull().defaults(to: "")
                }
            }
            try db.create(table: "contact_valeurs", options: .withoutRowID) { t in
                t.column("cct_numero", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("valeur", .text).notNull()
                t.primaryKey(["cct_numero", "position"])
            }
        }
        migrator.registerMigration("v2-flat-numbering-custom-columns") { db in
            // The highest CCT_NUMERO, kept so that an import need not read every contact (D57).
            try db.create(table: "numerotation") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("dernier", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO numerotation (id, dernier) VALUES (1, (\(highestNumberQuery)))")
            // Custom values move into columns of `contacts`, as Gestimum keeps them (D58).
            let positions = try Int.fetchAll(db, sql: "SELECT position FROM champs_personnalises ORDER BY position")
            for position in positions {
                try addCustomColumn(position, db: db)
                try db.execute(sql: """
                    UPDATE contacts SET \(customColumn(position)) = v.valeur FROM contact_valeurs v
                    WHERE v.cct_numero = contacts.cct_numero AND v.position = ?
                    """, arguments: [position])
            }
            try db.drop(table: "contact_valeurs")
        }
        return migrator
    }

    /// The highest number read as an integer, by a full scan (D31: only
    /// numbers of 1 to 10 digits count); 0 for none. Run once per company.
    static let highestNumberQuery = """
        SELECT coalesce(max(CAST(cct_numero AS INTEGER)), 0) FROM contacts
        WHERE length(cct_numero) BETWEEN 1 AND \(ContactField.numberLength) AND cct_numero NOT GLOB '*[^0-9]*'
        """

    /// The column of `contacts` holding the custom field at `position`.
    static func customColumn(_ position: Int) -> String { "perso_\(position)" }

    /// The insert of one contact with `customFieldCount` custom fields; built
    /// once per count, as GRDB's statement cache looks statements up by their text.
    static func insertContactSQL(customFieldCount: Int) -> String {
        if let known = insertSQL.withLock({ $0[customFieldCount] }) { return known }
        let columns = ["cct_numero"] + standardColumns + (0..<customFieldCount).map(customColumn)
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sql = "INSERT INTO contacts (\(columns.joined(separator: ", "))) VALUES (\(marks))"
        insertSQL.withLock { $0[customFieldCount] = sql }
        return sql
    }

    private static let insertSQL = Mutex<[Int: String]>([:])

    static func addCustomColumn(_ position: Int, db: Database) throws {
        try db.alter(table: "contacts") { t in
            t.add(column: customColumn(position), .text).notNull().defaults(to: "")
        }
    }
}
