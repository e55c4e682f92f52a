/// One way an answer differs from what was expected. A comparison returns
/// these (or none); reporters decide how to show them.
public struct Difference: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case status, contentType, body, journal, state, invariant, missingGolden
        /// The bytes or headers break DataSnap's wire format (URL targets).
        case wire
        /// No complete answer: the connection was refused, timed out or closed.
        case unavailable
    }

    /// The step (1-based); 0 for the scenario's final state.
    public var step: Int
    public var kind: Kind
    /// A JSON path such as `$.result[0].statistiques.nombre_lignes_importées`.
    public var path: String
    public var expected: String
    public var actual: String
    /// For journals: the line diff (`  `, `- `, `+ ` prefixed).
    public var lines: [String]

    public init(step: Int, kind: Kind, path: String, expected: String, actual: String, lines: [String] = []) {
        self.step = step
        self.kind = kind
        self.path = path
        self.expected = expected
        self.actual = actual
        self.lines = lines
    }
}
