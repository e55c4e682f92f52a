import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` with `100 Continue` as soon as the head
/// arrives, so that a client like curl sends its body at once instead of
/// waiting a second (D59). A body announced over the limit gets no
/// `100 Continue`: the server answers 413 without reading it.
final class ContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let maxBodySize: Int

    init(maxBodySize: Int) {
        self.maxBodySize = maxBodySize
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case let .head(head) = unwrapInboundIn(data),
           head.headerFields[.expect]?.lowercased() == "100-continue",
           (head.headerFields[.contentLength].flatMap { Int($0) } ?? 0) <= maxBodySize {
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
        }
        context.fireChannelRead(data)
    }
}
