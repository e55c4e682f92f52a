/// The columns of an import file, resolved against its kind's structure (spec §4).
public struct FieldList: Sendable, Equatable {
    /// What one column of the file feeds.
    public enum Column: Sendable, Equatable {
        /// The record's company-given number (contacts' CCT_NUMERO): names the record to update.
        case number
        /// Index into the kind's fields.
        case field(Int)
        /// Index into the company's custom fields of this kind.
        case custom(Int)
        /// A name that is not a field: warned about, values dropped.
        case ignored
        /// An empty name: values dropped silently (decision D20).
        case blank
    }

    public let columns: [Column]
    /// The ignored names as written (trimmed), once each, in order.
    public let ignoredNames: [String]
    /// The first known field named twice, upper-cased (D22), if any.
    public let duplicate: String?

    /// Resolves the names of the file's columns.
    public init(names: [String], kind: ImportKind, customFields: [CustomField]) {
        var columns: [Column] = []
        var ignored: [String] = []
        var seenIgnored: Set<String> = []
        var seenKnown: Set<String> = []
        var duplicate: String?
        let numberName = kind.particulars.numbering?.field.uppercased()
        for raw in names {
            let name = raw.trimmingSpaces()
            let key = name.uppercased()
            let column: Column
            if name.isEmpty {
                column = .blank
            } else if key == numberName {
                column = .number
            } else if let index = kind.fieldIndex[key] {
                column = .field(index)
            } else if let index = customFields.firstIndex(where: { $0.name.uppercased() == key }) {
                column = .custom(index)
            } else {
                column = .ignored
                if seenIgnored.insert(key).inserted { ignored.append(name) }
            }
            if column != .ignored, column != .blank, !seenKnown.insert(key).inserted, duplicate == nil {
                duplicate = key
            }
            columns.append(column)
        }
        self.columns = columns
        self.ignoredNames = ignored
        self.duplicate = duplicate
    }

    /// The kind's fields in structure order: a file's columns without `noms_champs` or header.
    public static func structureOrder(_ kind: ImportKind) -> [String] { kind.fields.map(\.name) }
}

extension String {
    /// Trims spaces and tabs at both ends (field names, spec §4).
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
