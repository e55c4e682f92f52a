/// A target that could not be prepared for a scenario. The scenario fails
/// with this sentence; it is not a problem with the suite's files.
public enum TargetSetupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The control API answered the reset with something other than 200.
    case resetRefused(status: Int, body: String)
    /// `--setup-command` ended with a non-zero status.
    case setupCommandFailed(status: Int32, fixture: String)
    /// `--setup-command` was still running after its deadline and was stopped.
    case setupCommandTimedOut(after: String, fixture: String)
    /// `/bin/sh` could not be started for `--setup-command`.
    case setupCommandNotStarted
    /// The control API answered `POST /_emulator/clock` with an error.
    case clockRefused(status: Int, body: String)
    /// The scenario's clock cannot drive the emulator's scripted clock.
    case clockRejected

    public var description: String {
        switch self {
        case let .resetRefused(status, body): "the control API answered the reset with \(status): \(body)"
        case let .setupCommandFailed(status, fixture): "--setup-command exited \(status) for fixture \(fixture)"
        case let .setupCommandTimedOut(after, fixture): "--setup-command did not finish within \(after) for fixture \(fixture) and was stopped"
        case .setupCommandNotStarted: "--setup-command could not be started (/bin/sh is missing or not executable)"
        case let .clockRefused(status, body): "the control API answered the clock change with \(status): \(body)"
        case .clockRejected: "the scenario's clock cannot be scripted"
        }
    }
}
