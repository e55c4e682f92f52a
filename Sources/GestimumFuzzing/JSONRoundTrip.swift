import GestimumEmulator

/// The `json` fuzz property: whatever ``JSONParser`` accepts, ``DataSnapJSONWriter``
/// writes as ASCII that parses back to the same value, key order included;
/// whatever it rejects, it rejects at an offset inside the input; and the
/// nesting limit holds exactly (a value nested to the limit is accepted, one
/// level more is refused, never a stack overflow).
public enum JSONRoundTrip {
    /// What is wrong with the parser and writer on `input`, or nil.
    public static func check(_ input: [UInt8]) -> String? {
        let value: JSONValue
        do {
            value = try JSONParser.parse(input)
        } catch {
            guard (0...input.count).contains(error.offset) else {
                return "rejected at offset \(error.offset), outside the \(input.count) bytes of input"
            }
            return nil
        }
        let depth = nestingDepth(value)
        guard depth <= JSONParser.maximumDepth else {
            return "accepted a value nested \(depth) deep; the limit is \(JSONParser.maximumDepth)"
        }
        let written = DataSnapJSONWriter.bytes(value)
        if let offset = written.firstIndex(where: { $0 >= 0x80 }) {
            return "the wire text is not ASCII at byte \(offset): \(FuzzText.excerpt(written))"
        }
        let reparsed: JSONValue
        do {
            reparsed = try JSONParser.parse(written)
        } catch {
            return "the wire text \(FuzzText.excerpt(written)) is rejected at offset \(error.offset)"
        }
        // Byte for byte: `==` on strings is canonical equivalence, which would hide a normalisation.
        guard reparsed == value, DataSnapJSONWriter.bytes(reparsed) == written else {
            return "writing and parsing again changed the value: \(FuzzText.excerpt(input)) became \(FuzzText.excerpt(written))"
        }
        return depthLimitHolds(around: input, depth: depth)
    }

    /// Wraps the accepted input in arrays up to the limit (accepted) and one beyond (refused).
    private static func depthLimitHolds(around input: [UInt8], depth: Int) -> String? {
        let toLimit = JSONParser.maximumDepth - depth
        let atLimit = [UInt8](repeating: UInt8(ascii: "["), count: toLimit) + input
            + [UInt8](repeating: UInt8(ascii: "]"), count: toLimit)
        if (try? JSONParser.parse(atLimit)) == nil {
            return "a value nested exactly \(JSONParser.maximumDepth) deep is refused"
        }
        let beyond = [UInt8(ascii: "[")] + atLimit + [UInt8(ascii: "]")]
        if (try? JSONParser.parse(beyond)) != nil {
            return "a value nested \(JSONParser.maximumDepth + 1) deep is accepted"
        }
        return nil
    }

    /// Arrays and objects count one level each; scalars none.
    static func nestingDepth(_ value: JSONValue) -> Int {
        switch value {
        case .null, .bool, .number, .string: return 0
        case let .array(elements): return 1 + (elements.map(nestingDepth).max() ?? 0)
        case let .object(pairs): return 1 + (pairs.map { nestingDepth($0.value) }.max() ?? 0)
        }
    }
}
