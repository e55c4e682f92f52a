import Foundation
import GestimumEmulator
import GestimumServer
import Logging
import ServiceLifecycle
import Hummingbird

/// Runs the server on a free loopback port for the duration of `body`.
enum LiveServer {
    static func with<T: Sendable>(
        fixture: Fixture = .demo, clock: any EmulatorClock = ScriptedClock()!, maxBodySize: Int = Emulator.defaultMaxBodySize,
        control: Bool = true, options: HostOptions = HostOptions(), idleTimeout: Duration = .seconds(60),
        _ body: @Sendable (URL, EmulatorHost) async throws -> T
    ) async throws -> T {
        let logger = Logger(label: "test.server", factory: { _ in SwiftLogNoOpLogHandler() })
        let emulator = Emulator(registry: try CompanyRegistry(fixture: fixture), clock: clock, sessionIDs: .seeded(),
                                logger: logger, maxBodySize: maxBodySize)
        let host = EmulatorHost(emulator, dataFolder: nil, logger: logger, options: options)
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, maxBodySize: maxBodySize, control: control,
                                                idleTimeout: idleTimeout)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = EmulatorServer.application(host: host, configuration: configuration, logger: logger) { port in
            continuation.yield(port)
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            defer { group.cancelAll() }
            return try await body(URL(string: "http://127.0.0.1:\(port)")!, host)
        }
    }
}
