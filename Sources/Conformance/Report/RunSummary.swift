/// The counts of a run and its closing line.
public struct RunSummary: Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    /// Counted in `passed`: listed failures that failed.
    public var expectedFailures = 0

    public init(_ results: [ScenarioResult]) {
        for result in results {
            switch result.verdict {
            case .passed: passed += 1
            case .expectedFailure: passed += 1; expectedFailures += 1
            case .failed, .unexpectedPass: failed += 1
            case .skipped: skipped += 1
            }
        }
    }

    /// `N passed, N failed` or `N passed, N failed, N skipped`.
    public var closingLine: String {
        skipped == 0 ? "\(passed) passed, \(failed) failed" : "\(passed) passed, \(failed) failed, \(skipped) skipped"
    }

    public var succeeded: Bool { failed == 0 }
}
