@testable import GestimumEmulator

/// The contact structure under the names the older tests use: every test
/// written against the contact-only middle now runs against the one engine,
/// with the contact kind read from its JSON resource.
enum ContactField: String, CaseIterable {
    case code = "CCT_CODE"
    case name = "CCT_NOM"
    case origin = "CCT_ORIGIN"
    case title = "CCT_CIVILE"
    case firstName = "CCT_PRENOM"
    case officePhone = "CCT_TELB"
    case directPhone = "CCT_TELD"
    case mobilePhone = "CCT_TELM"
    case fax = "CCT_FAX"
    case email = "CCT_EMAIL"
    case website = "CCT_URL"
    case criterion1 = "CCT_QUAL1"
    case criterion2 = "CCT_QUAL2"
    case function = "CCT_FONCT"

    static let numberName = "CCT_NUMERO"
    static var kind: ImportKind { ImportCatalog.standard.contacts }
    var index: Int { Self.kind.field(named: rawValue)!.index }
    var maxLength: Int { Self.kind.fields[index].maxLength! }
}

extension FieldList.Column {
    static func standard(_ field: ContactField) -> Self { .field(field.index) }
}

extension FieldList {
    init(names: [String], customFields: [CustomField]) {
        self.init(names: names, kind: ContactField.kind, customFields: customFields)
    }

    static var structureOrder: String { structureOrder(ContactField.kind).joined(separator: ";") }
}

/// The contact lists of the older tests: third parties as a set, custom fields as a list.
struct ContactReference {
    var thirdParties: Set<String>
    var criteria: [Set<String>]
    var functions: Set<String>
    var customFields: [CustomField]

    var data: ReferenceData {
        ReferenceData(thirdParties: Dictionary(uniqueKeysWithValues: thirdParties.map { ($0, "client") }), criteria: criteria,
                      functions: functions, depots: [],
                      customFields: ["Contacts": customFields.enumerated().map { ($0.offset, $0.element) }])
    }
}

extension RecordValidator {
    /// The first failing reason of a contact record, as the store decides it,
    /// third parties looked up in `reference` and numbers in `contactExists`.
    func reason(for record: ImportRecord, reference: ContactReference, contactExists: (String) -> Bool) -> String? {
        let early = early(record)
        if let reason = record.number == nil ? early.created : early.updated { return reason }
        let values = record.values[...]
        let data = reference.data
        if let reason = referenceReason(values, exists: { target, code in
            switch target {
            case .thirdParty: data.thirdParties[code] != nil
            case let .criterion(n): data.criteria[n - 1].contains(code)
            case .function: data.functions.contains(code)
            default: false
            }
        }) { return reason }
        if let number = record.number, !contactExists(number) { return Messages.unknownContact(number) }
        return customReason(record)
    }
}
