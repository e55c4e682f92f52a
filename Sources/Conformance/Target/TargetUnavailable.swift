import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A request that got no complete answer: the connection was refused, timed
/// out, or closed. Said in plain words, with what to do; three scenarios in a
/// row ending this way stop the run (exit 69).
public struct TargetUnavailable: Error, CustomStringConvertible, Sendable {
    /// The URL the request went to.
    public let url: String
    /// What went wrong, in words.
    public let cause: String

    public init(url: String, cause: String) {
        self.url = url
        self.cause = cause
    }

    public var description: String { "\(url): \(cause)" }

    /// Reads a transport error as a person would say it; never the error's own text.
    public init(url: String, error: any Error, timeout: Duration) {
        self.init(url: url, cause: Self.words(for: error, timeout: timeout))
    }

    static func words(for error: any Error, timeout: Duration) -> String {
        let seconds = Self.format(timeout)
        let noAnswer = "no complete answer within \(seconds) (--request-timeout); the server is stuck or too slow"
        switch error {
        case is DeadlineExceeded, is CancellationError:
            return noAnswer
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout: return "no connection within \(seconds); check the host and port, and that no firewall drops the packets"
            case .readTimeout, .deadlineExceeded, .cancelled: return noAnswer
            case .remoteConnectionClosed:
                return "the server closed the connection before its answer was complete (did it stop or crash?)"
            default: return "the request failed before a complete answer arrived"
            }
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return "the host name \(error.host) could not be resolved"
            }
            if let code = error.connectionErrors.lazy.compactMap({ ($0.error as? IOError)?.errnoCode }).first {
                return words(errno: code)
            }
            return "could not connect to port \(error.port) of \(error.host)"
        case let error as IOError:
            return words(errno: error.errnoCode)
        case let error as HTTPParserError:
            switch error {
            case .invalidEOFState:
                return "the server closed the connection before its answer was complete (did it stop or crash?)"
            default:
                return "the answer is not valid HTTP/1.1 (the parser stopped on it); is this an HTTP server?"
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return "no connection within \(seconds); check the host and port"
            default: return "the server closed the connection before its answer was complete (did it stop or crash?)"
            }
        default:
            return "the connection failed before a complete answer arrived"
        }
    }

    static func words(errno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: return "the connection was refused: nothing listens there (is the server running, on this port?)"
        case ECONNRESET, EPIPE: return "the server reset the connection before its answer was complete (did it stop or crash?)"
        case EHOSTUNREACH, ENETUNREACH: return "the host cannot be reached from this machine (network down or wrong address?)"
        case ETIMEDOUT: return "the connection timed out; check the host and port"
        default: return "the connection failed (system error \(code))"
        }
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
