/// One record of an import file mapped onto its kind's fields: what to
/// create, or which record to change and how.
public struct ImportRecord: Sendable, Equatable {
    /// The company-given number a line names (kinds with numbering); nil for a creation.
    public var number: String?
    /// Values by field index, then by custom-field index; nil where the file has no such column.
    public var values: [String?]
    public let fieldCount: Int

    /// An empty record to ``load(_:fields:)`` lines into, reusing its storage.
    public init(fieldCount: Int, customFieldCount: Int) {
        self.fieldCount = fieldCount
        number = nil
        values = [String?](repeating: nil, count: fieldCount + customFieldCount)
    }

    /// Maps a line's values onto the field list; missing trailing values are empty.
    public init(values line: [String], fields: FieldList, fieldCount: Int, customFieldCount: Int) {
        self.init(fieldCount: fieldCount, customFieldCount: customFieldCount)
        for (index, column) in fields.columns.enumerated() {
            set(column, index < line.count ? line[index] : "")
        }
    }

    /// Maps a split line onto the field list, in place: no new arrays per record.
    mutating func load(_ line: LineValues, fields: FieldList) {
        number = nil
        for i in values.indices { values[i] = nil }
        for (index, column) in fields.columns.enumerated() {
            set(column, index < line.count ? line.string(at: index) : "")
        }
    }

    private mutating func set(_ column: FieldList.Column, _ value: String) {
        switch column {
        case .number: number = value.isEmpty ? nil : value
        case let .field(i): values[i] = value
        case let .custom(i): values[fieldCount + i] = value
        case .ignored, .blank: break
        }
    }

    /// The value of field `index` of the kind.
    public subscript(field index: Int) -> String? { values[index] }
    /// The value of custom field `index`.
    public subscript(custom index: Int) -> String? { values[fieldCount + index] }
}

