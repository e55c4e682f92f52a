import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A loopback TCP listener that misbehaves on purpose, for the runner's
/// deadline tests: it accepts and never answers, or closes in the middle of
/// an answer. `refusingPort()` gives a port where nothing listens.
final class BrokenServer: @unchecked Sendable {
    enum Behaviour: Sendable {
        /// Reads the request and never writes a byte.
        case silent
        /// Writes the head and part of the body announced by `Content-Length`, then closes.
        case closesMidAnswer
    }

    let port: Int
    private let socket: Int32
    private let lock = NSLock()
    private var clients: [Int32] = []
    private var stopped = false

    init(_ behaviour: Behaviour) throws {
        socket = Self.listeningSocket()
        port = Self.port(of: socket)
        let thread = Thread { [self] in acceptLoop(behaviour) }
        thread.start()
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The accept thread owns every descriptor and is the only one to close
    /// them: a number closed twice may by then name another test's file.
    private func acceptLoop(_ behaviour: Behaviour) {
        defer {
            lock.withLock {
                for client in clients { close(client) }
                clients.removeAll()
            }
            close(socket)
        }
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            let admitted = lock.withLock {
                if !stopped { clients.append(client) }
                return !stopped
            }
            guard admitted else { close(client); return }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            _ = read(client, &buffer, buffer.count)
            switch behaviour {
            case .silent:
                continue
            case .closesMidAnswer:
                let answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"result\":["
                _ = answer.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count - 1) }
                lock.withLock {
                    clients.removeAll { $0 == client }
                    close(client)
                }
            }
        }
    }

    /// Stops listening and cuts every connection; the accept thread then closes them.
    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            shutdown(socket, Int32(SHUT_RDWR))
            for client in clients { shutdown(client, Int32(SHUT_RDWR)) }
        }
    }

    deinit { stop() }

    /// A loopback port where nothing listens: bound, then closed.
    static func refusingPort() -> Int {
        let socket = listeningSocket()
        let port = port(of: socket)
        close(socket)
        return port
    }

    private static func listeningSocket() -> Int32 {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(fd, 16)
        return fd
    }

    private static func port(of socket: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
