/// One file format of the accounting-entries import (`GestimumComptaVariable`,
/// `EBPV3`, …), as data: how a line is cut into values, which record types it
/// holds and what each field means. Read from the `formats` block of
/// `Resources/Imports/Ecritures.json`, transcribed from the format's help page.
public struct EntryFormat: Sendable, Equatable {
    public enum Layout: String, Sendable {
        /// Values separated by a character, text optionally in double quotes.
        case variable
        /// Values at fixed positions.
        case fixed
    }

    /// The record types a file of entries can hold.
    public enum Record: String, Sendable, CaseIterable {
        /// An entry line (`E` in the report's legend).
        case entry
        /// A due-date line, starting with `E` (`H` in the legend).
        case dueDate = "due_date"
        /// An analytic line, starting with `>` (`S` in the legend).
        case analytic
        /// A line of the accounts file (`fichier_comptes`, EBP formats).
        case account
    }

    /// What a field means to the import, whatever the page calls it.
    public enum Role: String, Sendable {
        case lineNumber = "line_number", date, journal, account, autoLabel = "auto_label", label, piece, currency, amount, direction
        case lettering, dueDate = "due_date", quantity, paymentMode = "payment_mode", extraPiece = "extra_piece", reference
        case extraPieceDate = "extra_piece_date", vatNature = "vat_nature", debit, credit, accountLabel = "account_label"
        case section, sectionLabel = "section_label", recordType = "record_type", percent, externalNumber = "external_number"
        case plan, quantityPercent = "quantity_percent"
    }

    /// One field of a record, as its page prints it, with its meaning.
    public struct Field: Sendable, Equatable {
        public var spec: FieldSpec
        /// nil: read and checked, not kept (`N° de pointage`, an account's address).
        public var role: Role?
        /// 1-based position and width, for fixed layouts; nil for a field the line does not hold.
        public var start: Int?
        public var length: Int?
    }

    /// How a date may be written (the page's `Format` column): `JJMMAA`, `JJ/MM/AAAA`, `AAAAMMJJ`, …
    public enum DateForm: String, Sendable {
        case ddmmyy = "JJMMAA", ddmmyyyy = "JJMMAAAA", slashedShort = "JJ/MM/AA", slashedLong = "JJ/MM/AAAA", yyyymmdd = "AAAAMMJJ"
    }

    /// The `format` parameter's value.
    public var name: String
    /// The format's help page.
    public var source: String
    public var layout: Layout
    public var separator: UInt8?
    public var dates: [DateForm]
    /// A record type's own date forms, where its table differs from the format's (EBP due dates).
    public var recordDates: [Record: [DateForm]] = [:]
    public var records: [Record: [Field]]
    /// The label of an account the import creates when nothing else names it (the format's page).
    public var createdAccountLabel = ""

    /// The date forms of `record`'s fields.
    public func dates(of record: Record) -> [DateForm] { recordDates[record] ?? dates }

    /// The record type of a line: a due-date line starts with `E` and the
    /// digit of its date, an analytic line with `>`, in the formats that have
    /// them; every other line is an entry line (D81).
    public func record(of line: String) -> Record {
        if records[.dueDate] != nil, line.first == "E", line.dropFirst().first?.isASCII == true,
           line.dropFirst().first?.isNumber == true { return .dueDate }
        if records[.analytic] != nil, line.first == ">" { return .analytic }
        return .entry
    }

    /// How many lines of each record type a file holds (blank lines are none).
    public func recordCounts(_ lines: TextLines) -> [Record: Int] {
        var counts: [Record: Int] = [:]
        for i in 0..<lines.count where !EntryLineReader.isBlank(lines[i]) {
            counts[record(of: lines[i]), default: 0] += 1
        }
        return counts
    }

    /// The field of `record` with `role`, with its index.
    public func field(_ role: Role, of record: Record) -> (index: Int, field: Field)? {
        guard let fields = records[record], let index = fields.firstIndex(where: { $0.role == role }) else { return nil }
        return (index, fields[index])
    }

    /// Reads the `formats` object, in file order; problems go to `reader` with their path.
    static func readAll(_ value: JSONValue, _ reader: JSONReader) -> [EntryFormat] {
        guard case let .object(pairs) = value else {
            reader.fail("formats", "must be an object of formats")
            return []
        }
        return pairs.compactMap { read($0.value, name: $0.key, at: JSONReader.path("formats", $0.key), reader) }
    }

    private static func read(_ value: JSONValue, name: String, at path: String, _ reader: JSONReader) -> EntryFormat? {
        var format = EntryFormat(name: name, source: "", layout: .variable, separator: nil, dates: [], records: [:])
        func forms(_ value: JSONValue, at here: String) -> [DateForm] {
            (reader.strings(value, at: here) ?? []).enumerated().compactMap { i, text in
                if let form = DateForm(rawValue: text) { return form }
                reader.fail(JSONReader.path(here, i), "\"\(text)\" is not a date form")
                return nil
            }
        }
        let keys = ["source", "layout", "separator", "dates", "record_dates", "created_account_label", "records"]
        for (key, value) in reader.object(value, at: path, keys: keys) ?? [] {
            let here = JSONReader.path(path, key)
            switch key {
            case "source": format.source = reader.string(value, at: here) ?? ""
            case "layout":
                let text = reader.string(value, at: here) ?? ""
                if let layout = Layout(rawValue: text) { format.layout = layout } else { reader.fail(here, "\"\(text)\" is not variable or fixed") }
            case "separator":
                if value != .null { format.separator = reader.string(value, at: here)?.utf8.first }
            case "dates": format.dates = forms(value, at: here)
            case "created_account_label": format.createdAccountLabel = reader.string(value, at: here) ?? ""
            case "record_dates":
                for (type, list) in value.objectValue ?? [] {
                    guard let record = Record(rawValue: type) else {
                        reader.fail(JSONReader.path(here, type), "\"\(type)\" is not a record type")
                        continue
                    }
                    format.recordDates[record] = forms(list, at: JSONReader.path(here, type))
                }
            default:
                guard case let .object(records) = value else {
                    reader.fail(here, "must be an object of record types")
                    continue
                }
                for (type, fields) in records {
                    let at = JSONReader.path(here, type)
                    guard let record = Record(rawValue: type) else {
                        reader.fail(at, "\"\(type)\" is not entry, due_date, analytic or account")
                        continue
                    }
                    format.records[record] = (reader.array(fields, at: at) ?? []).enumerated().compactMap {
                        readField($0.element, at: JSONReader.path(at, $0.offset), fixed: format.layout == .fixed, reader)
                    }
                }
            }
        }
        if format.records[.entry] == nil { reader.fail(JSONReader.path(path, "records"), "has no entry record") }
        if format.layout == .variable, format.separator == nil { reader.fail(JSONReader.path(path, "separator"), "missing") }
        if format.dates.isEmpty { reader.fail(JSONReader.path(path, "dates"), "missing") }
        if format.createdAccountLabel.isEmpty { reader.fail(JSONReader.path(path, "created_account_label"), "missing") }
        return format
    }

    private static func readField(_ value: JSONValue, at path: String, fixed: Bool, _ reader: JSONReader) -> Field? {
        let keys = ["name", "type", "max_length", "required", "values", "order", "reference", "role", "start", "length"]
        guard let pairs = reader.object(value, at: path, keys: keys) else { return nil }
        var field = Field(spec: FieldSpec(name: "", typeText: "", type: .other, maxLength: nil, required: false, values: nil, order: nil,
                                          reference: nil, source: nil, missing: nil, unknown: nil), role: nil, start: nil, length: nil)
        for (key, value) in pairs where value != .null {
            let here = JSONReader.path(path, key)
            switch key {
            case "name": field.spec.name = reader.string(value, at: here) ?? ""
            case "type":
                field.spec.typeText = reader.string(value, at: here) ?? ""
                field.spec.type = FieldType(printed: field.spec.typeText)
            case "max_length": field.spec.maxLength = reader.integer(value, at: here, in: 1...1000)
            case "required": field.spec.required = reader.bool(value, at: here) ?? false
            case "values": field.spec.values = reader.strings(value, at: here)
            case "order": field.spec.order = reader.integer(value, at: here, in: 1...100)
            case "role":
                let text = reader.string(value, at: here) ?? ""
                if let role = Role(rawValue: text) { field.role = role } else { reader.fail(here, "\"\(text)\" is not a known role") }
            case "start": field.start = reader.integer(value, at: here, in: 1...1000)
            case "length": field.length = reader.integer(value, at: here, in: 1...1000)
            default: break
            }
        }
        if field.spec.name.isEmpty { reader.fail(JSONReader.path(path, "name"), "missing") }
        if fixed, (field.start == nil) != (field.length == nil) { reader.fail(path, "a fixed field has both start and length, or neither") }
        return field
    }
}
