import GRDB

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
        return migrator
    }
}
