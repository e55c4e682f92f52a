import ArgumentParser

/// A problem that stops a command, said in one sentence, with the exit
/// status the ``ExitPolicy`` gives it. Usage problems are not failures:
/// they are `ValidationError`s, thrown from `validate()` only.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let status: ExitCode

    var description: String { message }

    /// An input file or folder is missing, unreadable or invalid (66).
    static func badInput(_ message: String) -> CommandFailure { CommandFailure(message: message, status: ExitPolicy.badInput) }

    /// The target cannot be reached, or the server cannot listen (69).
    static func unavailable(_ message: String) -> CommandFailure { CommandFailure(message: message, status: ExitPolicy.unavailable) }

    /// An output file or folder cannot be written (73).
    static func cannotWrite(_ message: String) -> CommandFailure { CommandFailure(message: message, status: ExitPolicy.cannotWrite) }

    /// The command ran and found something wrong (1).
    static func failed(_ message: String) -> CommandFailure { CommandFailure(message: message, status: ExitPolicy.failures) }
}
