/// Gives a record the first failing reason of spec §5's table, or nil.
///
/// Order: code, name, lengths, third party, criteria, function, contact
/// number, custom types. Within one check, columns go in file order (D25).
public struct RecordValidator: Sendable {
    public let fields: FieldList
    public let reference: ReferenceData

    private static let criteria: [ContactField] = [.criterion1, .criterion2]

    public init(fields: FieldList, reference: ReferenceData) {
        self.fields = fields
        self.reference = reference
    }

    /// The rejection reason for `record`, or nil when it can be stored.
    /// `contactExists` answers whether an update's number names a contact.
    public func reason(
        for record: ContactRecord, contactExists: (String) throws -> Bool
    ) rethrows -> String? {
        if let reason = reasonBeforeNumber(for: record) { return reason }
        if let number = record.number, try !contactExists(number) {
            return Messages.unknownContact(number)
        }
        return reasonAfterNumber(for: record)
    }

    /// The checks that come before the contact number's: they need no database.
    func reasonBeforeNumber(for record: ContactRecord) -> String? {
        if let reason = requiredReason(record, .code, Messages.missingCode) { return reason }
        if let reason = requiredReason(record, .name, Messages.missingName) { return reason }
        if let reason = lengthReason(record) { return reason }
        if let origin = record[.origin], !origin.isEmpty, !reference.thirdParties.contains(origin) {
            return Messages.unknownThirdParty(origin)
        }
        for (i, field) in Self.criteria.enumerated() {
            if let code = record[field], !code.isEmpty, !reference.criteria[i].contains(code) {
                return Messages.unknownCriterion(i + 1, code)
            }
        }
        if let function = record[.function], !function.isEmpty, !reference.functions.contains(function) {
            return Messages.unknownFunction(function)
        }
        return nil
    }

    /// The checks after the contact number's: custom field types.
    func reasonAfterNumber(for record: ContactRecord) -> String? {
        for column in fields.columns {
            guard case let .custom(i) = column, let value = record.custom[i] else { continue }
            let field = reference.customFields[i]
            if !CustomValueCheck.accepts(value, for: field) {
                return Messages.badCustomValue(value, field.name, field.kind.rawValue)
            }
        }
        return nil
    }

    /// Required on creation; on update only a column the file has can clear it.
    private func requiredReason(_ record: ContactRecord, _ field: ContactField, _ reason: String) -> String? {
        let value = record[field]
        if record.number == nil {
            return (value ?? "").isEmpty ? reason : nil
        }
        return value?.isEmpty == true ? reason : nil
    }

    private func lengthReason(_ record: ContactRecord) -> String? {
        for column in fields.columns {
            let name: String, value: String?, max: Int?
            switch column {
            case .number:
                (name, value, max) = (ContactField.numberName, record.number, ContactField.numberLength)
            case let .standard(field):
                (name, value, max) = (field.rawValue, record[field], field.maxLength)
            case let .custom(i):
                let field = reference.customFields[i]
                (name, value, max) = (field.name, record.custom[i], field.kind == .text ? field.size : nil)
            case .ignored, .blank:
                continue
            }
            guard let value, let max, value.utf8.count > max, value.count > max else { continue }
            return Messages.tooLong(name, max)
        }
        return nil
    }
}
