/// Reads a ``JSONValue`` document into typed values, collecting every
/// problem with the JSON path it is at (`fixture.societes[0].utilisateurs[1].code`),
/// in words a person can act on. Fixtures, scenario clocks and the control
/// API's documents are all read with it: one JSON model, no Codable detour.
public final class JSONReader {
    /// Every problem found so far, each `path: sentence`.
    public private(set) var problems: [String] = []

    public init() {}

    /// Records a problem at `path`.
    public func fail(_ path: String, _ sentence: String) {
        problems.append(path.isEmpty ? sentence : "\(path): \(sentence)")
    }

    /// `path.key`, or `key` at the root.
    public static func path(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// `path[index]`.
    public static func path(_ path: String, _ index: Int) -> String { "\(path)[\(index)]" }

    /// The object's pairs; a problem when it is not an object or has a key outside `keys`.
    public func object(_ value: JSONValue, at path: String, keys: [String]) -> [(key: String, value: JSONValue)]? {
        guard case let .object(pairs) = value else {
            fail(path, "must be an object, not \(Self.describe(value))")
            return nil
        }
        var seen: Set<String> = []
        for pair in pairs {
            if !keys.contains(pair.key) {
                fail(Self.path(path, pair.key), "unknown key (expected \(Self.list(keys)))")
            } else if !seen.insert(pair.key).inserted {
                fail(Self.path(path, pair.key), "given twice")
            }
        }
        return pairs
    }

    public func string(_ value: JSONValue, at path: String) -> String? {
        if case let .string(text) = value { return text }
        fail(path, "must be a string, not \(Self.describe(value))")
        return nil
    }

    public func bool(_ value: JSONValue, at path: String) -> Bool? {
        if case let .bool(flag) = value { return flag }
        fail(path, "must be true or false, not \(Self.describe(value))")
        return nil
    }

    /// A number within `range`.
    public func number(_ value: JSONValue, at path: String, in range: ClosedRange<Double>) -> Double? {
        guard case let .number(text) = value, let number = Double(text), number.isFinite else {
            fail(path, "must be a number, not \(Self.describe(value))")
            return nil
        }
        guard range.contains(number) else {
            fail(path, "must be from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), not \(text)")
            return nil
        }
        return number
    }

    /// A whole number within `range`.
    public func integer(_ value: JSONValue, at path: String, in range: ClosedRange<Int>) -> Int? {
        guard case let .number(text) = value, let number = Int(text) else {
            if case let .number(text) = value {
                fail(path, "must be a whole number, not \(text)")
            } else {
                fail(path, "must be a whole number, not \(Self.describe(value))")
            }
            return nil
        }
        guard range.contains(number) else {
            fail(path, "must be from \(range.lowerBound) to \(range.upperBound), not \(text)")
            return nil
        }
        return number
    }

    public func array(_ value: JSONValue, at path: String) -> [JSONValue]? {
        if case let .array(elements) = value { return elements }
        fail(path, "must be an array, not \(Self.describe(value))")
        return nil
    }

    /// An array of strings.
    public func strings(_ value: JSONValue, at path: String) -> [String]? {
        guard let elements = array(value, at: path) else { return nil }
        let texts = elements.enumerated().compactMap { string($0.element, at: Self.path(path, $0.offset)) }
        return texts.count == elements.count ? texts : nil
    }

    /// A value for people: `a number (12)`, `the string "x"`, `an object`.
    public static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case let .bool(flag): return flag ? "true" : "false"
        case let .number(text): return "the number \(text)"
        case let .string(text): return "the string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    static func list(_ keys: [String]) -> String {
        keys.count == 1 ? keys[0] : keys.dropLast().joined(separator: ", ") + " or " + keys.last!
    }

    /// A number as JSON writes it: `5`, `0.5`.
    public static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
