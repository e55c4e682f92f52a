import Foundation
import GestimumEmulator
import Logging

/// The built-in emulator, in process: fresh companies from the scenario's
/// fixture, the scenario's scripted clock, seeded session ids, and the same
/// entry point the HTTP server uses.
public struct EmulatorTarget: Target {
    public let name = "emulator"
    public let controlsClock = true
    public let checksContentType = true
    /// Each scenario gets its own emulator.
    public let runsScenariosConcurrently = true
    let logger: Logger

    public init(logger: Logger = Logger(label: "gestimum.emulator", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.logger = logger
    }

    public func begin(_ scenario: Scenario) async throws -> TargetRun {
        guard let clock = ScriptedClock(scenario.clock) else { throw TargetSetupError.clockRejected }
        let registry = try CompanyRegistry(fixture: scenario.fixture)
        let emulator = Emulator(registry: registry, clock: clock, sessionIDs: .seeded(), logger: logger)
        return .ready(Session(emulator: emulator))
    }

    public func versions() async -> (webService: String?, erp: String?) {
        (Messages.webServiceVersion, Fixture.demo.erpVersion)
    }

    struct Session: TargetSession {
        let emulator: Emulator

        func send(_ request: EmulatorRequest) async throws -> StepResponse {
            let sent = Date()
            let response = await emulator.handle(request)
            return StepResponse(response, sentAt: sent, receivedAt: Date())
        }

        func state() async throws -> JSONValue? {
            try await StateDocument.build(emulator.registry)
        }
    }
}
