import AsyncHTTPClient
import Foundation
import GestimumEmulator
import NIOCore
import NIOHTTP1
import Synchronization

/// Any HTTP implementation: our server, a proxy, a real Gestimum. Each step
/// is sent with its exact bytes, method and raw path (`%22` kept as sent).
///
/// Fixtures are installed through the control API when the target has it,
/// else by `--setup-command CMD` (run as `CMD <fixture file>`), else the
/// scenario is skipped with the reason.
public struct HTTPTarget: Target {
    public let baseURL: URL
    public let setupCommand: String?
    public let fixturesFolder: URL
    public var name: String { baseURL.absoluteString }
    public let controlsClock = false
    public let checksContentType = true
    public let checksWireFormat = true
    /// The control API's clock (`POST {"advance_seconds": N}`).
    public static let clockPath = "/_emulator/clock"
    /// One server, one state: scenarios take turns.
    public let runsScenariosConcurrently = false
    let connection: OwnedHTTPClient
    /// Each request's deadline (`--request-timeout`): connecting, sending and the whole answer.
    public let requestTimeout: Duration

    /// A target with its own HTTP client: connections are not retried (a refusal is an answer), and every
    /// request, its answer included, has `timeout`.
    public init(baseURL: URL, setupCommand: String? = nil, fixturesFolder: URL, timeout: Duration = .seconds(30)) {
        self.baseURL = baseURL
        self.setupCommand = setupCommand
        self.fixturesFolder = fixturesFolder
        self.requestTimeout = timeout
        self.connection = OwnedHTTPClient(timeout: timeout)
    }

    private func url(_ rawPath: String) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + rawPath
    }

    /// Sends one request as given and collects the answer, within `timeout`
    /// (the target's request timeout by default); throws ``TargetUnavailable`` otherwise.
    public func exchange(method: String, path: String, headers: [(name: String, value: String)] = [], body: [UInt8]?,
                         timeout: Duration? = nil) async throws -> StepResponse {
        var request = HTTPClientRequest(url: url(path))
        request.method = HTTPMethod(rawValue: method)
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let limit = timeout ?? requestTimeout
        let client = connection.client
        let prepared = request
        let target = url(path)
        let sent = Date()
        do {
            let answer = try await withDeadline(limit) {
                let response = try await client.execute(prepared, deadline: .now() + .nanoseconds(limit.nanoseconds))
                let buffer = try await response.body.collect(upTo: 1 << 30)
                return EmulatorResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                                        body: Array(buffer.readableBytesView))
            }
            return StepResponse(answer, sentAt: sent, receivedAt: Date())
        } catch {
            throw TargetUnavailable(url: target, error: error, timeout: limit)
        }
    }

    /// Whether the target answers at all: one `GET` of the web service's version, within `timeout`.
    /// Any HTTP answer counts; throws ``TargetUnavailable`` when none comes.
    public func probe(timeout: Duration) async throws {
        _ = try await exchange(method: "GET", path: "/api/rest/Outils/%22Version%22", body: nil, timeout: min(timeout, requestTimeout))
    }

    /// Closes the client's connections, waiting at most `timeout`.
    public func shutdown(timeout: Duration = .seconds(5)) async {
        await connection.shutdown(timeout: timeout)
    }

    /// Whether the target answers the control API. A target that does not
    /// answer at all is an error, not a target without control API.
    func hasControlAPI() async throws -> Bool {
        try await exchange(method: "GET", path: ControlAPI.statePath, body: nil, timeout: min(requestTimeout, .seconds(10))).status == 200
    }

    public func begin(_ scenario: Scenario) async throws -> TargetRun {
        if try await hasControlAPI() {
            let body = ControlAPI.resetBody(fixture: scenario.fixture, clock: scenario.clock)
            let response = try await exchange(method: "POST", path: ControlAPI.resetPath,
                                              headers: [("Content-Type", "application/json")], body: body)
            guard response.status == 200 else {
                throw TargetSetupError.resetRefused(status: response.status, body: String(decoding: response.body, as: UTF8.self))
            }
            return .ready(Session(target: self, control: true, installedClock: scenario.clock))
        }
        guard let setupCommand else {
            return .skipped(reason: "the target has no control API (\(ControlAPI.resetPath)) and no --setup-command was given to install fixture \(scenario.fixtureName ?? "(inline)")")
        }
        let file = try fixtureFile(for: scenario)
        let limit = max(requestTimeout, .seconds(60))
        let status: Int32
        do { status = try await Self.shell(setupCommand, argument: file.path, timeout: limit) } catch is DeadlineExceeded {
            throw TargetSetupError.setupCommandTimedOut(after: TargetUnavailable.format(limit), fixture: file.path)
        }
        guard status == 0 else { throw TargetSetupError.setupCommandFailed(status: status, fixture: file.path) }
        if scenario.steps.contains(where: { $0.advanceSeconds != nil }) {
            return .skipped(reason: "the scenario moves the target's clock (advance_seconds), which needs the control API (\(HTTPTarget.clockPath))")
        }
        return .ready(Session(target: self, control: false, installedClock: nil))
    }

    /// Runs `command "$argument"` with /bin/sh without blocking a thread of the pool.
    /// A command still running after `timeout` is terminated.
    static func shell(_ command: String, argument: String, timeout: Duration) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$0\"", argument]
        let running = UncheckedProcess(process)
        do {
            return try await withDeadline(timeout) {
                try await withCheckedThrowingContinuation { continuation in
                    running.process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                    do { try running.process.run() } catch {
                        running.process.terminationHandler = nil
                        continuation.resume(throwing: TargetSetupError.setupCommandNotStarted)
                    }
                }
            }
        } catch let error as DeadlineExceeded {
            if process.isRunning { process.terminate() }
            throw error
        }
    }

    /// `Process` is not `Sendable`; it is only touched to start it and, after the deadline, to stop it.
    private struct UncheckedProcess: @unchecked Sendable {
        let process: Process
        init(_ process: Process) { self.process = process }
    }

    /// The fixture file to hand to `--setup-command`; inline fixtures are written to a temporary file.
    private func fixtureFile(for scenario: Scenario) throws -> URL {
        if let file = scenario.fixtureFile { return file }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gestimum-fixture-\(scenario.id.replacingOccurrences(of: "/", with: "-")).json")
        try Data(JSONPrettyWriter.string(scenario.fixture.json).utf8).write(to: url)
        return url
    }

    public func versions() async -> (webService: String?, erp: String?) {
        func message(_ path: String) async -> String? {
            guard let response = try? await exchange(method: "GET", path: path, body: nil),
                  let json = try? JSONParser.parse(response.body) else { return nil }
            return ImportAnswer(json)?.message
        }
        return (await message("/api/rest/Outils/%22Version%22"), await message("/api/rest/Outils/%22VersionERP%22"))
    }

    struct Session: TargetSession {
        let target: HTTPTarget
        let control: Bool
        let installedClock: ScenarioClock?

        /// `POST /_emulator/clock` with `{"advance_seconds": N}`; a target that
        /// answers 404 there has no clock control: the scenario is skipped.
        func advanceClock(by seconds: Double) async throws -> String? {
            let body = DataSnapJSONWriter.bytes(.object([("advance_seconds", .number(seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)))]))
            let response = try await target.exchange(method: "POST", path: HTTPTarget.clockPath,
                                                     headers: [("Content-Type", "application/json")], body: body)
            switch response.status {
            case 200: return nil
            case 404, 405: return "the target cannot move its clock (\(HTTPTarget.clockPath) answered \(response.status)), and the scenario needs advance_seconds"
            default:
                throw TargetSetupError.clockRefused(status: response.status, body: String(decoding: response.body.prefix(300), as: UTF8.self))
            }
        }

        func send(_ request: EmulatorRequest) async throws -> StepResponse {
            try await target.exchange(method: request.method, path: request.path, headers: request.headers,
                                      body: request.body.isEmpty && request.method == "GET" ? nil : request.body)
        }

        func state() async throws -> JSONValue? {
            guard control else { return nil }
            let response = try await target.exchange(method: "GET", path: ControlAPI.statePath, body: nil)
            return try JSONParser.parse(response.body)
        }
    }
}

/// An HTTP client the target owns: shut down explicitly (under a deadline),
/// or in the background when the last copy of the target goes away.
final class OwnedHTTPClient: Sendable {
    let client: HTTPClient
    private let isShutDown = Mutex(false)

    init(timeout: Duration) {
        var configuration = HTTPClient.Configuration()
        let seconds = max(1, timeout.components.seconds + (timeout.components.attoseconds > 0 ? 1 : 0))
        configuration.timeout = .init(connect: .seconds(min(seconds, 10)), read: .seconds(seconds))
        // A refused connection is the target's answer: report it now instead of retrying until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown(timeout: Duration) async {
        guard !isShutDown.withLock({ value in defer { value = true }; return value }) else { return }
        let client = self.client
        _ = try? await withDeadline(timeout) { try await client.shutdown() }
    }

    deinit {
        if !isShutDown.withLock({ $0 }) { client.shutdown { _ in } }
    }
}

extension Duration {
    /// Whole nanoseconds, for NIO's `TimeAmount`.
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
