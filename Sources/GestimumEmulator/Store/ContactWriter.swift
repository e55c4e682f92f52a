import GRDB

/// Stores the accepted records of one import, inside its transaction, with
/// statements prepared once per connection (GRDB's statement cache) and bound through the raw handle: one row of
/// `contacts` per contact, custom fields included (D58).
struct ContactWriter {
    private let store: CompanyStore
    private let insertContact: RawStatement
    private let exists: RawStatement
    /// Prepared when the first record naming a contact comes (most files name none).
    private var updateContact: RawStatement?
    /// The file's columns an update sets, in the order of its statement.
    private let updatedColumns: [FieldList.Column]
    private var buffer = BindBuffer()
    private let firstNumber: Int
    private var nextNumber: Int

    init(db: Database, fields: FieldList, customFieldCount: Int) throws {
        store = CompanyStore(db: db)
        updatedColumns = fields.columns.filter {
            switch $0 {
            case .standard, .custom: true
            case .number, .ignored, .blank: false
            }
        }
        insertContact = RawStatement(statement: try db.cachedStatement(sql: CompanySchema.insertContactSQL(customFieldCount: customFieldCount)))
        exists = RawStatement(statement: try db.cachedStatement(sql: "SELECT 1 FROM contacts WHERE cct_numero = ?"))
        firstNumber = try store.highestNumber() + 1
        nextNumber = firstNumber
    }

    private mutating func updateStatement() throws -> RawStatement {
        if let updateContact { return updateContact }
        let assignments = updatedColumns.map { column -> String in
            switch column {
            case let .standard(field): "\(field.rawValue.lowercased()) = ?"
            case let .custom(i): "\(CompanySchema.customColumn(i)) = ?"
            default: preconditionFailure("filtered above")
            }
        }
        let statement = RawStatement(statement: try store.db.cachedStatement(
            sql: "UPDATE contacts SET \(assignments.joined(separator: ", ")) WHERE cct_numero = ?"))
        updateContact = statement
        return statement
    }

    func contactExists(_ number: String) throws -> Bool {
        try exists.hasRow([number])
    }

    /// Creates or changes a contact from its values: the standard fields by
    /// position, then the custom fields; nil where the file has no column.
    mutating func store(number: String?, values: ArraySlice<String?>) throws {
        buffer.removeAll()
        let base = values.startIndex
        if let number {
            guard !updatedColumns.isEmpty else { return }
            let updateContact = try updateStatement()
            for column in updatedColumns {
                switch column {
                case let .standard(field): buffer.append(values[base + field.position] ?? "")
                case let .custom(i): buffer.append(values[base + ContactField.allCases.count + i] ?? "")
                default: break
                }
            }
            buffer.append(number)
            try updateContact.execute(buffer)
        } else {
            buffer.appendNumber(nextNumber, width: ContactField.numberLength)
            nextNumber += 1
            for value in values { buffer.append(value ?? "") }
            try insertContact.execute(buffer)
        }
    }

    /// Keeps the company's highest number, in the import's transaction (D57).
    func finish() throws {
        // A number past 10 digits does not count (D31), as a full scan would skip it.
        if nextNumber != firstNumber { try store.setHighestNumber(min(nextNumber - 1, 9_999_999_999)) }
    }
}
