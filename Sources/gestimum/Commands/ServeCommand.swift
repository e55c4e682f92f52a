import Foundation
import ArgumentParser
import GestimumEmulator
import GestimumServer
import Hummingbird
import Logging
import NIOCore

/// `gestimum serve`: the emulator as an HTTP server, like Gestimum Web Service 2.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the emulator over HTTP (default port 8080), for connectors and for `run --target`."
    )

    @Option(help: "Address to listen on (0.0.0.0 for every interface).")
    var host: String = "127.0.0.1"

    @Option(help: "Port (0 picks a free one).")
    var port: Int = 8080

    @OptionGroup var companies: CompanyOptions
    @OptionGroup var clock: ClockOptions

    @Option(help: "Largest request body accepted, in bytes; larger ones get 413 before they are read.")
    var maxBodySize: Int = Emulator.defaultMaxBodySize

    @Flag(help: "Serve the control API: POST /_emulator/reset, GET /_emulator/state. Never on by default.")
    var control = false

    @Option(help: "Log level.")
    var logLevel = LogLevelArgument(.info)

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
        if maxBodySize < 1 { throw ValidationError("--max-body-size must be positive") }
    }

    func run() async throws {
        var configured = Logger(label: "gestimum.serve")
        configured.logLevel = logLevel.level
        let logger = configured
        let emulator = Emulator(
            registry: try companies.makeRegistry(), clock: clock.makeClock(),
            sessionIDs: clock.isScripted ? .seeded() : .random(), logger: logger, maxBodySize: maxBodySize)
        let host = EmulatorHost(emulator, dataFolder: companies.data.map { URL(fileURLWithPath: $0) }, logger: logger)
        let configuration = ServerConfiguration(host: self.host, port: port, maxBodySize: maxBodySize, control: control)
        let app = EmulatorServer.application(host: host, configuration: configuration, logger: logger) { port in
            logger.notice("Gestimum emulator listening on http://\(configuration.host):\(port)\(configuration.control ? " (control API on)" : "")")
        }
        do { try await app.runService() } catch {
            throw CommandFailure.unavailable("cannot serve on \(configuration.host):\(configuration.port): \(Self.reason(error))")
        }
    }

    /// Why the server could not listen: the system's reason for a socket error.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if error is SocketAddressError.UnknownHost { return "no such host" }
        if case SocketAddressError.unknown = error { return "no such host" }
        if error is SocketAddressError { return "not an address to listen on" }
        return "\(error)"
    }
}
