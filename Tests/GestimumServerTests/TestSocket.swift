import Foundation
#if canImport(Glibc)
import Glibc
#endif
/// A blocking loopback client with a receive timeout.
final class TestSocket {
    let fd: Int32
    /// Bytes received and not read yet (``receiveHead()``).
    private var pending: [UInt8] = []

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(port: Int, timeout: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw Failure(description: "connect() failed") }
        self.fd = fd
    }

    deinit { close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send() failed") }
            offset += sent
        }
    }

    /// Waits up to the receive timeout: true when the server closed the connection (or reset it).
    func closedByPeer() -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, 0)
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }

    /// Everything until the server closes or the timeout passes.
    func receiveAll() -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return received }
            received += chunk[..<count]
        }
    }

    /// The status of the first answer, nil when none came.
    func status() -> Int? { Self.status(of: receiveAll()) }

    static func status(of answer: [UInt8]) -> Int? {
        let line = String(decoding: answer.prefix { $0 != 13 }, as: UTF8.self)
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    static func body(of answer: [UInt8]) -> String {
        guard let end = answer.firstRange(of: [13, 10, 13, 10]) else { return "" }
        return String(decoding: answer[end.upperBound...], as: UTF8.self)
    }

    /// The next response head (status line and headers), its body skipped; fails after the receive timeout.
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
        guard count > 0 else { throw Failure(description: "no answer before the receive timeout") }
        pending += chunk[..<count]
    }
}
