/// How journal timestamps are compared (scenario-format.md, Comparing).
public enum ComparisonMode: String, Sendable, CaseIterable {
    /// Timestamps equal the golden file's.
    case strict
    /// Timestamps are real times, in order, and (with a time zone) within the request's flight.
    case normalized
}
