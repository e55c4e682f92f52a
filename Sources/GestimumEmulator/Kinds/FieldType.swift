/// The types a structure page's Type column names, with the values each accepts.
public enum FieldType: Sendable, Equatable {
    case text
    case unlimitedText
    case checkbox
    case amount
    case decimal
    case integer
    case number
    case date
    case dateTime
    /// A Type text the engine does not know: its values are not checked.
    case other

    /// Reads the Type column as printed (`Texte`, `Case à cocher`, …).
    public init(printed: String) {
        switch printed.trimmingCharacters(in: .whitespaces).lowercased() {
        case "texte": self = .text
        case "texte illimité", "mémo", "memo": self = .unlimitedText
        case "case à cocher", "booléen": self = .checkbox
        case "montant": self = .amount
        case "nombre à virgule", "décimal", "nombre décimal": self = .decimal
        case "nombre entier", "entier": self = .integer
        case "numéro": self = .number
        case "date": self = .date
        case "date et heure": self = .dateTime
        default: self = .other
        }
    }

    /// Whether `value` is one this type accepts; an empty value always is (it clears the field).
    /// Dates are written `dd/MM/yyyy`; only their shape is checked (D69: the help's Affaires
    /// example stores `15/19/2019`).
    public func accepts(_ value: String) -> Bool {
        if value.isEmpty { return true }
        switch self {
        case .text, .unlimitedText, .other: return true
        case .checkbox: return ValueSyntax.isCheckbox(value)
        case .amount, .decimal: return ValueSyntax.isDecimal(value)
        case .integer, .number: return ValueSyntax.isInteger(Substring(value))
        case .date: return ValueSyntax.isDateShape(value)
        case .dateTime: return ValueSyntax.isDateTimeShape(value)
        }
    }

    /// The word the rejection message names as the expected type (the custom field types' names, D71).
    var expected: String {
        switch self {
        case .checkbox: Messages.TypeName.checkbox
        case .amount, .decimal: Messages.TypeName.decimal
        case .integer, .number: Messages.TypeName.integer
        case .date: Messages.TypeName.date
        case .dateTime: Messages.TypeName.dateTime
        case .text, .unlimitedText, .other: Messages.TypeName.text
        }
    }

    /// Whether the type has a maximum length at all (the others' `max_length` is null).
    var isText: Bool { self == .text || self == .other }
}

import Foundation
