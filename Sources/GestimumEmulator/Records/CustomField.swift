/// A custom field (`XXX_…`) defined by the company (spec §5).
public struct CustomField: Sendable, Equatable {
    /// The types a custom field can have; raw values are the spec's names,
    /// which the rejection message quotes.
    public enum Kind: String, Sendable, CaseIterable {
        case text = "texte"
        case integer = "entier"
        case decimal = "decimal"
        case date = "date"
        case checkbox = "case"
        case list = "liste"
    }

    public var name: String
    public var kind: Kind
    /// Maximum length, for `texte` only (decision D29).
    public var size: Int?
    /// Allowed values, for `liste` only.
    public var values: [String]

    public init(name: String, kind: Kind, size: Int? = nil, values: [String] = []) {
        self.name = name
        self.kind = kind
        self.size = size
        self.values = values
    }
}
