import GRDB

/// Stores the accepted records of one import, inside its transaction, with
/// statements prepared once and bound through the raw handle.
struct ContactWriter {
    private let insertContact: RawStatement
    private let upsertCustom: RawStatement
    private let exists: RawStatement
    private let updateContact: RawStatement?
    private let updatedFields: [ContactField]
    private var nextNumber: Int

    init(db: Database, fields: FieldList) throws {
        let columns = (["cct_numero"] + CompanySchema.standardColumns).joined(separator: ", ")
        let marks = Array(repeating: "?", count: CompanySchema.standardColumns.count + 1).joined(separator: ", ")
        insertContact = RawStatement(statement: try db.makeStatement(sql: "INSERT INTO contacts (\(columns)) VALUES (\(marks))"))
        upsertCustom = RawStatement(statement: try db.makeStatement(
            sql: "INSERT OR REPLACE INTO contact_valeurs (cct_numero, position, valeur) VALUES (?, ?, ?)"))
        exists = RawStatement(statement: try db.makeStatement(sql: "SELECT 1 FROM contacts WHERE cct_numero = ?"))
        updatedFields = fields.columns.compactMap { if case let .standard(field) = $0 { field } else { nil } }
        if updatedFields.isEmpty {
            updateContact = nil
        } else {
            let assignments = updatedFields.map { "\($0.rawValue.lowercased()) = ?" }.joined(separator: ", ")
            updateContact = RawStatement(statement: try db.makeStatement(
                sql: "UPDATE contacts SET \(assignments) WHERE cct_numero = ?"))
        }
        nextNumber = try CompanyStore(db: db).highestNumber() + 1
    }

    func contactExists(_ number: String) throws -> Bool {
        try exists.hasRow([number])
    }

    /// Creates the contact with the next number, or changes the one it names.
    mutating func store(_ record: ContactRecord) throws {
        let number: String
        if let existing = record.number {
            number = existing
            if let updateContact {
                try updateContact.execute(updatedFields.map { record[$0] ?? "" } + [number])
            }
        } else {
            number = CompanyStore.formatNumber(nextNumber)
            nextNumber += 1
            try insertContact.execute([number] + record.standard.map { $0 ?? "" })
        }
        for (position, value) in record.custom.enumerated() {
            guard let value, !(record.number == nil && value.isEmpty) else { continue }
            try upsertCustom.execute([number, String(position), value])
        }
    }
}
