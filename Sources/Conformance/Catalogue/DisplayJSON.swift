import GestimumEmulator

/// JSON written for readers of the catalogue: compact, key order kept, text
/// in UTF-8, and every character a reader could not see escaped (`\n`,
/// `\u00A0`, `\u200B`, …), so two values that differ never look the same.
enum DisplayJSON {
    /// One line. A `journal` array of strings is written `[…]` when
    /// `elidingJournal` is set, as it is shown on its own.
    static func compact(_ value: JSONValue, elidingJournal: Bool = false) -> String {
        switch value {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return n
        case let .string(s): return quote(s)
        case let .array(elements):
            return "[" + elements.map { compact($0, elidingJournal: elidingJournal) }.joined(separator: ",") + "]"
        case let .object(pairs):
            let members = pairs.map { pair in
                let shown = elidingJournal && Journal.lines(of: pair.key, pair.value) != nil
                    ? "[…]" : compact(pair.value, elidingJournal: elidingJournal)
                return quote(pair.key) + ":" + shown
            }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal with invisible characters escaped.
    static func quote(_ s: String) -> String {
        JSONPrettyWriter.quote(s, alsoEscaping: isInvisible)
    }

    /// Control, format and separator characters other than the ordinary space.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned: return true
        case .spaceSeparator: return scalar != " "
        default: return false
        }
    }

    /// Where a response keeps its journal.
    enum Journal {
        /// The lines when `key` is `journal` and `value` an array of strings.
        static func lines(of key: String, _ value: JSONValue) -> [String]? {
            guard key == "journal", let array = value.arrayValue else { return nil }
            let lines = array.compactMap(\.stringValue)
            return lines.count == array.count ? lines : nil
        }

        /// Every journal in the value, in document order.
        static func all(in value: JSONValue) -> [[String]] {
            switch value {
            case let .array(elements): return elements.flatMap(all)
            case let .object(pairs):
                return pairs.flatMap { pair in lines(of: pair.key, pair.value).map { [$0] } ?? all(in: pair.value) }
            default: return []
            }
        }
    }
}
