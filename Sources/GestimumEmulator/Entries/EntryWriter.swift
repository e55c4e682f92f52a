import Foundation
import GRDB

/// Stores what the accounting-entries import accepted (D81): the journals
/// and accounts its entries name, created when missing; the analytic
/// sections it was asked to create; each entry as one document. Accounts
/// and journals it has met are remembered for the rest of the import.
final class EntryWriter {
    let db: Database
    private var knownAccounts: Set<String> = []
    private var knownJournals: Set<String> = []

    init(db: Database) {
        self.db = db
    }

    private static let accounts = ImportCatalog.standard.kind(domain: "Comptes")!
    private static let roots = (accounts.particulars.accountCodes?.roots ?? [:]).sorted { $0.key < $1.key }
    private static let accountsTable = CompanySchema.quoted(accounts.tableName)
    private static let sectionsTable = CompanySchema.quoted(ImportCatalog.standard.kind(domain: "SectionsAnalytiques")!.tableName)
    private static let sectionExistsSQL =
        "SELECT 1 FROM \(sectionsTable) WHERE ana_code = ? AND (ana_plan = '' OR ? = '' OR ana_plan = ?) LIMIT 1"
    private static let createSectionSQL = "INSERT OR IGNORE INTO \(sectionsTable) (ana_code, ana_lib, ana_type, ana_plan) VALUES (?, ?, 'G', ?)"
    private static let accountExistsSQL = "SELECT 1 FROM \(accountsTable) WHERE cpt_numero = ? LIMIT 1"
    private static let createAccountSQL = "INSERT INTO \(accountsTable) (cpt_numero, cpt_lib, cpt_type, pcf_code) VALUES (?, ?, ?, ?)"

    /// Whether a section `code` exists, in `plan` or in no plan (a section without a plan serves every plan).
    func sectionExists(_ code: String, plan: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: Self.sectionExistsSQL), arguments: [code, plan, plan]) ?? false
    }

    func createSection(_ code: String, plan: String) throws {
        try db.cachedStatement(sql: Self.createSectionSQL).execute(arguments: [code, code, plan])
    }

    /// Creates account `number` with `label` unless it exists: a client or supplier account by its root (Comptes' roots, D78).
    func ensureAccount(_ number: String, label: String) throws {
        guard knownAccounts.insert(number).inserted,
              try Bool.fetchOne(db.cachedStatement(sql: Self.accountExistsSQL), arguments: [number]) != true else { return }
        var type = "G", code = ""
        for (kind, root) in Self.roots where number.hasPrefix(root) && number.count > root.count {
            type = kind
            code = String(number.dropFirst(root.count))
        }
        try db.cachedStatement(sql: Self.createAccountSQL).execute(arguments: [number, label, type, code])
    }

    /// Creates journal `code` unless one exists, whatever its case (`vte` is `VTE`).
    func ensureJournal(_ code: String) throws {
        guard knownJournals.insert(code).inserted,
              try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM journaux WHERE lower(code) = lower(?) LIMIT 1"), arguments: [code]) != true
        else { return }
        try db.cachedStatement(sql: "INSERT INTO journaux (code) VALUES (?)").execute(arguments: [code])
    }

    /// Stores `entry`, its journal and its accounts, a missing account labelled `accountLabel`.
    func store(_ entry: EntryBook.Entry, simulation: Bool, accountLabel: String) throws {
        try ensureJournal(entry.journal)
        for line in entry.lines { try ensureAccount(line.values[.account] ?? "", label: accountLabel) }
        try db.cachedStatement(sql: "INSERT INTO ecritures (valeurs) VALUES (?)")
            .execute(arguments: [DataSnapJSONWriter.string(Self.json(entry, simulation: simulation))])
    }

    /// The entry as the state shows it: header, then its lines with their due dates and distributions.
    static func json(_ entry: EntryBook.Entry, simulation: Bool) -> JSONValue {
        let optional: [(EntryFormat.Role, String)] = [
            (.currency, "devise"), (.lettering, "lettrage"), (.dueDate, "date_echeance"), (.paymentMode, "mode_reglement"),
            (.quantity, "quantite"), (.autoLabel, "libelle_automatique"), (.vatNature, "nature_tva"), (.extraPiece, "piece_complementaire"),
            (.extraPieceDate, "date_piece_complementaire"), (.reference, "reference"),
        ]
        let lines = entry.lines.map { line -> JSONValue in
            var pairs: [(key: String, value: JSONValue)] = [
                ("ligne", .string(String(line.number))), ("compte", .string(line.values[.account] ?? "")),
                ("libelle", .string(line.values[.label] ?? "")), ("montant", .string(EntryAmount.text(line.amount))),
                ("sens", .string(line.direction)),
            ]
            for (role, key) in optional { if let value = line.values[role] { pairs.append((key, .string(value))) } }
            if !line.dueDates.isEmpty {
                pairs.append(("echeances", .array(line.dueDates.map { due in
                    var item: [(key: String, value: JSONValue)] = [("date", .string(due.date)), ("montant", .string(EntryAmount.text(due.amount)))]
                    if !due.mode.isEmpty { item.append(("mode_reglement", .string(due.mode))) }
                    return .object(item)
                })))
            }
            if !line.analytics.isEmpty {
                pairs.append(("analytique", .array(line.analytics.map { analytic in
                    var item: [(key: String, value: JSONValue)] = [
                        ("plan", .string(analytic.plan)), ("section", .string(analytic.section)), ("montant", .string(EntryAmount.text(analytic.amount))),
                    ]
                    if !analytic.quantity.isEmpty { item.append(("quantite", .string(analytic.quantity))) }
                    return .object(item)
                })))
            }
            return .object(pairs)
        }
        return .object([
            ("journal", .string(entry.journal)), ("date", .string(entry.date)), ("piece", .string(entry.piece)),
            ("simulation", .string(simulation ? Messages.yes : Messages.no)), ("lignes", .array(lines)),
        ])
    }
}
