import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `serve` under a low descriptor limit (issue 17, D76).
@Suite("Descriptor limit of the built binary", .serialized)
struct DescriptorLimitTests {
    /// Under `ulimit -n 64`, 200 idle connections: the server stops
    /// accepting instead of spinning on `EMFILE`, says so once, and serves
    /// again when they close.
    @Test(.timeLimit(.minutes(2))) func serveUnderALowDescriptorLimitBacksOffAndServesAgain() throws {
        let binary = try #require(BuiltBinary.url)
        let port = try ListeningSocket.freePort()
        let server = try Shell.start("ulimit -n 64; exec '\(binary.path)' serve --port \(port) --log-level info")
        defer { server.stop() }
        try #require(try Client.waitForVersion(port: port, seconds: 30) == 200, "the server did not start: \(server.error)")

        var idle: [Client] = []
        for _ in 0..<200 { idle.append(try Client(port: port)) }
        Thread.sleep(forTimeInterval: 1)
        let before = try server.cpuSeconds()
        Thread.sleep(forTimeInterval: 3)
        let spent = try server.cpuSeconds() - before
        #expect(spent < 0.5, "the server spent \(spent) s of CPU in 3 s with 200 idle connections")
        let warnings = server.error.split(separator: "\n").filter { $0.contains("descriptor") }
        #expect(warnings.count == 1, "\(server.error.suffix(2000))")
        #expect(warnings.first?.contains("ulimit -n 64") == true)

        idle.removeAll()
        #expect(try Client.waitForVersion(port: port, seconds: 10) == 200, "not served again: \(server.error.suffix(2000))")
    }
}

/// A loopback TCP client with 5 s timeouts.
final class Client {
    let fd: Int32

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(port: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed: \(errno)") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw Failure(description: "connect() failed: \(errno)") }
        self.fd = fd
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send() failed") }
            offset += sent
        }
    }

    /// The status of the answer's first line, nil when the connection closed or 5 s passed without one.
    func status() -> Int? {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !received.contains(10) {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            received += chunk[..<count]
        }
        let line = String(decoding: received.prefix { $0 != 13 }, as: UTF8.self)
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    /// Asks for the version until an answer comes or `seconds` pass; its status, or nil.
    static func waitForVersion(port: Int, seconds: Double) throws -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let client = try? Client(port: port) {
                try? client.send("GET /api/rest/Outils/%22Version%22 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                if let status = client.status() { return status }
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return nil
    }
}
