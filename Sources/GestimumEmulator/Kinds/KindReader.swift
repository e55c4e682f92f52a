/// Reads one `Resources/Imports/{Domain}.json` into an ``ImportKind``.
enum KindReader {
    static let keys = ["domain", "root", "array", "task", "erp_min", "parameters", "update_key", "custom_fields", "fixed_order",
                       "source", "request_page", "update_key_source", "fields", "formats", "engine"]
    static let fieldKeys = ["name", "type", "max_length", "required", "values", "order", "reference", "source", "missing", "unknown"]
    static let engineKeys = ["emulated", "numbering", "success_line", "finished_line", "warnings", "table", "replace_on_update", "relaxed", "state_key", "key", "one_of", "account_codes", "documents"]

    static func read(_ json: JSONValue, file: String) throws -> ImportKind {
        let reader = JSONReader()
        var values: [String: JSONValue] = [:]
        for (key, value) in reader.object(json, at: "", keys: keys) ?? [] { values[key] = value }
        func string(_ key: String) -> String {
            guard let value = values[key] else { reader.fail(key, "missing"); return "" }
            return reader.string(value, at: key) ?? ""
        }
        func flag(_ key: String) -> Bool {
            guard let value = values[key] else { reader.fail(key, "missing"); return false }
            return reader.bool(value, at: key) ?? false
        }
        func strings(_ key: String) -> [String] {
            guard let value = values[key] else { reader.fail(key, "missing"); return [] }
            return reader.strings(value, at: key) ?? []
        }
        let domain = string("domain")
        var fields: [FieldSpec] = []
        for (i, element) in (values["fields"].flatMap { reader.array($0, at: "fields") } ?? []).enumerated() {
            if let field = readField(element, at: JSONReader.path("fields", i), reader) { fields.append(field) }
        }
        if values["fields"] == nil { reader.fail("fields", "missing") }
        var particulars = ImportKind.Particulars(table: domain.uppercased())
        if let engine = values["engine"] { readEngine(engine, into: &particulars, reader) }
        if let formats = values["formats"] { particulars.entryFormats = EntryFormat.readAll(formats, reader) }
        // The first field, when required, is the record's code (`Code manquant`); a document's is its sub-type.
        if let first = fields.first, first.required, first.missing == nil, particulars.documents == nil, particulars.entryFormats.isEmpty { fields[0].missing = .code }
        let erp = values["erp_min"].flatMap { reader.integer($0, at: "erp_min", in: 1...99) } ?? 0
        if values["erp_min"] == nil { reader.fail("erp_min", "missing") }
        let kind = ImportKind(
            domain: domain, root: string("root"), array: string("array"), task: string("task"), erpMin: erp,
            parameters: strings("parameters"), updateKey: strings("update_key"), customFields: flag("custom_fields"),
            fixedOrder: flag("fixed_order"), source: string("source"), requestPage: string("request_page"),
            updateKeySource: string("update_key_source"), fields: fields, particulars: particulars, document: json)
        for key in kind.engineKey where kind.field(named: key) == nil && kind.particulars.numbering?.field != key {
            reader.fail(kind.particulars.key == nil ? "update_key" : "engine.key", "\(key) is not one of the fields")
        }
        for group in kind.particulars.oneOf {
            for name in group where kind.field(named: name) == nil { reader.fail("engine.one_of", "\(name) is not one of the fields") }
        }
        guard reader.problems.isEmpty else { throw KindError(file: file, problems: reader.problems) }
        return kind
    }

    private static func readField(_ value: JSONValue, at path: String, _ reader: JSONReader) -> FieldSpec? {
        guard let pairs = reader.object(value, at: path, keys: fieldKeys) else { return nil }
        var field = FieldSpec(name: "", typeText: "", type: .other, maxLength: nil, required: false, values: nil,
                              order: nil, reference: nil, source: nil, missing: nil, unknown: nil)
        for (key, value) in pairs {
            let here = JSONReader.path(path, key)
            let isNull = value == .null
            switch key {
            case "name": field.name = reader.string(value, at: here) ?? ""
            case "type":
                field.typeText = reader.string(value, at: here) ?? ""
                field.type = FieldType(printed: field.typeText)
            case "max_length": if !isNull { field.maxLength = reader.integer(value, at: here, in: 1...1_000_000) }
            case "required": field.required = reader.bool(value, at: here) ?? false
            case "values": if !isNull { field.values = reader.strings(value, at: here) }
            case "order": if !isNull { field.order = reader.integer(value, at: here, in: 1...1000) }
            case "reference": if !isNull { field.reference = reader.string(value, at: here) }
            case "source": if !isNull { field.source = reader.string(value, at: here) }
            case "missing":
                let text = reader.string(value, at: here) ?? ""
                field.missing = FieldSpec.MissingMessage(rawValue: text)
                if field.missing == nil { reader.fail(here, "\"\(text)\" is not code or name") }
            case "unknown":
                let text = reader.string(value, at: here) ?? ""
                field.unknown = FieldSpec.MissingMessage(rawValue: text)
                if field.unknown == nil { reader.fail(here, "\"\(text)\" is not code or name") }
            default: break
            }
        }
        if field.name.isEmpty { reader.fail(JSONReader.path(path, "name"), "missing") }
        return field
    }

    private static func readEngine(_ value: JSONValue, into particulars: inout ImportKind.Particulars, _ reader: JSONReader) {
        for (key, value) in reader.object(value, at: "engine", keys: engineKeys) ?? [] {
            let here = JSONReader.path("engine", key)
            switch key {
            case "emulated": particulars.emulated = reader.bool(value, at: here) ?? true
            case "success_line": particulars.successLine = reader.bool(value, at: here) ?? true
            case "key": particulars.key = reader.strings(value, at: here)
            case "one_of":
                particulars.oneOf = (reader.array(value, at: here) ?? []).enumerated().compactMap {
                    reader.strings($0.element, at: JSONReader.path(here, $0.offset))?.map { $0.uppercased() }
                }
            case "state_key": particulars.stateKey = reader.string(value, at: here)
            case "relaxed": particulars.relaxed = Set((reader.strings(value, at: here) ?? []).map { $0.uppercased() })
            case "replace_on_update": particulars.replacesOnUpdate = reader.bool(value, at: here) ?? false
            case "table": particulars.table = reader.string(value, at: here) ?? particulars.table
            case "finished_line":
                let text = reader.string(value, at: here) ?? ""
                if let line = ImportKind.Particulars.FinishedLine(rawValue: text) { particulars.finishedLine = line } else {
                    reader.fail(here, "\"\(text)\" is not standard, bare or unspaced")
                }
            case "warnings":
                for (i, text) in (reader.strings(value, at: here) ?? []).enumerated() {
                    if let warning = ImportKind.Particulars.Warning(rawValue: text) { particulars.warnings.append(warning) } else {
                        reader.fail(JSONReader.path(here, i), "\"\(text)\" is not a known warning")
                    }
                }
            case "account_codes":
                var codes = AccountCodes(number: "", code: "", type: "", roots: [:])
                for (key, value) in reader.object(value, at: here, keys: ["number", "code", "type", "roots"]) ?? [] {
                    let at = JSONReader.path(here, key)
                    switch key {
                    case "number": codes.number = reader.string(value, at: at) ?? ""
                    case "code": codes.code = reader.string(value, at: at) ?? ""
                    case "type": codes.type = reader.string(value, at: at) ?? ""
                    default:
                        guard case let .object(pairs) = value, !pairs.isEmpty else {
                            reader.fail(at, "must be an object of account types and roots")
                            continue
                        }
                        for (type, root) in pairs {
                            codes.roots[type.uppercased()] = reader.string(root, at: JSONReader.path(at, type)) ?? ""
                        }
                    }
                }
                particulars.accountCodes = codes
            case "documents":
                var rules = DocumentRules(family: .sales, prefixes: [:], groupBy: [], linesFrom: "", quantity: "", priceFromArticle: nil)
                for (key, value) in reader.object(value, at: here, keys: ["family", "prefixes", "group_by", "lines_from", "quantity", "price_from_article", "delivery_dates", "third_parties"]) ?? [] {
                    let at = JSONReader.path(here, key)
                    switch key {
                    case "family":
                        let text = reader.string(value, at: at) ?? ""
                        if let family = DocumentRules.Family(rawValue: text) { rules.family = family } else {
                            reader.fail(at, "\"\(text)\" is not vente, achat or stock")
                        }
                    case "prefixes":
                        guard case let .object(pairs) = value, !pairs.isEmpty else {
                            reader.fail(at, "must be an object of sub-types and prefixes")
                            continue
                        }
                        for (subtype, prefix) in pairs { rules.prefixes[subtype] = reader.string(prefix, at: JSONReader.path(at, subtype)) ?? "" }
                    case "group_by": rules.groupBy = (reader.strings(value, at: at) ?? []).map { $0.uppercased() }
                    case "lines_from": rules.linesFrom = (reader.string(value, at: at) ?? "").uppercased()
                    case "quantity": rules.quantity = (reader.string(value, at: at) ?? "").uppercased()
                    case "delivery_dates": rules.deliveryDates = (reader.strings(value, at: at) ?? []).map { $0.uppercased() }
                    case "third_parties": rules.thirdParties = reader.strings(value, at: at) ?? []
                    default: rules.priceFromArticle = reader.string(value, at: at)?.uppercased()
                    }
                }
                particulars.documents = rules
            case "numbering":
                var numbering = ImportKind.Numbering(field: "", length: 0)
                for (key, value) in reader.object(value, at: here, keys: ["field", "length"]) ?? [] {
                    if key == "field" { numbering.field = reader.string(value, at: JSONReader.path(here, key)) ?? "" }
                    if key == "length" { numbering.length = reader.integer(value, at: JSONReader.path(here, key), in: 1...18) ?? 10 }
                }
                particulars.numbering = numbering
            default: break
            }
        }
    }
}
