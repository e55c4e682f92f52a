import Foundation
import GestimumEmulator
import Logging
import Synchronization

/// How long answers take in wall-clock time (`serve --latency`).
public enum Latency: String, Sendable, CaseIterable {
    /// Answers at once.
    case none
    /// An import takes as long as its journal says: the opening
    /// `open_seconds`, the import `import_seconds` more.
    case realistic

    /// A system clock's opening and import durations under this latency:
    /// what every documented journal shows (5 s and 1 s), or none.
    public var systemDurations: (open: Double, import: Double) {
        self == .realistic ? (5, 1) : (0, 0)
    }
}

/// What a server's host knows beyond its emulator.
public struct HostOptions: Sendable {
    public var latency: Latency
    /// Where named fixtures are read (`--fixtures DIR`); the embedded ones when a name is not there.
    public var fixturesFolder: URL?

    public init(latency: Latency = .none, fixturesFolder: URL? = nil) {
        self.latency = latency
        self.fixturesFolder = fixturesFolder
    }
}

/// Why a reset changed nothing: the fixture (the client's fault, 400), or
/// the data folder could not take it (a full disk: the server's, 5xx).
public enum ResetError: Error, CustomStringConvertible {
    case fixture(FixtureError)
    case storage(StorageFailure)

    public var description: String {
        switch self {
        case let .fixture(error): error.problems.joined(separator: "; ")
        case let .storage(failure): "\(failure.description); nothing was changed"
        }
    }
}

/// Holds the emulator a server answers with, and what the control API
/// adds around it: the clock it can move, the armed faults, the request log.
/// A reset swaps the emulator for a fresh one.
///
/// Resets run one at a time. With a data folder, each reset builds its
/// companies in a new `reset-…` subfolder and removes the previous one once
/// the new emulator is in place, so no database file is replaced under a
/// request still running on the old one; the folder's own companies (those
/// the server started with) are left as they were. A reset that fails
/// removes what it built and leaves the previous state in place.
public final class EmulatorHost: Sendable {
    private struct State {
        var emulator: Emulator
        var clock: ControlledClock
        var resetFolder: URL?
    }

    private let current: Mutex<State>
    private let resetting = Mutex(())
    private let dataFolder: URL?
    let logger: Logger
    public let options: HostOptions
    public let faults = FaultTable()
    public let requests = RequestLog()
    let turns = CompanyTurns()

    /// Serves `emulator`'s companies on a clock the control API can move:
    /// its own clock if it is a ``ControlledClock``, else one that starts like it.
    public init(_ emulator: Emulator, dataFolder: URL?, logger: Logger, options: HostOptions = HostOptions()) {
        self.dataFolder = dataFolder
        self.logger = logger
        self.options = options
        if let clock = emulator.clock as? ControlledClock {
            current = Mutex(State(emulator: emulator, clock: clock, resetFolder: nil))
            return
        }
        let clock: ControlledClock
        if let scripted = emulator.clock as? ScriptedClock {
            var start = ScenarioClock(startDate: scripted.now(), openSeconds: scripted.openDuration, importSeconds: scripted.importDuration)
            start.launchSeconds = scripted.launchDuration
            clock = ControlledClock(.scripted(start), timeZone: scripted.timeZone)
        } else {
            let durations = options.latency.systemDurations
            clock = ControlledClock(.system(openSeconds: durations.open, importSeconds: durations.import), timeZone: emulator.clock.timeZone)
        }
        let wrapped = Emulator(registry: emulator.registry, clock: clock, sessionIDs: clock.reading.scripted ? .seeded() : .random(),
                               logger: emulator.logger, maxBodySize: emulator.maxBodySize, workFolder: emulator.workFolder)
        current = Mutex(State(emulator: wrapped, clock: clock, resetFolder: nil))
    }

    public var emulator: Emulator { current.withLock { $0.emulator } }

    /// The clock the emulator stamps journals and ages sessions with.
    public var clock: ControlledClock { current.withLock { $0.clock } }

    /// Installs a fixture (default: the embedded demo) and a clock (default:
    /// the server's clock from its start), with seeded session ids; clears
    /// sessions, faults and the request log. Nothing changes when it fails.
    public func reset(_ reset: ControlAPI.Reset) throws(ResetError) {
        let fixture: Fixture
        switch reset.fixture {
        case nil: fixture = .demo
        case let .inline(inline)?: fixture = inline
        case let .named(name)?:
            do { fixture = try namedFixture(name) } catch { throw .fixture(error) }
        }
        let clock = reset.clock.map { ControlledClock(.scripted($0), timeZone: TimeZone(identifier: "UTC")!) }
            ?? self.clock.restarted()
        try install(fixture, clock: clock)
    }

    /// Installs `fixture` with a scripted clock (the HTTP target's reset).
    public func reset(fixture: Fixture, clock: ScenarioClock) throws(ResetError) {
        try reset(ControlAPI.Reset(fixture: .inline(fixture), clock: clock))
    }

    private func install(_ fixture: Fixture, clock: ControlledClock) throws(ResetError) {
        let built: Result<Void, ResetError> = resetting.withLock { _ in
            let folder = dataFolder?.appendingPathComponent("reset-\(UUID().uuidString)")
            let registry: CompanyRegistry
            do { registry = try CompanyRegistry(fixture: fixture, dataFolder: folder) } catch {
                if let folder { try? FileManager.default.removeItem(at: folder) }
                // A full disk or an unwritable folder is the server's problem, not the fixture's (D74).
                let storage = error as? StorageFailure
                    ?? (error as? DataFolderError).map { StorageFailure(kind: $0.isOutput ? .unwritable : .damaged, file: $0.file, reason: $0.reason) }
                logger.error("reset failed", metadata: ["error": "\(storage?.description ?? FailureReason.of(error))"])
                if let storage { return .failure(.storage(storage)) }
                return .failure(.fixture(FixtureError(problems: ["fixture: the companies could not be built; nothing was changed"])))
            }
            let previous = current.withLock { state in
                let previous = state.resetFolder
                state = State(
                    emulator: Emulator(registry: registry, clock: clock, sessionIDs: .seeded(), logger: logger,
                                       maxBodySize: state.emulator.maxBodySize, workFolder: state.emulator.workFolder),
                    clock: clock, resetFolder: folder)
                return previous
            }
            faults.clear()
            requests.clear()
            if let previous { try? FileManager.default.removeItem(at: previous) }
            return .success(())
        }
        try built.get()
    }

    /// The fixtures a reset can name: the files of the fixtures folder, then the embedded ones.
    public var fixtureNames: [String] {
        var names: Set<String> = ["demo"]
        if let folder = options.fixturesFolder,
           let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for file in files where file.hasSuffix(".json") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }

    private func namedFixture(_ name: String) throws(FixtureError) -> Fixture {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".unicodeScalars)
        let safe = !name.isEmpty && !name.hasPrefix(".") && name.unicodeScalars.allSatisfy { allowed.contains($0) }
        if safe, let folder = options.fixturesFolder {
            let file = folder.appendingPathComponent(name + ".json")
            if let data = try? Data(contentsOf: file) {
                do { return try Fixture.decode(data) } catch {
                    throw FixtureError(problems: error.problems.map { "fixture \"\(name)\" (\(file.path)): \($0)" })
                }
            }
        }
        if name == "demo" { return .demo }
        throw FixtureError(problems: ["fixture: no fixture named \"\(name)\" (known: \(fixtureNames.joined(separator: ", ")))"])
    }
}
