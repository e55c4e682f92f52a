import Hummingbird
import NIOCore

/// Hummingbird's basic request context plus the connection, so that a
/// `drop` fault can close it without an answer.
public struct ConnectionContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's connection.
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
