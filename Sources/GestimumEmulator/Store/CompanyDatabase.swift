import Foundation
import GRDB

/// One company as the emulator holds it: its Windows path and its own SQLite database.
public struct CompanyDatabase: Sendable {
    /// The full Windows path, as the fixture spells it.
    public let path: String
    /// The database file, nil in memory.
    public let file: URL?
    let writer: any DatabaseWriter
    let reference = ReferenceCache()
    /// The only way imports reach `writer`.
    let imports: ImportQueue

    private init(path: String, file: URL?, writer: any DatabaseWriter) {
        self.path = path
        self.file = file
        self.writer = writer
        imports = ImportQueue(writer: writer)
    }

    /// Creates the company's database and fills it from the fixture.
    /// `file` nil keeps it in memory; otherwise a WAL database at that path.
    static func create(_ fixture: Fixture.CompanySetup, file: URL?) throws -> CompanyDatabase {
        let writer: any DatabaseWriter
        do {
            if let file {
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: file.path + suffix)
                }
                writer = try DatabasePool(path: file.path, configuration: walConfiguration)
            } else {
                writer = try DatabaseQueue()
            }
            try CompanySchema.migrator.migrate(writer)
            try writer.write { db in try CompanySchema.ensureKindTables(db, catalog: .standard) }
        } catch {
            if let failure = StorageFailure.of(error, file: file?.path ?? fixture.fichier) { throw failure }
            throw DataFolderError.unwritable(path: file?.path ?? "the in-memory database", reason: FailureReason.of(error))
        }
        do { try writer.write { db in try Self.fill(db, from: fixture) } } catch {
            // A full disk is the folder's problem, not the fixture's (D74).
            if let failure = StorageFailure.of(error, file: file?.path ?? fixture.fichier) { throw failure }
            throw FixtureError(problems: ["societes[\(fixture.fichier)]: cannot be installed: \(FailureReason.of(error))"])
        }
        return CompanyDatabase(path: fixture.fichier, file: file, writer: writer)
    }

    /// Opens a company database that a previous run left in a data folder,
    /// and checks its pages (`PRAGMA quick_check`, D74): a damaged file is
    /// refused here rather than met halfway through an import.
    static func open(file: URL) throws(DataFolderError) -> CompanyDatabase {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw .unreadable(file: file.path, reason: "no such file or directory")
        }
        let writer: DatabasePool
        let path: String?
        do {
            writer = try DatabasePool(path: file.path, configuration: walConfiguration)
            // Checked before anything is written to it; on a reader, so that the writer's page cache stays cold.
            let check = try writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            if check != ["ok"] { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed") }
            try CompanySchema.migrator.migrate(writer)
            try writer.write { db in try CompanySchema.ensureKindTables(db, catalog: .standard) }
            path = try writer.read { db in try String.fetchOne(db, sql: "SELECT fichier FROM societe") }
        } catch {
            if let failure = StorageFailure.of(error, file: file.path) { throw failure.dataFolderError }
            throw .unreadable(file: file.path, reason: FailureReason.of(error))
        }
        guard let path else { throw .unreadable(file: file.path, reason: "the database holds no company") }
        return CompanyDatabase(path: path, file: file, writer: writer)
    }

    /// A company file's connections: in WAL mode, commits are not synced (checkpoints are).
    private static var walConfiguration: Configuration {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        return configuration
    }

    private static func fill(_ db: Database, from fixture: Fixture.CompanySetup) throws {
        try db.execute(sql: "INSERT INTO societe (id, fichier) VALUES (1, ?)", arguments: [fixture.fichier])
        for user in fixture.utilisateurs {
            try db.execute(sql: "INSERT INTO utilisateurs (code, mot_passe) VALUES (?, ?)", arguments: [user.code, user.mot_passe ?? ""])
        }
        for session in fixture.connectes ?? [] {
            try db.execute(sql: "INSERT INTO connectes (utilisateur, exclusif) VALUES (?, ?)",
                           arguments: [session.utilisateur, session.exclusif ?? false])
        }
        for party in fixture.tiers ?? [] {
            try db.execute(sql: "INSERT INTO tiers (code, type) VALUES (?, ?)", arguments: [party.code, party.type ?? "client"])
        }
        for (number, codes) in fixture.criteres ?? [:] {
            for code in codes {
                try db.execute(sql: "INSERT INTO criteres (numero, code) VALUES (?, ?)", arguments: [Int(number), code])
            }
        }
        for code in fixture.fonctions ?? [] {
            try db.execute(sql: "INSERT INTO fonctions (code) VALUES (?)", arguments: [code])
        }
        for code in fixture.depots ?? [] {
            try db.execute(sql: "INSERT INTO depots (code) VALUES (?)", arguments: [code])
        }
        for code in fixture.journaux ?? [] {
            try db.execute(sql: "INSERT OR IGNORE INTO journaux (code) VALUES (?)", arguments: [code])
        }
        if let preferences = fixture.preferences_comptables {
            try db.execute(sql: "INSERT INTO preferences_comptables (id, ecritures_desequilibrees, libelle_obligatoire, piece_obligatoire) VALUES (1, ?, ?, ?)",
                           arguments: [preferences.unbalancedAllowed, preferences.labelRequired, preferences.pieceRequired])
        }
        for (prefix, next) in fixture.compteurs ?? [:] {
            try db.execute(sql: "INSERT INTO compteurs (prefixe, prochain) VALUES (?, ?)", arguments: [prefix, next])
        }
        for stock in fixture.stocks ?? [] {
            let quantity = DocumentNumbers.decimal(stock.quantite).map(DocumentNumbers.text) ?? stock.quantite
            try db.execute(sql: "INSERT INTO stocks (article, depot, quantite) VALUES (?, ?, ?)", arguments: [stock.article, stock.depot, quantity])
        }
        let catalog = ImportCatalog.standard
        let definitions = fixture.champs_personnalises ?? []
        var positions: [String: [(position: Int, name: String)]] = [:]
        for (position, field) in definitions.enumerated() {
            let values = DataSnapJSONWriter.string(.array((field.valeurs ?? []).map { .string($0) }))
            let domain = field.importation ?? "Contacts"
            try db.execute(
                sql: "INSERT INTO champs_personnalises (position, nom, type, taille, valeurs, import) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [position, field.nom, field.type.rawValue, field.taille, values, domain])
            if let kind = catalog.kind(domain: domain) {
                try CompanySchema.addCustomColumn(position, table: kind.tableName, db: db)
            }
            positions[domain, default: []].append((position, field.nom.uppercased()))
        }
        let rows = [("contacts", fixture.contacts ?? [])] + fixture.records.map { ($0.key, $0.rows) }
        for (key, records) in rows {
            guard let kind = catalog.kind(stateKey: key), !records.isEmpty else { continue }
            let custom = positions[kind.domain] ?? []
            var names: [String] = kind.particulars.numbering.map { [$0.field] } ?? []
            names += CompanySchema.columns(of: kind).map { $0.uppercased() }
            let columns = names.map { CompanySchema.quoted($0.lowercased()) } + custom.map { CompanySchema.customColumn($0.position) }
            let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            let insert = try db.makeStatement(
                sql: "INSERT INTO \(CompanySchema.quoted(kind.tableName)) (\(columns.joined(separator: ", "))) VALUES (\(marks))")
            for record in records {
                let value = { (name: String) in record.first(where: { $0.key.uppercased() == name })?.value ?? "" }
                try insert.execute(arguments: StatementArguments(names.map(value) + custom.map { value($0.name) }))
            }
        }
        try db.execute(sql: "UPDATE numerotation SET dernier = (\(CompanySchema.highestNumberQuery(table: "contacts", column: "cct_numero", length: 10)))")
    }

    /// The company's records of `kind`, in `state.json` order.
    public func records(of kind: ImportKind) async throws -> [[(key: String, value: String)]] {
        try await writer.read { db in
            let store = CompanyStore(db: db)
            return try store.records(of: kind, customFields: kind.customFields ? (try store.customFields()[kind.domain] ?? []) : [])
        }
    }

    /// How many records of `kind` the company holds (for documents, their lines: what an import counts).
    public func recordCount(of kind: ImportKind) throws -> Int {
        if !kind.particulars.entryFormats.isEmpty {
            return try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ecritures") ?? 0 }
        }
        if kind.particulars.documents != nil {
            return try writer.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document_lignes l JOIN documents d ON d.id = l.document WHERE d.import = ?",
                                 arguments: [kind.domain]) ?? 0
            }
        }
        return try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(CompanySchema.quoted(kind.tableName))") ?? 0 }
    }

    /// The documents of `kind` in creation order, each with its header's fields and a `lignes` array (D79).
    public func documents(of kind: ImportKind) async throws -> [JSONValue] {
        try await writer.read { db in
            let lines = try db.cachedStatement(sql: "SELECT valeurs FROM document_lignes WHERE document = ? ORDER BY ordre")
            return try Row.fetchAll(db, sql: "SELECT id, valeurs FROM documents WHERE import = ? ORDER BY id", arguments: [kind.domain]).map { row in
                var pairs = (try JSONParser.parse(Array((row["valeurs"] as String).utf8))).objectValue ?? []
                let items = try String.fetchAll(lines, arguments: [row["id"] as Int64]).map { try JSONParser.parse(Array($0.utf8)) }
                pairs.append((key: "lignes", value: .array(items)))
                return .object(pairs)
            }
        }
    }

    /// The accounting entries in creation order, and the journals' codes (D81).
    public func entriesAndJournals() async throws -> (entries: [JSONValue], journals: [String]) {
        try await writer.read { db in
            let entries = try String.fetchAll(db, sql: "SELECT valeurs FROM ecritures ORDER BY id").map { try JSONParser.parse(Array($0.utf8)) }
            return (entries, try String.fetchAll(db, sql: "SELECT code FROM journaux ORDER BY code"))
        }
    }

    /// Stock quantities by article and depot, and the counters' next numbers, once the company holds any document.
    public func stockAndCounters() async throws -> (stocks: [JSONValue], counters: JSONValue?) {
        try await writer.read { db in
            let stocks = try Row.fetchAll(db, sql: "SELECT article, depot, quantite FROM stocks ORDER BY article, depot").map { row -> JSONValue in
                .object([("ART_CODE", .string(row["article"])), ("DEP_CODE", .string(row["depot"])), ("QUANTITE", .string(row["quantite"]))])
            }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM documents)") == true else { return (stocks, nil) }
            let counters = try Row.fetchAll(db, sql: "SELECT prefixe, prochain FROM compteurs ORDER BY prefixe").map {
                (key: $0["prefixe"] as String, value: JSONValue.string($0["prochain"]))
            }
            return (stocks, .object(counters))
        }
    }

    /// The company's contacts in `state.json` order.
    public func contacts() async throws -> [[(key: String, value: String)]] {
        try await records(of: ImportCatalog.standard.contacts)
    }

    /// How many contacts the company holds.
    public func contactCount() throws -> Int {
        try recordCount(of: ImportCatalog.standard.contacts)
    }
}
