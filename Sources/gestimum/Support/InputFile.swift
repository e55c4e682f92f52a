import Foundation
import GestimumEmulator

/// Reading a file the user named; a missing or unreadable one is a
/// ``CommandFailure/badInput(_:)`` naming it.
enum InputFile {
    /// The bytes of `path`; `what` says what the file is for ("request", "fixture").
    static func read(_ path: String, what: String) throws(CommandFailure) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .badInput("cannot read the \(what) \(path): \(FailureReason.of(error))")
        }
    }
}
