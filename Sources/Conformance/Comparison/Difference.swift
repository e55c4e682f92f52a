import GestimumEmulator

/// One way an answer differs from what was expected. A comparison returns
/// these (or none); reporters decide how to show them.
public struct Difference: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case status, contentType, body, journal, state, invariant, missingGolden
    }

    /// The step (1-based); 0 for the scenario's final state.
    public var step: Int
    public var kind: Kind
    /// A JSON path such as `$.result[0].statistiques.nombre_lignes_importées`.
    public var path: String
    /// What was expected, as shown to a person (compact JSON for a value).
    public var expected: String
    public var actual: String
    /// The same as JSON values, for the JSON report; nil when that side is
    /// missing (a key absent from the answer) or only a description.
    public var expectedValue: JSONValue?
    public var actualValue: JSONValue?
    /// For journals: the line diff (`  `, `- `, `+ ` prefixed).
    public var lines: [String]

    public init(step: Int, kind: Kind, path: String, expected: String, actual: String, lines: [String] = []) {
        self.step = step
        self.kind = kind
        self.path = path
        self.expected = expected
        self.actual = actual
        self.lines = lines
        self.expectedValue = Self.described(expected)
        self.actualValue = Self.described(actual)
    }

    /// A difference between two JSON values (either may be missing).
    public init(step: Int, kind: Kind, path: String, expectedValue: JSONValue?, actualValue: JSONValue?) {
        self.step = step
        self.kind = kind
        self.path = path
        self.expected = expectedValue.map(JSONPrettyWriter.compact) ?? Self.missing
        self.actual = actualValue.map(JSONPrettyWriter.compact) ?? Self.missing
        self.expectedValue = expectedValue
        self.actualValue = actualValue
        self.lines = []
    }

    /// How a side that is not there is shown.
    public static let missing = "(missing)"

    private static func described(_ text: String) -> JSONValue? {
        text == missing || text == "(absent)" || text == "(none)" ? nil : .string(text)
    }
}
