import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GestimumEmulator
@testable import GestimumServer
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// Issue 17, on a live loopback server: slow and incomplete bodies, and a
/// reset on a full disk.
@Suite("Hardening of the server", .serialized)
struct HardeningServerTests {
    /// Runs a server (control API on) with `idleTimeout` and a data folder,
    /// its log lines captured, for the duration of `body`.
    static func serving<T: Sendable>(
        idleTimeout: Duration = .seconds(60), dataFolder: URL? = nil,
        _ body: @Sendable (Int, EmulatorHost, CapturedLog) async throws -> T
    ) async throws -> T {
        let log = CapturedLog()
        var logger = Logger(label: "test.server", factory: { _ in log })
        logger.logLevel = .info
        let emulator = Emulator(registry: try CompanyRegistry(fixture: .demo), clock: ScriptedClock()!, sessionIDs: .seeded(), logger: logger)
        let host = EmulatorHost(emulator, dataFolder: dataFolder, logger: logger)
        let app = EmulatorServer.application(
            host: host, configuration: ServerConfiguration(control: true, idleTimeout: idleTimeout), logger: logger)
        return try await app.test(.live) { client in
            try await body(try #require(client.port), host, log)
        }
    }

    /// A body that arrives at 1 byte/s is closed within twice the idle timeout (D75).
    @Test(.timeLimit(.minutes(1))) func aBodyTrickledAtOneBytePerSecondIsClosed() async throws {
        let (closedAfter, log) = try await Self.serving(idleTimeout: .seconds(2)) { port, _, log in
            let socket = try TestSocket(port: port, timeout: 1)
            try socket.send("POST /api/rest/Contacts/%22Importer%22 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n")
            let start = ContinuousClock.now
            // One byte a second, for at most 12 s, until the server closes.
            for _ in 0..<12 {
                guard (try? socket.send("{")) != nil, !socket.closedByPeer() else { break }
            }
            return (ContinuousClock.now - start, log.lines)
        }
        #expect(closedAfter < .seconds(6), "still open after \(closedAfter)")
        #expect(log.contains { $0.contains("body too slow") }, "\(log)")
    }

    /// Content-Length 100, 10 bytes, then the client half-closes: no 413 (D75).
    @Test(.timeLimit(.minutes(1))) func anIncompleteBodyIsNotTooLarge() async throws {
        let (status, log) = try await Self.serving { port, _, log in
            let socket = try TestSocket(port: port, timeout: 5)
            try socket.send("POST /api/rest/Contacts/%22Importer%22 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n0123456789")
            shutdown(socket.fd, Int32(SHUT_WR))
            let status = socket.status()
            // The request line is logged once the server has given up on the body: wait for it, not a fixed time.
            let deadline = ContinuousClock.now + .seconds(10)
            while !log.lines.contains(where: { $0.contains("incompl") }), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            return (status, log.lines)
        }
        #expect(status == nil || status == 400, "answered \(status.map(String.init) ?? "nothing")")
        #expect(!log.contains { $0.contains("413") || $0.contains("taille maximale") }, "\(log)")
        #expect(log.contains { $0.contains("incompl") && $0.contains("10 octets sur 100") }, "\(log)")
    }

    /// A reset that finds the disk full is the server's fault: a 5xx naming it, and nothing changes (D74).
    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"), .timeLimit(.minutes(1)))
    func aResetOnAFullDiskIsA5xxNamingIt() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(system("mount -t tmpfs -o size=256k gestimum-test-tmpfs '\(scratch.path)'") == 0)
        defer { _ = system("umount '\(scratch.path)'") }
        // Fills the tmpfs but for 8 KiB.
        var stats = statvfs()
        #expect(statvfs(scratch.path, &stats) == 0)
        try Data(count: Int(stats.f_bavail) * Int(stats.f_bsize) - 8_192).write(to: scratch.appendingPathComponent("filler"))

        let (status, body, contacts) = try await Self.serving(dataFolder: scratch) { port, host, _ in
            let socket = try TestSocket(port: port, timeout: 10)
            try socket.send("POST /_emulator/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            let answer = socket.receiveAll()
            return (TestSocket.status(of: answer), TestSocket.body(of: answer), try host.emulator.registry.companies.count)
        }
        #expect(status.map { $0 >= 500 } == true, "\(status.map(String.init) ?? "no answer"): \(body)")
        #expect(status == 507, "\(body)")
        #expect(body.contains(scratch.path) && (body.contains("full") || body.contains("no space left")), "\(body)")
        #expect(contacts == 1)
        // The failed reset left nothing but the filler.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["filler"])
    }
}

/// Log lines (message and metadata) kept in memory.
final class CapturedLog: LogHandler, Sendable {
    private let stored = Mutex<[String]>([])
    var lines: [String] { stored.withLock { $0 } }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }

    subscript(metadataKey _: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        let fields = (metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        stored.withLock { $0.append("\(level) \(message) \(fields)") }
    }
}
