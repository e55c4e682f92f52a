import GRDB
import Synchronization

/// The tables of one company's database, as named migrations, and one table
/// per import kind, created from its structure.
enum CompanySchema {
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
                for column in v1ContactColumns {
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
            try db.execute(sql: "INSERT INTO numerotation (id, dernier) VALUES (1, (\(highestNumberQuery(table: "contacts", column: "cct_numero", length: 10))))")
            // Custom values move into columns of `contacts`, as Gestimum keeps them (D58).
            let positions = try Int.fetchAll(db, sql: "SELECT position FROM champs_personnalises ORDER BY position")
            for position in positions {
                try addCustomColumn(position, table: "contacts", db: db)
                try db.execute(sql: """
                    UPDATE contacts SET \(customColumn(position)) = v.valeur FROM contact_valeurs v
                    WHERE v.cct_numero = contacts.cct_numero AND v.position = ?
                    """, arguments: [position])
            }
            try db.drop(table: "contact_valeurs")
        }
        migrator.registerMigration("v3-import-kinds") { db in
            // Custom fields belong to one import each; the ones before were the contacts'.
            try db.alter(table: "champs_personnalises") { t in
                t.add(column: "import", .text).notNull().defaults(to: "Contacts")
            }
            try db.create(table: "depots") { t in
                t.primaryKey("code", .text)
            }
        }
        migrator.registerMigration("v4-documents") { db in
            // Sales, purchase and stock documents: a header, its lines, the stock they move, the counters that number them.
            try db.create(table: "documents") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("import", .text).notNull()
                t.column("numero", .text).notNull()
                t.column("valeurs", .text).notNull()
                t.uniqueKey(["import", "numero"])
            }
            try db.create(table: "document_lignes", options: .withoutRowID) { t in
                t.column("document", .integer).notNull()
                t.column("ordre", .integer).notNull()
                t.column("valeurs", .text).notNull()
                t.primaryKey(["document", "ordre"])
            }
            try db.create(table: "stocks", options: .withoutRowID) { t in
                t.column("article", .text).notNull()
                t.column("depot", .text).notNull()
                t.column("quantite", .text).notNull()
                t.primaryKey(["article", "depot"])
            }
            try db.create(table: "compteurs") { t in
                t.primaryKey("prefixe", .text)
                t.column("prochain", .text).notNull()
            }
        }
        migrator.registerMigration("v5-entries") { db in
            // Accounting entries (one document each), the journals they name, the preferences they obey (D81).
            try db.create(table: "ecritures") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("valeurs", .text).notNull()
            }
            try db.create(table: "journaux") { t in
                t.primaryKey("code", .text)
            }
            try db.create(table: "preferences_comptables") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("ecritures_desequilibrees", .boolean).notNull().defaults(to: false)
                t.column("libelle_obligatoire", .boolean).notNull().defaults(to: false)
                t.column("piece_obligatoire", .boolean).notNull().defaults(to: false)
            }
        }
        return migrator
    }

    /// The contact columns of the first schema, which the migrations above create.
    private static let v1ContactColumns = ["cct_code", "cct_nom", "cct_origin", "cct_civile", "cct_prenom", "cct_telb", "cct_teld",
                                           "cct_telm", "cct_fax", "cct_email", "cct_url", "cct_qual1", "cct_qual2", "cct_fonct"]

    /// Creates the table of every kind the database lacks, and the columns a
    /// kind's structure gained (idempotent: run at every opening).
    static func ensureKindTables(_ db: Database, catalog: ImportCatalog) throws {
        for kind in catalog.kinds where kind.storesRecords {
            let table = kind.tableName
            if try db.tableExists(table) {
                let existing = Set(try db.columns(in: table).map { $0.name.lowercased() })
                for column in columns(of: kind) where !existing.contains(column) {
                    try db.execute(sql: "ALTER TABLE \(quoted(table)) ADD COLUMN \(quoted(column)) TEXT NOT NULL DEFAULT ''")
                }
                continue
            }
            var definitions: [String] = []
            if let numbering = kind.particulars.numbering {
                definitions.append("\(quoted(numbering.field.lowercased())) TEXT PRIMARY KEY")
            }
            definitions += columns(of: kind).map { "\(quoted($0)) TEXT NOT NULL DEFAULT ''" }
            try db.execute(sql: "CREATE TABLE \(quoted(table)) (\(definitions.joined(separator: ", ")))")
            if !kind.keyIndexes.isEmpty {
                let keys = kind.keyIndexes.map { quoted(kind.fields[$0].name.lowercased()) }
                // A line whose first key field is empty creates a record (D72).
                try db.execute(sql: """
                    CREATE UNIQUE INDEX \(quoted(table + "_cle")) ON \(quoted(table)) (\(keys.joined(separator: ", "))) \
                    WHERE \(keys[0]) <> ''
                    """)
            }
        }
    }

    /// A kind's field columns, in structure order, once each.
    static func columns(of kind: ImportKind) -> [String] {
        var seen: Set<String> = [kind.particulars.numbering?.field.lowercased() ?? ""]
        return kind.fields.map { $0.name.lowercased() }.filter { seen.insert($0).inserted }
    }

    static func quoted(_ name: String) -> String { "\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"" }

    /// The highest number read as an integer, by a full scan (D31: only
    /// numbers of 1 to `length` digits count); 0 for none. Run once per company.
    static func highestNumberQuery(table: String, column: String, length: Int) -> String {
        """
        SELECT coalesce(max(CAST(\(column) AS INTEGER)), 0) FROM \(table)
        WHERE length(\(column)) BETWEEN 1 AND \(length) AND \(column) NOT GLOB '*[^0-9]*'
        """
    }

    /// The column holding the custom field at `position`.
    static func customColumn(_ position: Int) -> String { "perso_\(position)" }

    static func addCustomColumn(_ position: Int, table: String, db: Database) throws {
        try db.execute(sql: "ALTER TABLE \(quoted(table)) ADD COLUMN \(customColumn(position)) TEXT NOT NULL DEFAULT ''")
    }

    /// Statement texts built once per shape, as GRDB's statement cache looks statements up by their text.
    static func cachedSQL(_ key: String, _ build: () -> String) -> String {
        if let known = sqlTexts.withLock({ $0[key] }) { return known }
        let sql = build()
        sqlTexts.withLock { $0[key] = sql }
        return sql
    }

    private static let sqlTexts = Mutex<[String: String]>([:])
}
