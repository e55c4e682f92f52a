import GestimumEmulator

/// What a state scenario expects stored (`state.json`), as one table of
/// contacts per company. Columns are the fields holding a value in at least
/// one contact, in the document's order; a cell shows its value as written,
/// or as a JSON string when plain text would hide something (quotes, line
/// breaks, invisible characters, white space at either end).
struct StoredContacts {
    var state: JSONValue

    var markdown: [String] {
        let companies = state["societes"]?.arrayValue ?? []
        guard !companies.isEmpty else {
            return ["**Stored afterwards** (`state.json`): " + MarkdownText.code(DisplayJSON.compact(state))]
        }
        var blocks: [String] = []
        for (i, company) in companies.enumerated() {
            let path = company["fichier"]?.stringValue ?? "?"
            let contacts = (company["contacts"]?.arrayValue ?? []).map { $0.objectValue ?? [] }
            let label = (i == 0 ? "**Stored afterwards** (`state.json`) in " : "In ") + MarkdownText.code(path)
            guard !contacts.isEmpty else {
                blocks.append(label + ": no contacts.")
                continue
            }
            let columns = Self.columns(contacts)
            let hidden = Self.fieldCount(contacts) - columns.count
            var note = [MarkdownText.count(contacts.count, "contact")]
            if hidden > 0 { note.append("\(MarkdownText.count(hidden, "field")) empty in every contact left out") }
            blocks.append(label + " (\(note.joined(separator: "; "))):")
            blocks.append(Self.table(contacts, columns: columns))
        }
        return blocks
    }

    /// Fields with a non-empty value somewhere, in first-seen order.
    static func columns(_ contacts: [[(key: String, value: JSONValue)]]) -> [String] {
        var seen: [String] = []
        for contact in contacts {
            for pair in contact where !seen.contains(pair.key) && !isEmpty(pair.value) {
                seen.append(pair.key)
            }
        }
        // Keep the document's field order, not the order values first appear in.
        let order = contacts.flatMap { $0.map(\.key) }
        return seen.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
    }

    static func fieldCount(_ contacts: [[(key: String, value: JSONValue)]]) -> Int {
        Set(contacts.flatMap { $0.map(\.key) }).count
    }

    static func table(_ contacts: [[(key: String, value: JSONValue)]], columns: [String]) -> String {
        var lines = [MarkdownText.row(columns.map(MarkdownText.code)), "|" + String(repeating: "---|", count: columns.count)]
        let row: ([(key: String, value: JSONValue)]) -> String = { contact in
            MarkdownText.row(columns.map { column in cell(contact.first { $0.key == column }?.value) })
        }
        if contacts.count > LineBlock.head + LineBlock.tail {
            lines += contacts.prefix(LineBlock.head).map(row)
            lines.append(MarkdownText.row([LineBlock.marker(contacts.count - LineBlock.head - LineBlock.tail, "contact")]
                + Array(repeating: "", count: columns.count - 1)))
            lines += contacts.suffix(LineBlock.tail).map(row)
        } else {
            lines += contacts.map(row)
        }
        return lines.joined(separator: "\n")
    }

    /// Empty for an empty string or a missing field.
    static func cell(_ value: JSONValue?) -> String {
        guard let value, !isEmpty(value) else { return "" }
        guard let text = value.stringValue else { return MarkdownText.code(DisplayJSON.compact(value)) }
        return MarkdownText.code(needsQuotes(text) ? DisplayJSON.quote(text) : text)
    }

    static func needsQuotes(_ text: String) -> Bool {
        text.contains("\"") || text.first?.isWhitespace == true || text.last?.isWhitespace == true
            || text.unicodeScalars.contains(where: DisplayJSON.isInvisible)
    }

    static func isEmpty(_ value: JSONValue) -> Bool { value == .string("") || value == .null }
}
