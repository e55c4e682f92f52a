import Foundation

/// Cuts the lines of an accounting-entries file by their format and checks
/// each value against its field (D81): values split on the separator (text
/// in double quotes, trimmed)
/// or taken at their positions, then presence, length, type and allowed codes.
struct EntryLineReader {
    let format: EntryFormat
    /// Label and piece number are required only when the company's preferences say so (the pages' footnotes).
    let preferences: EntryPreferences

    /// One line read: its record type, its values by role and its problems.
    struct Line {
        var number: Int
        var record: EntryFormat.Record
        var values: [EntryFormat.Role: String] = [:]
        /// Every value as written (trimmed), valid or not: an entry is grouped by what its lines say.
        var written: [EntryFormat.Role: String] = [:]
        var problems: [String] = []

        subscript(_ role: EntryFormat.Role) -> String { values[role] ?? "" }
    }

    func read(_ text: String, number: Int, as record: EntryFormat.Record) -> Line {
        var line = Line(number: number, record: record)
        let fields = format.records[record] ?? []
        let raw: [String]
        if format.layout == .fixed {
            let characters = Array(text)
            raw = fields.map { field in
                guard let start = field.start, let length = field.length, start - 1 < characters.count else { return "" }
                return Self.trimmed(String(characters[(start - 1)..<min(characters.count, start - 1 + length)]))
            }
        } else {
            var values = Self.split(record == .entry || record == .account ? Substring(text) : text.dropFirst(), separator: format.separator ?? 0x2C)
            if record != .entry && record != .account { values.insert(String(text.prefix(1)), at: 0) }
            raw = values
        }
        for (i, field) in fields.enumerated() {
            let value = i < raw.count ? raw[i] : ""
            if let role = field.role { line.written[role] = value }
            if let problem = check(value, field, in: record) {
                line.problems.append(problem)
                continue
            }
            guard let role = field.role, !value.isEmpty else { continue }
            line.values[role] = normalized(value, field.spec.type, forms: format.dates(of: record))
        }
        return line
    }

    /// Whether a line holds nothing but spaces and tabs.
    static func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// `text` without the spaces and tabs around it.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        return String(text[first...last])
    }

    /// Values separated by `separator`; a value in double quotes may hold the separator, `""` is one quote.
    /// Spaces around a value are dropped (the EBP page's example writes `, "Ventes d'ordinateur "`).
    static func split(_ text: Substring, separator: UInt8) -> [String] {
        var values: [String] = []
        var current: [UInt8] = []
        var quoted = false, wasQuoted = false
        let bytes = Array(text.utf8)
        var i = 0
        func finish() {
            if !wasQuoted {
                while let last = current.last, last == 0x20 || last == 0x09 { current.removeLast() }
                let blanks = current.prefix { $0 == 0x20 || $0 == 0x09 }.count
                if blanks > 0 { current.removeFirst(blanks) }
            }
            values.append(String(decoding: current, as: UTF8.self))
            current = []
            wasQuoted = false
        }
        while i < bytes.count {
            let byte = bytes[i]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                        current.append(byte)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(byte)
                }
            } else if byte == separator {
                finish()
            } else if byte == UInt8(ascii: "\""), current.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                current = []
                quoted = true
                wasQuoted = true
            } else if wasQuoted, byte == 0x20 || byte == 0x09 {
                // Spaces after a closing quote.
            } else {
                current.append(byte)
            }
            i += 1
        }
        finish()
        return values
    }

    private func required(_ field: EntryFormat.Field, in record: EntryFormat.Record) -> Bool {
        guard record == .entry else { return field.spec.required }
        switch field.role {
        case .label: return preferences.labelRequired
        case .piece: return preferences.pieceRequired
        // What an entry cannot be without, whatever the page's Présence column (ComptaFixe's has none).
        case .journal, .date, .account, .amount: return true
        default: return field.spec.required
        }
    }

    private func check(_ value: String, _ field: EntryFormat.Field, in record: EntryFormat.Record) -> String? {
        let spec = field.spec
        if value.isEmpty { return required(field, in: record) ? Messages.missingField(spec.name) : nil }
        // Lengths count UTF-16 code units, as Delphi's Length does (spec §5).
        if spec.type.isText || spec.type == .unlimitedText, let max = spec.maxLength, value.utf16.count > max {
            return Messages.tooLong(spec.name, max)
        }
        // « maximum 20 caractères » (GestimumComptaFixe's page): no format writes a longer amount.
        if spec.type == .amount, value.utf16.count > EntryAmount.maxLength { return Messages.tooLong(spec.name, EntryAmount.maxLength) }
        switch spec.type {
        case .date:
            let forms = format.dates(of: record)
            if EntryDate.read(value, forms: forms) == nil {
                return Messages.badEntryDate(value, spec.name, forms.map(\.rawValue))
            }
        case .amount, .decimal:
            if EntryAmount.read(value) == nil { return Messages.badCustomValue(value, spec.name, Messages.TypeName.decimal) }
        case .number, .integer:
            if !ValueSyntax.isInteger(Substring(value)) { return Messages.badCustomValue(value, spec.name, Messages.TypeName.integer) }
        default: break
        }
        if let allowed = spec.values, !allowed.contains(value.uppercased()) { return Messages.badValue(value, spec.name) }
        return nil
    }

    private func normalized(_ value: String, _ type: FieldType, forms: [EntryFormat.DateForm]) -> String {
        switch type {
        case .date: return EntryDate.read(value, forms: forms) ?? value
        case .amount: return EntryAmount.read(value).map(EntryAmount.text) ?? value
        default: return value
        }
    }
}
