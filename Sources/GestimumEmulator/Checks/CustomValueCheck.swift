/// Whether a value fits a custom field's type (spec §5, decision D28).
/// An empty value always fits: it clears the field.
enum CustomValueCheck {
    static func accepts(_ value: String, for field: CustomField) -> Bool {
        if value.isEmpty { return true }
        switch field.kind {
        case .text: return true
        case .integer: return ValueSyntax.isInteger(Substring(value))
        case .decimal: return ValueSyntax.isDecimal(value)
        case .date: return ValueSyntax.isDate(value)
        case .checkbox: return ValueSyntax.isCheckbox(value)
        case .list: return field.values.contains(value)
        }
    }
}
