import Foundation
import GestimumEmulator
import Logging
import Synchronization

/// Holds the emulator a server answers with. The control API's reset swaps
/// it for a fresh one on a new fixture and a scripted clock.
///
/// Resets run one at a time. With a data folder, each reset builds its
/// companies in a new `reset-…` subfolder and removes the previous one once
/// the new emulator is in place, so no database file is replaced under a
/// request still running on the old one; the folder's own companies (those
/// the server started with) are left as they were.
public final class EmulatorHost: Sendable {
    private struct State {
        var emulator: Emulator
        var resetFolder: URL?
    }

    private let current: Mutex<State>
    private let resetting = Mutex(())
    private let dataFolder: URL?
    private let logger: Logger

    public init(_ emulator: Emulator, dataFolder: URL?, logger: Logger) {
        current = Mutex(State(emulator: emulator, resetFolder: nil))
        self.dataFolder = dataFolder
        self.logger = logger
    }

    public var emulator: Emulator { current.withLock { $0.emulator } }

    /// Installs `fixture` with a scripted clock and seeded session ids, so a
    /// replay gives the same answers.
    public func reset(fixture: Fixture, clock: ScenarioClock) throws {
        guard let scripted = ScriptedClock(clock) else {
            throw FixtureError(problems: ["clock start must be dd/MM/yyyy HH:mm:ss and durations from 0 to 86400 seconds"])
        }
        try resetting.withLock { _ in
            let folder = dataFolder?.appendingPathComponent("reset-\(UUID().uuidString)")
            let registry = try CompanyRegistry(fixture: fixture, dataFolder: folder)
            let previous = current.withLock { state in
                let previous = state.resetFolder
                state = State(
                    emulator: Emulator(registry: registry, clock: scripted, sessionIDs: .seeded(), logger: logger,
                                       maxBodySize: state.emulator.maxBodySize),
                    resetFolder: folder)
                return previous
            }
            if let previous { try? FileManager.default.removeItem(at: previous) }
        }
    }
}
