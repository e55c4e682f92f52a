import ArgumentParser
import Conformance
import GestimumEmulator

/// One exit policy for every command (README, "Exit codes"): the same
/// problem gives the same status whichever command meets it.
enum ExitPolicy {
    /// Everything asked for was done and nothing failed.
    static let ok = ExitCode(0)
    /// The command ran and found failures (a scenario failed or was skipped, a stale catalogue).
    static let failures = ExitCode(1)
    /// Bad usage: argument parsing and `validate()` only, and `run`'s empty selection (`EX_USAGE`).
    static let usage = ExitCode(64)
    /// An input file or folder is missing, unreadable or invalid (`EX_NOINPUT`).
    static let badInput = ExitCode(66)
    /// The target cannot be reached (`EX_UNAVAILABLE`).
    static let unavailable = ExitCode(69)
    /// An output file cannot be written (`EX_CANTCREAT`).
    static let cannotWrite = ExitCode(73)

    /// The sentence and status for an error a command let through; nil for
    /// the argument parser's own (usage, help, `ExitCode`), which it reports itself.
    static func failure(for error: any Error) -> CommandFailure? {
        switch error {
        case let failure as CommandFailure: failure
        case let problems as ScenarioProblems: .badInput(problems.description)
        case let error as DataFolderError: error.isOutput ? .cannotWrite(error.description) : .badInput(error.description)
        case let error as StorageFailure: failure(for: error.dataFolderError)
        case let error as FixtureError: .badInput("fixture: \(error)")
        default: nil
        }
    }
}
