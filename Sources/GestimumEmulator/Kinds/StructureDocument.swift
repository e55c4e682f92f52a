/// The import structures for people and tools (R11): the JSON of
/// `gestimum imports --json`, the text tables of `gestimum imports`, and
/// `docs/imports.md`, all from the same ``ImportCatalog``.
public enum StructureDocument {
    /// One kind in R11's shape: figures from its help page, `fields` without the `XXX_` row.
    public static func json(_ kind: ImportKind) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("domain", .string(kind.domain)),
            ("route", .string(kind.route)),
            ("root", .string(kind.root)),
            ("array", .string(kind.array)),
            ("task", .string(kind.task)),
            ("erp_min", .number(String(kind.erpMin))),
            ("parameters", .array(kind.parameters.map(JSONValue.string))),
            ("update_key", .array(kind.updateKey.map(JSONValue.string))),
            ("custom_fields", .bool(kind.customFields)),
            ("fixed_order", .bool(kind.fixedOrder)),
            ("source", .string(kind.source)),
            ("fields", .array(kind.fields.map(json))),
        ]
        if let formats = kind.document["formats"] { pairs.append(("formats", formats)) }
        return .object(pairs)
    }

    static func json(_ field: FieldSpec) -> JSONValue {
        .object([
            ("name", .string(field.name)),
            ("type", .string(field.typeText)),
            ("max_length", field.maxLength.map { .number(String($0)) } ?? .null),
            ("required", .bool(field.required)),
            ("values", field.values.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("order", field.order.map { .number(String($0)) } ?? .null),
            ("reference", field.reference.map(JSONValue.string) ?? .null),
        ])
    }

    /// Every kind, in domain order.
    public static func json(_ catalog: ImportCatalog) -> JSONValue {
        .array(catalog.kinds.map(json))
    }

    /// What the emulator does with a kind, in a few words.
    public static func status(_ kind: ImportKind) -> String {
        kind.particulars.emulated ? "emulated" : "structure only"
    }

    /// `gestimum imports`: one line per import.
    public static func listing(_ catalog: ImportCatalog) -> String {
        let rows = catalog.kinds.map { kind in
            [kind.domain, kind.route, kind.task, String(kind.erpMin), String(kind.fields.count),
             kind.engineKey.isEmpty ? "-" : kind.engineKey.joined(separator: "+"), status(kind)]
        }
        return table(["import", "route", "task", "ERP", "fields", "update key", "status"], rows)
            + "\n\(catalog.kinds.count) imports; `gestimum imports DOMAIN` shows one structure, --json as data.\n"
    }

    /// `gestimum imports DOMAIN`: the import's keys and its structure.
    public static func detail(_ kind: ImportKind) -> String {
        var lines = [
            "\(kind.domain): POST \(kind.route)",
            "  body: {\"\(kind.root)\": {\"societe\": …, \"parametres\": {…, \"\(kind.array)\": [lines]}}}",
            "  task: \(kind.task), ERP \(kind.erpMin) or later, \(status(kind))",
            "  parameters of its own: \(kind.parameters.isEmpty ? "none" : kind.parameters.joined(separator: ", "))",
        ]
        if kind.particulars.entryFormats.isEmpty {
            lines += [
                "  update key: \(keyText(kind))",
                "  custom fields (XXX_…): \(kind.customFields ? "yes" : "no"); field order \(kind.fixedOrder ? "given by the help (not enforced, D70)" : "free")",
            ]
        } else {
            lines += [
                "  entries: lines in the layout `format` names; one journal, date and piece make an entry, imported whole or not at all (behaviour §12, D81)",
                "  formats: " + kind.particulars.entryFormats.map { "\($0.name) (\($0.layout.rawValue))" }.joined(separator: ", "),
                "  below: the GestimumComptaVariable entry line; every format's records are in --json and docs/imports.md",
            ]
        }
        lines += ["  help: \(kind.source)", ""]
        let rows = kind.fields.map { field in
            [field.name, field.typeText, field.maxLength.map(String.init) ?? "-", field.required ? "yes" : "",
             field.values?.joined(separator: " ") ?? "", field.reference ?? "", field.order.map(String.init) ?? ""]
        }
        lines.append(table(["field", "type", "max", "required", "allowed codes", "reference", "order"], rows))
        return lines.joined(separator: "\n")
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let line = { (cells: [String]) in
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// `docs/imports.md`: a summary, then one section per import with its help page and fields.
    public static func markdown(_ catalog: ImportCatalog) -> String {
        var out = """
            # The imports of Gestimum Web Service 2

            Generated by `gestimum imports --markdown` from `Sources/GestimumEmulator/Resources/Imports/`, \
            one file per import transcribed from the public Gestimum help (GitHub repository \
            `karla-dedeler/aide-en-ligne`, folder `docs/`; each section names its pages). Do not edit by \
            hand: CI fails when this file is stale. Figures (names, types, lengths, presence, codes, keys) \
            are the help's; *reference* (which other records a field must name) and the notes are the \
            emulator's reading, each decision in [decisions.md](decisions.md).

            Every import is `POST /api/rest/{import}/%22Importer%22` with the body \
            `{"{root}": {"societe": …, "parametres": {…, "{array}": [lines]}}}`; the shared parameters \
            and their rules are the contact import's ([behaviour.md](behaviour.md) §2).

            | import | root key | lines key | task | ERP | fields | update key | status |
            |---|---|---|---|---|---|---|---|

            """
        for kind in catalog.kinds {
            let key = kind.engineKey.isEmpty ? "–" : kind.engineKey.map { "`\($0)`" }.joined(separator: " + ")
            out += "| [\(kind.domain)](#\(kind.domain.lowercased())) | `\(kind.root)` | `\(kind.array)` | \(kind.task) | \(kind.erpMin) "
                + "| \(kind.fields.count) | \(key) | \(status(kind)) |\n"
        }
        for kind in catalog.kinds {
            out += "\n## \(kind.domain)\n\n"
            out += "- Route: `POST \(kind.route)`; root `\(kind.root)`, lines `\(kind.array)`; task `\(kind.task)`; ERP \(kind.erpMin) or later.\n"
            out += "- Its own parameters: \(kind.parameters.isEmpty ? "none" : kind.parameters.map { "`\($0)`" }.joined(separator: ", ")).\n"
            if kind.particulars.entryFormats.isEmpty {
                out += "- Update key: \(keyText(kind, code: true)) (help: `\(kind.updateKeySource)`).\n"
                out += "- Custom fields (`XXX_…`): \(kind.customFields ? "yes" : "no"). Field order: \(kind.fixedOrder ? "the help says it must be respected; columns are still matched by name (D70)" : "free").\n"
            } else {
                out += "- Entries: the lines are read in the layout of the `format` parameter, by position (no header, no field names); "
                    + "consecutive entry lines of one journal, date and piece number form an entry, imported whole or not at all; "
                    + "the journal holds the import report instead of the counts (behaviour §12, D81). The table below is the "
                    + "`GestimumComptaVariable` entry line; every format's records follow it.\n"
            }
            out += "- Help: structure `\(kind.source)`, request `\(kind.requestPage)`.\n"
            out += "- Emulator: \(status(kind))\(notes(kind)).\n\n"
            out += "| # | field | type | max length | required | allowed codes | reference |\n|---|---|---|---|---|---|---|\n"
            for (i, field) in kind.fields.enumerated() {
                let codes = field.values.map { $0.map { "`\($0.replacingOccurrences(of: "|", with: "\\|"))`" }.joined(separator: " ") } ?? ""
                let from = field.source.map { " (from `\($0)`)" } ?? ""
                out += "| \(field.order ?? i + 1) | `\(field.name)`\(from) | \(field.typeText) | \(field.maxLength.map(String.init) ?? "") "
                    + "| \(field.required ? "yes" : "") | \(codes) | \(field.reference ?? "") |\n"
            }
            if !kind.particulars.entryFormats.isEmpty {
                out += "\nFormats (`format` parameter) and the records each defines:\n\n"
                for format in kind.particulars.entryFormats {
                    let records = EntryFormat.Record.allCases.compactMap { record in format.records[record].map { "\(record.rawValue) (\($0.count) fields)" } }
                    out += "- `\(format.name)`: \(format.layout.rawValue) width, \(records.joined(separator: ", ")); `\(format.source)`\n"
                }
                for format in kind.particulars.entryFormats { out += entryFormatSection(format) }
            }
        }
        return out
    }

    /// One entries format: its date forms, then each record's fields with their meaning and, for fixed widths, their positions.
    private static func entryFormatSection(_ format: EntryFormat) -> String {
        var out = "\n### Format \(format.name)\n\n"
        out += "- Layout: \(format.layout == .fixed ? "fixed width" : "values separated by `\(format.separator.map { String(UnicodeScalar($0)) } ?? "")`, text optionally in double quotes")"
            + "; dates \(format.dates.map { "`\($0.rawValue)`" }.joined(separator: ", "))"
            + format.recordDates.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "; \($0.key.rawValue) dates \($0.value.map { "`\($0.rawValue)`" }.joined(separator: ", "))" }.joined()
            + " (D81).\n- An account the import creates is labelled `\(format.createdAccountLabel)` unless an accounts file names it.\n"
        if format.records[.dueDate] != nil { out += "- A line starting with `E` is a due-date line, with `>` an analytic line; they belong to the entry line before them.\n" }
        for record in EntryFormat.Record.allCases {
            guard let fields = format.records[record] else { continue }
            out += "\n\(record.rawValue):\n\n| # | field | meaning | type | max length | required | position |\n|---|---|---|---|---|---|---|\n"
            for (i, field) in fields.enumerated() {
                let position = field.start.map { start in "\(start)–\(start + (field.length ?? 1) - 1)" } ?? (format.layout == .fixed ? "not read" : "")
                out += "| \(i + 1) | \(field.spec.name) | \(field.role?.rawValue ?? "checked, not kept") | \(field.spec.typeText) "
                    + "| \(field.spec.maxLength.map(String.init) ?? "") | \(field.spec.required ? "yes" : "") | \(position) |\n"
            }
        }
        return out
    }

    /// The key the engine updates by, and the help's where they differ.
    static func keyText(_ kind: ImportKind, code: Bool = false) -> String {
        let show = { (names: [String]) in names.map { code ? "`\($0)`" : $0 }.joined(separator: " + ") }
        let engine = kind.engineKey.isEmpty ? "none: every line creates a record" : show(kind.engineKey)
        guard kind.particulars.key != nil else { return engine }
        let help = kind.updateKey.isEmpty ? "names none" : "names \(show(kind.updateKey))"
        return "\(engine) (the help \(help); D72)"
    }

    /// The kind's particulars, as a clause.
    private static func notes(_ kind: ImportKind) -> String {
        var notes: [String] = []
        let p = kind.particulars
        if let numbering = p.numbering { notes.append("records numbered by the company (`\(numbering.field)`, \(numbering.length) digits)") }
        if !p.successLine { notes.append("no success line in the journal, as the help's example") }
        switch p.finishedLine {
        case .standard: break
        case .bare: notes.append("the journal's task line has no `terminée`, as the help's example")
        case .unspaced: notes.append("the journal's task line has no space before `terminée`, as the help's example")
        }
        for warning in p.warnings {
            switch warning {
            case .bban: notes.append("a BBAN warning for each French account whose RIB key does not match (D73)")
            case .currencyRate: notes.append("a warning for each line setting the rate or its date, which are not stored (D73)")
            }
        }
        if p.replacesOnUpdate { notes.append("an update replaces the whole record, as the help says") }
        for group in p.oneOf { notes.append("one of \(group.map { "`\($0)`" }.joined(separator: ", ")) is enough, as the help's footnote says") }
        if !p.relaxed.isEmpty { notes.append("\(p.relaxed.sorted().map { "`\($0)`" }.joined(separator: ", ")) not required, as the help's example (D72)") }
        if let codes = p.accountCodes {
            let roots = codes.roots.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            notes.append("`calculer_code_tiers` / `calculer_numero_compte` compute an empty `\(codes.code)` / `\(codes.number)` from the account root (\(roots)) (D78)")
        }
        if let rules = p.documents {
            let prefixes = rules.prefixes.sorted { $0.key < $1.key }.map { "\($0.key) `\($0.value)`" }.joined(separator: ", ")
            notes.append("lines grouped into documents, a new one at each change of \(rules.groupBy.map { "`\($0)`" }.joined(separator: ", ")); numbered by prefix (\(prefixes)) (behaviour §11, D79, D80)")
        }
        if let key = p.stateKey { notes.append("records under `\(key)` in fixtures and state") }
        return notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")
    }
}

import Foundation
