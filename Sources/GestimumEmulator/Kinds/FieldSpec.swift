/// One row of a structure page: a field an import file may name.
public struct FieldSpec: Sendable, Equatable {
    /// As printed (`PCF_CODE`); field names compare case-insensitively.
    public var name: String
    /// The Type column as printed.
    public var typeText: String
    public var type: FieldType
    /// Maximum length in characters, nil when the page gives none.
    public var maxLength: Int?
    public var required: Bool
    /// The allowed codes, nil when any value goes.
    public var values: [String]?
    /// The Ordre column, for the structures that have one.
    public var order: Int?
    /// The kind of record the field must name (``ReferenceTarget``), nil when not checked.
    public var reference: String?
    /// Where the field was transcribed from, when not the kind's own page.
    public var source: String?
    /// The rejection when the field is missing, when not the generic one (``MissingMessage``).
    public var missing: MissingMessage?
    /// The rejection when the record it names does not exist, when not the target's own (``MissingMessage``).
    public var unknown: MissingMessage?

    /// The required-field messages the help shows besides the generic one.
    public enum MissingMessage: String, Sendable {
        /// `Code manquant`.
        case code
        /// `Nom manquant`.
        case name
    }
}
