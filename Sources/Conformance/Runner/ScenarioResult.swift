import GestimumEmulator

/// How one scenario ended.
public enum Verdict: Sendable, Equatable {
    case passed
    case failed
    case skipped(reason: String)
    /// Failed, and listed in `--expected-failures`.
    case expectedFailure(reason: String)
    /// Passed although listed in `--expected-failures`: fails the run.
    case unexpectedPass(reason: String)

    /// Whether this verdict fails the run.
    public var failsRun: Bool {
        switch self {
        case .failed, .unexpectedPass: return true
        default: return false
        }
    }
}

/// One scenario's run: its verdict, what differed, and what the target answered.
public struct ScenarioResult: Sendable {
    public var scenario: Scenario
    public var verdict: Verdict
    public var differences: [Difference]
    /// The answers, step by step (update mode writes them).
    public var responses: [StepResponse]
    /// The companies' state after the last step, when the target tells it.
    public var state: JSONValue?
    /// Seconds the scenario took.
    public var duration: Double
    /// What could not be checked on this target (e.g. `state.json` without the control API).
    public var notes: [String] = []

    /// Whether the scenario ended because the target gave no answer (refused, timed out, closed).
    public var targetUnavailable: Bool { differences.contains { $0.kind == .unavailable } }
}
