import Foundation
import Synchronization

/// The moments of an import that the journal stamps (spec §6).
public enum ImportPhase: Sendable {
    /// `Ouverture de la société`.
    case opening
    /// `Société … ouverte`, and failures before the task.
    case opened
    /// `Lancement de la tâche`, the ignored-field warnings and failures before the import.
    case launched
    /// The import's outcome and every line after it.
    case imported
}

/// The emulator's source of time, injected: the system clock, or the
/// scripted clock of scenarios.
public protocol EmulatorClock: Sendable {
    /// The time zone journal lines are written in.
    var timeZone: TimeZone { get }
    /// The current time (session expiry).
    func now() -> Date
    /// Starts the timeline of one import.
    func startImport() -> ImportTimeline
}

/// Gives the time of each phase of one import.
public struct ImportTimeline: Sendable {
    private let stamp: @Sendable (ImportPhase) -> Date

    public init(_ stamp: @escaping @Sendable (ImportPhase) -> Date) { self.stamp = stamp }

    public func time(at phase: ImportPhase) -> Date { stamp(phase) }
}

/// Real time, in a chosen time zone (the server's local time by default).
public struct SystemClock: EmulatorClock {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone = .current) { self.timeZone = timeZone }

    public func now() -> Date { Date() }

    public func startImport() -> ImportTimeline { ImportTimeline { _ in Date() } }
}

/// Spec §6's scenario clock: `Ouverture` at the start, `open` seconds to
/// open the company, `import` seconds to import. An import starts when the
/// previous one last stamped (decision D33).
public final class ScriptedClock: EmulatorClock {
    public let timeZone: TimeZone
    public let openDuration: TimeInterval
    public let importDuration: TimeInterval
    /// From `Société … ouverte` to `Lancement de la tâche` (TarifsArticles' documented journal: 1 s).
    public let launchDuration: TimeInterval
    private let current: Mutex<Date>

    /// The longest duration a phase may take: one day.
    public static let longestDuration: TimeInterval = 86_400

    /// The default scenario start, `01/01/2020 08:00:00`.
    public static let defaultStart = "01/01/2020 08:00:00"

    /// `start` is read as `dd/MM/yyyy HH:mm:ss` in `timeZone` (UTC by default);
    /// nil when it is not such a time.
    public convenience init?(start: String = ScriptedClock.defaultStart, openSeconds: Double = 0, importSeconds: Double = 0,
                 launchSeconds: Double = 0, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        guard let date = JournalTimestamp(timeZone: timeZone).parse(start),
              (0...Self.longestDuration).contains(openSeconds), (0...Self.longestDuration).contains(importSeconds),
              (0...Self.longestDuration).contains(launchSeconds)
        else { return nil }
        self.init(startDate: date, openSeconds: openSeconds, importSeconds: importSeconds, launchSeconds: launchSeconds, timeZone: timeZone)
    }

    /// A clock at `startDate`; durations are clamped to 0…``longestDuration``.
    public init(startDate: Date, openSeconds: Double, importSeconds: Double, launchSeconds: Double = 0,
                timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.timeZone = timeZone
        self.launchDuration = min(max(0, launchSeconds), Self.longestDuration)
        self.openDuration = min(max(0, openSeconds), Self.longestDuration)
        self.importDuration = min(max(0, importSeconds), Self.longestDuration)
        self.current = Mutex(startDate)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward (a pause between steps: sessions age, later journals are stamped later).
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(max(0, seconds)) }
    }

    /// Sets the clock to a given time.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }

    public func startImport() -> ImportTimeline {
        let base = now()
        let offsets: [ImportPhase: TimeInterval] = [
            .opening: 0, .opened: openDuration, .launched: openDuration + launchDuration,
            .imported: openDuration + launchDuration + importDuration,
        ]
        return ImportTimeline { [self] phase in
            let time = base.addingTimeInterval(offsets[phase]!)
            self.current.withLock { $0 = max($0, time) }
            return time
        }
    }
}
