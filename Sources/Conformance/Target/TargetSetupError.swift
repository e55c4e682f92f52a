/// A target that could not be prepared for a scenario. The scenario fails
/// with this sentence; it is not a problem with the suite's files.
public enum TargetSetupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The control API answered the reset with something other than 200.
    case resetRefused(status: Int, body: String)
    /// `--setup-command` ended with a non-zero status.
    case setupCommandFailed(status: Int32, fixture: String)
    /// The scenario's clock cannot drive the emulator's scripted clock.
    case clockRejected

    public var description: String {
        switch self {
        case let .resetRefused(status, body): "the control API answered the reset with \(status): \(body)"
        case let .setupCommandFailed(status, fixture): "--setup-command exited \(status) for fixture \(fixture)"
        case .clockRejected: "the scenario's clock cannot be scripted"
        }
    }
}
