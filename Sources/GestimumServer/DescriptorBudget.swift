#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import HummingbirdCore
import Logging
import NIOCore
import Synchronization

/// Keeps the open connections under what the process's descriptor limit
/// leaves (D76). At the limit the server stops accepting, so new clients
/// wait in the listen backlog instead of meeting `accept4` → `EMFILE` in a
/// loop (SwiftNIO retries a failed accept at once, spinning a core); it
/// says so once, and accepts again as soon as a connection closes.
struct DescriptorBudget: AvailableConnectionsDelegate {
    private final class Counts: Sendable {
        struct State {
            var open = 0
            /// Whether this stretch at the limit was already logged.
            var warned = false
        }

        let state = Mutex(State())
    }

    /// Descriptors kept for everything but connections: each company's
    /// SQLite connections (a writer and up to five readers, each with its
    /// database and WAL files, and the shared memory file), a reset's new
    /// companies, files and the event loops.
    static let reservePerCompany = 13
    static let reserve = 16

    let maximum: Int
    let limit: Int
    private let logger: Logger
    private let counts = Counts()

    init(maximum: Int, limit: Int, logger: Logger) {
        self.maximum = maximum
        self.limit = limit
        self.logger = logger
    }

    /// The budget this process can afford now: its soft `RLIMIT_NOFILE`,
    /// less the descriptors already open and the reserve for `companies`.
    static func current(companies: Int, logger: Logger) -> DescriptorBudget {
        var limits = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits)
        let soft = Int(clamping: min(limits.rlim_cur, rlim_t(Int32.max)))
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 16
        let maximum = max(1, soft - open - reserve - reservePerCompany * max(companies, 1))
        return DescriptorBudget(maximum: maximum, limit: soft, logger: logger)
    }

    mutating func connectionOpened() {
        counts.state.withLock { $0.open += 1 }
    }

    mutating func connectionClosed() {
        counts.state.withLock { $0.open -= 1 }
    }

    func isAcceptingNewConnections() -> Bool {
        let (accepting, warn, open) = counts.state.withLock { state -> (Bool, Bool, Int) in
            if state.open < maximum {
                state.warned = false
                return (true, false, state.open)
            }
            defer { state.warned = true }
            return (false, !state.warned, state.open)
        }
        if warn {
            logger.warning(
                "\(open) connections open: the descriptor limit (ulimit -n \(limit)) leaves room for no more; new connections wait until one closes",
                metadata: ["connections": .stringConvertible(open), "limit": .stringConvertible(limit)])
        }
        return accepting
    }
}

/// Says once per stretch when accepting a connection fails for want of
/// descriptors (`EMFILE`, `ENFILE`) although the ``DescriptorBudget`` let
/// it through: something else holds descriptors.
final class AcceptErrorLogger: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = any Channel
    typealias InboundOut = any Channel

    private let logger: Logger
    private var warned = false

    init(logger: Logger) {
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        warned = false
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? IOError, [EMFILE, ENFILE].contains(error.errnoCode), !warned {
            warned = true
            logger.warning("cannot accept a connection: \(String(cString: strerror(error.errnoCode)).lowercased()); retrying")
        }
        context.fireErrorCaught(error)
    }
}
