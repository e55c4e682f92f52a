import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request body arrives too slowly (D75), as
/// Apache's `mod_reqtimeout` does with `MinRate`: once a request's head has
/// come, each `window` (the idle timeout) must bring at least
/// `minimumRate × window` bytes of its body, or the connection is closed
/// at the end of that window. The idle timeout alone never fires on such a
/// client, since every byte is a read.
///
/// A window in which the server was not asking for more (the request's
/// handler not reading: back pressure) is not held against the client.
final class BodyRateHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Apache's default `MinRate` for bodies, bytes per second.
    static let minimumRate = 500

    private let window: TimeAmount
    private let logger: Logger
    private var request: (method: String, path: String)?
    private var bytesInWindow = 0
    private var bytesInBody = 0
    private var readPending = false
    private var timer: Scheduled<Void>?

    init(window: TimeAmount, logger: Logger) {
        self.window = window
        self.logger = logger
    }

    /// Bytes a window must bring.
    var minimumBytes: Int { Int(window.nanoseconds / 1_000_000) * Self.minimumRate / 1000 }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        readPending = false
        switch unwrapInboundIn(data) {
        case let .head(head):
            request = (head.method.rawValue, head.path ?? "/")
            bytesInWindow = 0
            bytesInBody = 0
            schedule(context)
        case let .body(buffer):
            bytesInWindow += buffer.readableBytes
            bytesInBody += buffer.readableBytes
        case .end:
            stop()
        }
        context.fireChannelRead(data)
    }

    func read(context: ChannelHandlerContext) {
        readPending = true
        context.read()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    private func stop() {
        timer?.cancel()
        timer = nil
        request = nil
    }

    private func schedule(_ context: ChannelHandlerContext) {
        timer?.cancel()
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: window) {
            loopBound.value.handler.windowEnded(loopBound.value.context)
        }
    }

    private func windowEnded(_ context: ChannelHandlerContext) {
        timer = nil
        guard let request else { return }
        if bytesInWindow < minimumBytes, readPending {
            let seconds = Double(window.nanoseconds) / 1e9
            logger.info("\(request.method) \(request.path) closed: body too slow", metadata: [
                "method": .string(request.method), "path": .string(request.path), "status": .string("closed"),
                "reason": .string("request body too slow: \(bytesInWindow) bytes in \(Self.format(seconds)) s, under \(Self.minimumRate) bytes/s (\(bytesInBody) received)"),
            ])
            self.request = nil
            context.close(promise: nil)
            return
        }
        bytesInWindow = 0
        schedule(context)
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
