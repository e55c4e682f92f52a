import Foundation
import GestimumEmulator
import Logging
import Synchronization

/// Holds the emulator a server answers with. The control API's reset swaps
/// it for a fresh one on a new fixture and a scripted clock.
public final class EmulatorHost: Sendable {
    private let current: Mutex<Emulator>
    private let dataFolder: URL?
    private let logger: Logger

    public init(_ emulator: Emulator, dataFolder: URL?, logger: Logger) {
        current = Mutex(emulator)
        self.dataFolder = dataFolder
        self.logger = logger
    }

    public var emulator: Emulator { current.withLock { $0 } }

    /// Installs `fixture` (in memory, or in the data folder) with a scripted
    /// clock and seeded session ids, so a replay gives the same answers.
    public func reset(fixture: Fixture, clock: ScenarioClock) throws {
        guard let scripted = ScriptedClock(clock) else {
            throw FixtureError(problems: ["clock start must be dd/MM/yyyy HH:mm:ss and durations not negative"])
        }
        let old = emulator
        let registry = try CompanyRegistry(fixture: fixture, dataFolder: dataFolder)
        let fresh = Emulator(registry: registry, clock: scripted, sessionIDs: .seeded(), logger: logger, maxBodySize: old.maxBodySize)
        current.withLock { $0 = fresh }
    }
}
