/// A request whose JSON is well formed but whose content is wrong (spec §8):
/// answered with HTTP 200 and `resultat` `échec`, the company untouched.
public struct RequestError: Error, Equatable, Sendable {
    /// The French message, from ``Messages``.
    public let message: String

    public init(_ message: String) { self.message = message }
}
