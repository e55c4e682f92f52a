import AsyncHTTPClient
import Foundation
import GestimumEmulator
import NIOCore
import NIOHTTP1

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
    /// One server, one state: scenarios take turns.
    public let runsScenariosConcurrently = false
    let client: HTTPClient
    let timeout: TimeAmount

    public init(baseURL: URL, setupCommand: String? = nil, fixturesFolder: URL,
                client: HTTPClient = .shared, timeout: TimeAmount = .seconds(120)) {
        self.baseURL = baseURL
        self.setupCommand = setupCommand
        self.fixturesFolder = fixturesFolder
        self.client = client
        self.timeout = timeout
    }

    private func url(_ rawPath: String) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + rawPath
    }

    /// Sends one request as given and collects the answer.
    public func exchange(method: String, path: String, headers: [(name: String, value: String)] = [], body: [UInt8]?,
                         timeout: TimeAmount? = nil) async throws -> StepResponse {
        var request = HTTPClientRequest(url: url(path))
        request.method = HTTPMethod(rawValue: method)
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let sent = Date()
        let response = try await client.execute(request, timeout: timeout ?? self.timeout)
        let buffer = try await response.body.collect(upTo: 1 << 30)
        let answer = EmulatorResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                                      body: Array(buffer.readableBytesView))
        return StepResponse(answer, sentAt: sent, receivedAt: Date())
    }

    /// Whether the target answers the control API. A target that does not
    /// answer at all is an error, not a target without control API.
    func hasControlAPI() async throws -> Bool {
        try await exchange(method: "GET", path: ControlAPI.statePath, body: nil, timeout: min(timeout, .seconds(10))).status == 200
    }

    public func begin(_ scenario: Scenario) async throws -> TargetRun {
        if try await hasControlAPI() {
            let body = try ControlAPI.resetBody(fixture: scenario.fixture, clock: scenario.clock)
            let response = try await exchange(method: "POST", path: ControlAPI.resetPath,
                                              headers: [("Content-Type", "application/json")], body: body)
            guard response.status == 200 else {
                throw TargetSetupError.resetRefused(status: response.status, body: String(decoding: response.body, as: UTF8.self))
            }
            return .ready(Session(target: self, control: true))
        }
        guard let setupCommand else {
            return .skipped(reason: "the target has no control API (\(ControlAPI.resetPath)) and no --setup-command was given to install fixture \(scenario.fixtureName ?? "(inline)")")
        }
        let file = try fixtureFile(for: scenario)
        let status = try await Self.shell(setupCommand, argument: file.path)
        guard status == 0 else { throw TargetSetupError.setupCommandFailed(status: status, fixture: file.path) }
        return .ready(Session(target: self, control: false))
    }

    /// Runs `command "$argument"` with /bin/sh without blocking a thread of the pool.
    static func shell(_ command: String, argument: String) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$0\"", argument]
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }

    /// The fixture file to hand to `--setup-command`; inline fixtures are written to a temporary file.
    private func fixtureFile(for scenario: Scenario) throws -> URL {
        if let file = scenario.fixtureFile { return file }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gestimum-fixture-\(scenario.id.replacingOccurrences(of: "/", with: "-")).json")
        try JSONEncoder().encode(scenario.fixture).write(to: url)
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
