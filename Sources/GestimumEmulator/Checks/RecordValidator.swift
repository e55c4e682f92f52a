/// Gives a record the first failing reason of its kind's checks, or nil (spec §5, D71).
///
/// Order: required fields (structure order), lengths, types and allowed
/// codes (file order, D25), references (structure order), the record's
/// number (numbered kinds), custom field types (file order). The first two
/// groups depend on whether the record is created or updated: a required
/// field absent from the file only fails a creation.
public struct RecordValidator: Sendable {
    public let kind: ImportKind
    public let fields: FieldList
    public let customFields: [CustomField]
    /// The fields checked against other records, in structure order.
    let references: [(index: Int, target: ReferenceTarget)]
    let requiredIndexes: [Int]
    /// Groups of fields of which one must have a value (indexes in the structure).
    let oneOf: [[Int]]
    /// The structure's figures by field index, read once: the checks run per value.
    private let maxLengths: [Int?]
    private let types: [FieldType]
    private let allowed: [Set<String>?]

    public init(kind: ImportKind, fields: FieldList, customFields: [CustomField]) {
        self.kind = kind
        self.fields = fields
        self.customFields = customFields
        references = kind.fields.enumerated().compactMap { i, field in
            field.reference.flatMap(ReferenceTarget.init).map { (i, $0) }
        }
        let grouped = Set(kind.particulars.oneOf.joined())
        requiredIndexes = kind.fields.indices.filter {
            let name = kind.fields[$0].name.uppercased()
            return kind.fields[$0].required && !kind.particulars.relaxed.contains(name) && !grouped.contains(name)
        }
        oneOf = kind.particulars.oneOf.map { group in group.compactMap { kind.fieldIndex[$0] } }
        maxLengths = kind.fields.map(\.maxLength)
        // A document's delivery dates are checked by the document, which warns and drops them (D80).
        let lenient = Set(kind.particulars.documents?.deliveryDates ?? [])
        types = kind.fields.map { lenient.contains($0.name.uppercased()) ? .text : $0.type }
        allowed = kind.fields.map { $0.values.map(Set.init) }
    }

    /// The reasons found without the database: if the record is created, and if it updates a stored one.
    public struct EarlyReasons: Sendable, Equatable {
        public var created: String?
        public var updated: String?
    }

    /// The checks that need no database, up to the references.
    public func early(_ record: ImportRecord) -> EarlyReasons {
        var created: String?, updated: String?
        for i in requiredIndexes {
            let value = record[field: i]
            if created == nil, (value ?? "").isEmpty { created = missing(i) }
            if updated == nil, value?.isEmpty == true { updated = missing(i) }
        }
        for group in oneOf where created == nil || updated == nil {
            let values = group.map { record[field: $0] }
            let names = group.map { kind.fields[$0].name }
            // On creation one of them must have a value; an update may leave them out, not empty them all.
            if created == nil, values.allSatisfy({ ($0 ?? "").isEmpty }) { created = Messages.missingOneOf(names) }
            if updated == nil, values.allSatisfy({ $0 != nil }), values.allSatisfy({ $0!.isEmpty }) { updated = Messages.missingOneOf(names) }
        }
        if created != nil, updated != nil { return EarlyReasons(created: created, updated: updated) }
        let rest = lengthReason(record) ?? typeReason(record)
        return EarlyReasons(created: created ?? rest, updated: updated ?? rest)
    }

    /// The first reference that names nothing: `exists` looks a code up.
    func referenceReason(_ values: ArraySlice<String?>, exists: (ReferenceTarget, String) throws -> Bool) rethrows -> String? {
        for (i, target) in references {
            guard let code = values[values.startIndex + i], !code.isEmpty, try !exists(target, code) else { continue }
            if kind.fields[i].unknown == .code { return Messages.missingCode }
            return target.unknown(code)
        }
        return nil
    }

    /// The checks after the number's: custom field types.
    public func customReason(_ record: ImportRecord) -> String? {
        for column in fields.columns {
            guard case let .custom(i) = column, let value = record[custom: i] else { continue }
            let field = customFields[i]
            if !CustomValueCheck.accepts(value, for: field) {
                return Messages.badCustomValue(value, field.name, field.kind.rawValue)
            }
        }
        return nil
    }

    private func missing(_ index: Int) -> String {
        switch kind.fields[index].missing {
        case .code: Messages.missingCode
        case .name: Messages.missingName
        case nil: Messages.missingField(kind.fields[index].name)
        }
    }

    private func lengthReason(_ record: ImportRecord) -> String? {
        for column in fields.columns {
            let name: String, value: String?, max: Int?
            switch column {
            case .number:
                guard let numbering = kind.particulars.numbering else { continue }
                (name, value, max) = (numbering.field, record.number, numbering.length)
            case let .field(i):
                guard let limit = maxLengths[i], let text = record[field: i], text.utf8.count > limit, text.utf16.count > limit else { continue }
                return Messages.tooLong(kind.fields[i].name, limit)
            case let .custom(i):
                let field = customFields[i]
                (name, value, max) = (field.name, record[custom: i], field.kind == .text ? field.size : nil)
            case .ignored, .blank:
                continue
            }
            // Lengths count UTF-16 code units, as Delphi's Length does (spec §5).
            guard let value, let max, value.utf8.count > max, value.utf16.count > max else { continue }
            return Messages.tooLong(name, max)
        }
        return nil
    }

    private func typeReason(_ record: ImportRecord) -> String? {
        for column in fields.columns {
            guard case let .field(i) = column, let value = record[field: i], !value.isEmpty else { continue }
            if let codes = allowed[i], !codes.contains(value) {
                return Messages.badValue(value, kind.fields[i].name)
            }
            if !types[i].accepts(value) {
                return Messages.badCustomValue(value, kind.fields[i].name, types[i].expected)
            }
        }
        return nil
    }
}
