/// Writes JSON for people: two-space indentation, key order kept, text in
/// UTF-8 (only `"`, `\` and control characters escaped). Goldens and
/// `state.json` use it; the wire uses ``DataSnapJSONWriter``.
public enum JSONPrettyWriter {
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", into: &out)
        return out + "\n"
    }

    /// One line, no spaces: for diagnostics.
    public static func compact(_ value: JSONValue) -> String {
        switch value {
        case let .array(elements): return "[" + elements.map(compact).joined(separator: ",") + "]"
        case let .object(pairs): return "{" + pairs.map { quote($0.key) + ":" + compact($0.value) }.joined(separator: ",") + "}"
        default: var out = ""; write(value, indent: "", into: &out); return out
        }
    }

    private static func write(_ value: JSONValue, indent: String, into out: inout String) {
        switch value {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += n
        case let .string(s): out += quote(s)
        case let .array(elements):
            if elements.isEmpty { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (i, element) in elements.enumerated() {
                out += inner
                write(element, indent: inner, into: &out)
                out += i + 1 < elements.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case let .object(pairs):
            if pairs.isEmpty { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (i, pair) in pairs.enumerated() {
                out += inner + quote(pair.key) + ": "
                write(pair.value, indent: inner, into: &out)
                out += i + 1 < pairs.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    /// A JSON string literal; control characters, and any scalar `alsoEscaping`
    /// picks, as `\uXXXX` (uppercase hex, surrogate pairs beyond the BMP).
    public static func quote(_ s: String, alsoEscaping: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || alsoEscaping(scalar):
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
