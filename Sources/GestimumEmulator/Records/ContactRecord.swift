/// One record of the file mapped onto table CONTACTS: what to create, or
/// which contact to change and how.
public struct ContactRecord: Sendable, Equatable {
    /// `nil` for a creation; the contact's number for an update.
    public var number: String?
    /// Standard values by ``ContactField/position``; `nil` when the file has no such column.
    public var standard: [String?]
    /// Custom values by the company's custom-field index; `nil` when absent.
    public var custom: [String?]

    /// Maps a line's values onto the field list; missing trailing values are empty.
    public init(values: [String], fields: FieldList, customFieldCount: Int) {
        var standard = [String?](repeating: nil, count: ContactField.allCases.count)
        var custom = [String?](repeating: nil, count: customFieldCount)
        var number: String?
        for (index, column) in fields.columns.enumerated() {
            let value = index < values.count ? values[index] : ""
            switch column {
            case .number: number = value.isEmpty ? nil : value
            case let .standard(field): standard[field.position] = value
            case let .custom(i): custom[i] = value
            case .ignored, .blank: break
            }
        }
        self.number = number
        self.standard = standard
        self.custom = custom
    }

    /// An empty record to ``load(_:fields:)`` lines into, reusing its storage.
    init(customFieldCount: Int) {
        number = nil
        standard = [String?](repeating: nil, count: ContactField.allCases.count)
        custom = [String?](repeating: nil, count: customFieldCount)
    }

    /// Maps a split line onto the field list, as ``init(values:fields:customFieldCount:)``
    /// does, in place: no new arrays per record.
    mutating func load(_ line: LineValues, fields: FieldList) {
        number = nil
        for i in standard.indices { standard[i] = nil }
        for i in custom.indices { custom[i] = nil }
        for (index, column) in fields.columns.enumerated() {
            let value = index < line.count ? line.string(at: index) : ""
            switch column {
            case .number: number = value.isEmpty ? nil : value
            case let .standard(field): standard[field.position] = value
            case let .custom(i): custom[i] = value
            case .ignored, .blank: break
            }
        }
    }

    public subscript(field: ContactField) -> String? { standard[field.position] }
}
