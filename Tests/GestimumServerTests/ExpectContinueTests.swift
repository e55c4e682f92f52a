import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GestimumEmulator
import Testing

/// `Expect: 100-continue` on a raw socket: curl sends it for bodies over
/// 1 MB and waits a second for the interim answer before sending the body.
@Suite("Expect: 100-continue", .serialized)
struct ExpectContinueTests {
    @Test func theInterimAnswerComesBeforeTheBody() async throws {
        let body = try ServerTests.loader.load(id: "documented/seed-example").steps[0].body
        let (interim, final) = try await ServerTests.serving { base, _ in
            let socket = try RawSocket(port: base.port!)
            try socket.send("POST \(ServerTests.importPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\nExpect: 100-continue\r\n\r\n")
            let interim = try socket.receiveHead()
            try socket.send(body)
            return (interim, try socket.receiveHead())
        }
        #expect(interim.hasPrefix("HTTP/1.1 100 Continue"))
        #expect(final.hasPrefix("HTTP/1.1 200 OK"))
    }

    @Test func aBodyOverTheLimitGets413WithoutTheInterimAnswer() async throws {
        let head = try await ServerTests.serving(maxBodySize: 4_096) { base, _ in
            let socket = try RawSocket(port: base.port!)
            try socket.send("POST \(ServerTests.importPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
            return try socket.receiveHead()
        }
        #expect(head.hasPrefix("HTTP/1.1 413"))
    }
}

/// A blocking loopback TCP client with a 30 s receive timeout: a missing
/// answer fails the test instead of hanging it.
private final class RawSocket {
    private let fd: Int32
    private var pending: [UInt8] = []

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw Failure(description: "connect() failed") }
    }

    deinit { close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard sent > 0 else { throw Failure(description: "send() failed") }
            offset += sent
        }
    }

    /// The next response head (status line and headers), without its body.
    func receiveHead() throws -> String {
        let end: [UInt8] = [13, 10, 13, 10]
        while true {
            if let range = pending.firstRange(of: end) {
                let head = String(decoding: pending[..<range.lowerBound], as: UTF8.self)
                pending.removeSubrange(..<range.upperBound)
                if let length = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") })
                    .flatMap({ Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }) {
                    while pending.count < length { try read() }
                    pending.removeFirst(length)
                }
                return head
            }
            try read()
        }
    }

    private func read() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw Failure(description: "no answer within 30 s") }
        pending += chunk[..<count]
    }
}
