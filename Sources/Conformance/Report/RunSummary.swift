/// The counts of a run, shared by every report: the closing line, the
/// expected-failures line and the conformance line per provenance.
public struct RunSummary: Sendable, Equatable {
    /// Scenarios whose answers matched (unexpected passes are not counted here).
    public var passed = 0
    /// Failed scenarios and unexpected passes: both fail the run.
    public var failed = 0
    public var skipped = 0
    /// Listed failures that failed: counted on their own line, in neither `passed` nor `failed`.
    public var expectedFailures = 0
    /// Listed failures that passed: counted in `failed`, and on the expected-failures line.
    public var unexpectedPasses = 0
    /// Per provenance, how many scenarios of the run conform (their answers
    /// matched) out of how many were run, in `Provenance` order.
    public var conformance: [Provenance: (conforming: Int, total: Int)] = [:]

    public init(_ results: [ScenarioResult]) {
        for provenance in Provenance.allCases { conformance[provenance] = (0, 0) }
        for result in results {
            let conforms: Bool
            switch result.verdict {
            case .passed: passed += 1; conforms = true
            case .expectedFailure: expectedFailures += 1; conforms = false
            case .unexpectedPass: failed += 1; unexpectedPasses += 1; conforms = true
            case .failed: failed += 1; conforms = false
            case .skipped: skipped += 1; conforms = false
            }
            conformance[result.scenario.provenance, default: (0, 0)].total += 1
            if conforms { conformance[result.scenario.provenance, default: (0, 0)].conforming += 1 }
        }
    }

    public static func == (lhs: RunSummary, rhs: RunSummary) -> Bool {
        lhs.passed == rhs.passed && lhs.failed == rhs.failed && lhs.skipped == rhs.skipped
            && lhs.expectedFailures == rhs.expectedFailures && lhs.unexpectedPasses == rhs.unexpectedPasses
            && Provenance.allCases.allSatisfy { lhs.conformance[$0]?.conforming == rhs.conformance[$0]?.conforming
                && lhs.conformance[$0]?.total == rhs.conformance[$0]?.total }
    }

    /// `documented 23/23 · inferred 130/137 · observed 0/0`.
    public var conformanceLine: String {
        Provenance.allCases.map { provenance in
            let counts = conformance[provenance] ?? (0, 0)
            return "\(provenance.rawValue) \(counts.conforming)/\(counts.total)"
        }.joined(separator: " · ")
    }

    /// `97 expected failures, 0 unexpected passes`, or nil when the run had neither.
    public var expectedFailuresLine: String? {
        expectedFailures == 0 && unexpectedPasses == 0 ? nil
            : "\(expectedFailures) expected failure\(expectedFailures == 1 ? "" : "s"), \(unexpectedPasses) unexpected pass\(unexpectedPasses == 1 ? "" : "es")"
    }

    /// `N passed, N failed` or `N passed, N failed, N skipped`.
    public var closingLine: String {
        skipped == 0 ? "\(passed) passed, \(failed) failed" : "\(passed) passed, \(failed) failed, \(skipped) skipped"
    }

    /// The lines that end a run's console output, the closing line last.
    public var finalLines: [String] {
        [conformanceLine] + (expectedFailuresLine.map { [$0] } ?? []) + [closingLine]
    }

    public var succeeded: Bool { failed == 0 }
}
