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

    @Flag(help: "Serve the control API under /_emulator/: reset, state, clock, faults, requests. Never on by default.")
    var control = false

    @Option(help: "Folder of the fixtures a reset can name. Default: Scenarios/fixtures when present; the embedded demo always.")
    var fixtures: String?

    @Option(help: "none: answer at once. realistic: an import takes as long as its journal says (opening 5 s, import 1 s by default).")
    var latency: Latency = .none

    @Option(help: "Close connections idle (or trickling their headers) for this many seconds.")
    var idleTimeout: Int = 60

    @Option(help: "The server's work folder, a Windows path: the accounting-entries report names its working file there. Default: the fixture's dossier_travail, else C:\\ProgramData\\Gestimum\\Temp.")
    var workFolder: String?

    @Option(help: "Log level.")
    var logLevel = LogLevelArgument(.info)

    @Option(help: "Server log lines: text, or json (one object per line).")
    var logFormat: LogFormat = .text

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if idleTimeout < 1 { throw ValidationError("--idle-timeout must be at least 1 second") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
        if maxBodySize < 1 { throw ValidationError("--max-body-size must be positive") }
        if let workFolder, workFolder.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--work-folder must name a folder (a Windows path such as 'D:\\Temp')")
        }
    }

    func run() async throws {
        if let fixtures, !FileManager.default.fileExists(atPath: fixtures) {
            FileHandle.standardError.write(Data("error: --fixtures \(fixtures): no such folder\n".utf8))
            throw ExitPolicy.badInput
        }
        if logFormat == .json {
            LoggingSystem.bootstrap { JSONLineLogHandler(label: $0) }
        }
        var configured = Logger(label: "gestimum.serve")
        configured.logLevel = logLevel.level
        let logger = configured
        let emulator = Emulator(
            registry: try companies.makeRegistry(), clock: clock.makeClock(defaults: latency.systemDurations),
            sessionIDs: clock.isScripted ? .seeded() : .random(), logger: logger, maxBodySize: maxBodySize, workFolder: workFolder)
        let host = EmulatorHost(emulator, dataFolder: companies.data.map { URL(fileURLWithPath: $0) }, logger: logger,
                                options: HostOptions(latency: latency, fixturesFolder: fixturesFolder))
        let configuration = ServerConfiguration(host: self.host, port: port, maxBodySize: maxBodySize, control: control,
                                                idleTimeout: .seconds(idleTimeout))
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

    /// `--fixtures`, else `Scenarios/fixtures` when the working folder has one.
    var fixturesFolder: URL? {
        if let fixtures { return URL(fileURLWithPath: fixtures) }
        let local = URL(fileURLWithPath: "Scenarios/fixtures")
        return FileManager.default.fileExists(atPath: local.path) ? local : nil
    }
}

extension Latency: ExpressibleByArgument {}
