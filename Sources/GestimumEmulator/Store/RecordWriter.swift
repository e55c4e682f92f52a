import GRDB

/// Stores the accepted records of one import in its kind's table, inside
/// its transaction, with statements from GRDB's cache bound through the raw
/// handle (D58, D66).
///
/// Numbered kinds (contacts) insert with the company's next number or update
/// the record a line names; keyed kinds insert or, when the key names a
/// stored record, update it (D72); kinds without a key insert.
struct RecordWriter {
    private let db: Database
    private let kind: ImportKind
    private let table: String
    /// The file's columns an update sets, in the order of its statement.
    private let updated: [FieldList.Column]
    private let customCount: Int
    private let columns: [String]
    private var insert: RawStatement?
    private var update: RawStatement?
    private var existsStatement: RawStatement?
    private var buffer = BindBuffer()
    private var keyBuffer: [String] = []
    private let firstNumber: Int
    private var nextNumber: Int

    init(db: Database, kind: ImportKind, fields: FieldList, customPositions: [Int]) throws {
        self.db = db
        self.kind = kind
        let table = CompanySchema.quoted(kind.tableName)
        self.table = table
        customCount = customPositions.count
        let replaces = kind.particulars.replacesOnUpdate
        updated = fields.columns.enumerated().compactMap { _, column in
            switch column {
            case .field, .custom: column
            case .number, .ignored, .blank: nil
            }
        }.reduce(into: [FieldList.Column]()) { if !$0.contains($1) { $0.append($1) } }
        var columns = kind.fields.map { CompanySchema.quoted($0.name.lowercased()) }
        columns += customPositions.map(CompanySchema.customColumn)
        self.columns = columns
        let allColumns: [FieldList.Column] = kind.fields.indices.map { .field($0) } + (0..<customPositions.count).map { .custom($0) }
        let setColumns = replaces ? allColumns : updated
        if let numbering = kind.particulars.numbering {
            let number = CompanySchema.quoted(numbering.field.lowercased())
            let names = ([number] + columns).joined(separator: ", ")
            let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
            insert = RawStatement(statement: try db.cachedStatement(sql: CompanySchema.cachedSQL("insert \(kind.domain) \(customPositions)") {
                "INSERT INTO \(table) (\(names)) VALUES (\(marks))"
            }))
            existsStatement = RawStatement(statement: try db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE \(number) = ?"))
            firstNumber = try CompanyStore(db: db).highestNumber() + 1
        } else {
            let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))"
            if !kind.keyIndexes.isEmpty {
                let keys = kind.keyIndexes.map { CompanySchema.quoted(kind.fields[$0].name.lowercased()) }
                let sets = setColumns.compactMap { column -> String? in
                    guard let name = Self.columnName(column, columns: columns, fieldCount: kind.fields.count) else { return nil }
                    return "\(name) = excluded.\(name)"
                }
                sql += " ON CONFLICT (\(keys.joined(separator: ", "))) WHERE \(keys[0]) <> '' "
                sql += sets.isEmpty ? "DO NOTHING" : "DO UPDATE SET \(sets.joined(separator: ", "))"
                let condition = keys.map { "\($0) = ?" }.joined(separator: " AND ")
                existsStatement = RawStatement(statement: try db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE \(condition)"))
            }
            insert = RawStatement(statement: try db.cachedStatement(sql: sql))
            firstNumber = 0
        }
        nextNumber = firstNumber
    }

    private static func columnName(_ column: FieldList.Column, columns: [String], fieldCount: Int) -> String? {
        switch column {
        case let .field(i): columns[i]
        case let .custom(i): columns[fieldCount + i]
        default: nil
        }
    }

    /// Whether the key of a keyed kind's record names a stored record.
    mutating func exists(values: ArraySlice<String?>) throws -> Bool {
        guard let existsStatement else { return false }
        keyBuffer.removeAll(keepingCapacity: true)
        for i in kind.keyIndexes { keyBuffer.append(values[values.startIndex + i] ?? "") }
        guard !(keyBuffer.first ?? "").isEmpty else { return false }
        return try existsStatement.hasRow(keyBuffer)
    }

    /// Whether a numbered kind's record `number` exists.
    func numberExists(_ number: String) throws -> Bool {
        try existsStatement?.hasRow([number]) ?? false
    }

    private mutating func updateStatement(number: String) throws -> RawStatement {
        if let update { return update }
        let assignments = updated.compactMap { column -> String? in
            Self.columnName(column, columns: columns, fieldCount: kind.fields.count).map { "\($0) = ?" }
        }
        let key = CompanySchema.quoted(number)
        let statement = RawStatement(statement: try db.cachedStatement(
            sql: "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE \(key) = ?"))
        update = statement
        return statement
    }

    /// Creates or changes a record from its values: the kind's fields by
    /// index, then the custom fields; nil where the file has no column.
    mutating func store(number: String?, values: ArraySlice<String?>) throws {
        buffer.removeAll()
        if let numbering = kind.particulars.numbering {
            if let number {
                guard !updated.isEmpty else { return }
                let statement = try updateStatement(number: numbering.field.lowercased())
                for column in updated {
                    switch column {
                    case let .field(i): buffer.append(values[values.startIndex + i] ?? "")
                    case let .custom(i): buffer.append(values[values.startIndex + kind.fields.count + i] ?? "")
                    default: break
                    }
                }
                buffer.append(number)
                try statement.execute(buffer)
                return
            }
            buffer.appendNumber(nextNumber, width: numbering.length)
            nextNumber += 1
        }
        for value in values { buffer.append(value ?? "") }
        try insert?.execute(buffer)
    }

    /// Keeps the company's highest number, in the import's transaction (D57).
    func finish() throws {
        guard let numbering = kind.particulars.numbering, nextNumber != firstNumber else { return }
        // A number past its width does not count (D31), as a full scan would skip it.
        let largest = Int(String(repeating: "9", count: numbering.length)) ?? Int.max
        try CompanyStore(db: db).setHighestNumber(min(nextNumber - 1, largest))
    }
}
