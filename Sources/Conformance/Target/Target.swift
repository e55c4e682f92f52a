import Foundation
import GestimumEmulator

/// What a step's request got back: the answer, and when it was in flight.
public struct StepResponse: Sendable {
    public var response: EmulatorResponse
    /// When the request left and when its answer was complete (normalized journal checks).
    public var sentAt: Date
    public var receivedAt: Date

    public init(_ response: EmulatorResponse, sentAt: Date, receivedAt: Date) {
        self.response = response
        self.sentAt = sentAt
        self.receivedAt = receivedAt
    }

    public var status: Int { response.status }
    public var headers: [(name: String, value: String)] { response.headers }
    public var body: [UInt8] { response.body }
    public func header(_ name: String) -> String? { response.header(name) }
}

/// An implementation under test: the in-process emulator, or any HTTP server.
public protocol Target: Sendable {
    /// For reports: `emulator` or the URL.
    var name: String { get }
    /// Whether the target runs on the scenario's scripted clock (then `strict` is the default comparison).
    var controlsClock: Bool { get }
    /// Whether the answer's `Content-Type` is checked (URL targets).
    var checksContentType: Bool { get }
    /// Whether answers are checked byte for byte against DataSnap's wire format.
    var checksWireFormat: Bool { get }
    /// Whether scenarios can run at once: false when they share one server's state.
    var runsScenariosConcurrently: Bool { get }
    /// Installs the scenario's fixture and clock; `.skipped` when it cannot.
    func begin(_ scenario: Scenario) async throws -> TargetRun
    /// The versions the target reports through the `Outils` endpoints.
    func versions() async -> (webService: String?, erp: String?)
}

/// A target ready to run one scenario's steps.
public enum TargetRun: Sendable {
    case ready(any TargetSession)
    case skipped(reason: String)
}

/// One scenario's connection to a target.
public protocol TargetSession: Sendable {
    func send(_ request: EmulatorRequest) async throws -> StepResponse
    /// The companies' contacts as `state.json`, or nil when the target cannot tell.
    func state() async throws -> JSONValue?
    /// Moves the target's clock forward (`advance_seconds`); a reason to skip the scenario when it cannot.
    func advanceClock(by seconds: Double) async throws -> String?
    /// The scripted clock the runner installed on the target for this scenario, nil when it runs on real time.
    var installedClock: ScenarioClock? { get }
}

extension Target {
    public var checksWireFormat: Bool { false }
}

extension TargetSession {
    public func advanceClock(by seconds: Double) async throws -> String? { "the target's clock cannot be moved" }
    public var installedClock: ScenarioClock? { nil }
}
