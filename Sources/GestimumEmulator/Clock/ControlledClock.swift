import Foundation
import Synchronization

/// The clock of a server under the control API: it starts as the system
/// clock or a scripted one, and setting or advancing it makes it scripted
/// from then on. Journals are stamped and sessions aged with it.
public final class ControlledClock: EmulatorClock {
    /// How the clock starts; a reset without a clock goes back to it.
    public enum Start: Sendable {
        /// Real time; each import's stamps are `open` and `import` seconds
        /// apart (0 and 0 unless latency is realistic).
        case system(openSeconds: Double, importSeconds: Double)
        /// From `startDate`, whatever the time zone journals are written in.
        case scripted(ScenarioClock)
    }

    /// What ``reading`` reports and `GET /_emulator/clock` shows.
    public struct Reading: Sendable {
        public var now: Date
        public var scripted: Bool
        public var openSeconds: Double
        public var importSeconds: Double
    }

    private enum Mode: Sendable {
        case system(open: Double, import: Double)
        case scripted(ScriptedClock)
    }

    public let timeZone: TimeZone
    public let start: Start
    private let mode: Mutex<Mode>

    public init(_ start: Start, timeZone: TimeZone) {
        self.start = start
        self.timeZone = timeZone
        switch start {
        case let .system(open, importSeconds): mode = Mutex(.system(open: open, import: importSeconds))
        case let .scripted(script):
            mode = Mutex(.scripted(ScriptedClock(startDate: script.startDate, openSeconds: script.openSeconds,
                                                 importSeconds: script.importSeconds, launchSeconds: script.launchSeconds,
                                                 timeZone: timeZone)))
        }
    }

    /// A new clock back at this one's start.
    public func restarted() -> ControlledClock { ControlledClock(start, timeZone: timeZone) }

    public func now() -> Date {
        mode.withLock { mode in
            switch mode {
            case .system: return Date()
            case let .scripted(clock): return clock.now()
            }
        }
    }

    public func startImport() -> ImportTimeline {
        let current = mode.withLock { $0 }
        switch current {
        case let .system(open, importSeconds):
            let base = Date()
            return ImportTimeline { phase in
                switch phase {
                case .opening: return base
                case .opened, .launched: return base.addingTimeInterval(open)
                case .imported: return base.addingTimeInterval(open + importSeconds)
                }
            }
        case let .scripted(clock):
            return clock.startImport()
        }
    }

    public var reading: Reading {
        mode.withLock { mode in
            switch mode {
            case let .system(open, importSeconds):
                return Reading(now: Date(), scripted: false, openSeconds: open, importSeconds: importSeconds)
            case let .scripted(clock):
                return Reading(now: clock.now(), scripted: true, openSeconds: clock.openDuration, importSeconds: clock.importDuration)
            }
        }
    }

    /// Moves the clock `seconds` forward (a system clock becomes scripted at the current time first).
    public func advance(by seconds: TimeInterval) {
        scripted().advance(by: seconds)
    }

    /// Sets the clock (it is scripted from then on).
    public func set(_ date: Date) {
        scripted().set(date)
    }

    /// Changes how long opening and importing take; nil keeps a duration.
    public func setDurations(openSeconds: Double?, importSeconds: Double?) {
        mode.withLock { mode in
            switch mode {
            case let .system(open, importing):
                mode = .system(open: openSeconds ?? open, import: importSeconds ?? importing)
            case let .scripted(clock):
                mode = .scripted(ScriptedClock(startDate: clock.now(), openSeconds: openSeconds ?? clock.openDuration,
                                               importSeconds: importSeconds ?? clock.importDuration, timeZone: timeZone))
            }
        }
    }

    private func scripted() -> ScriptedClock {
        mode.withLock { mode in
            switch mode {
            case let .scripted(clock): return clock
            case let .system(open, importSeconds):
                // Whole seconds: journals show seconds, and a later `set` reads back what it wrote.
                let now = Date(timeIntervalSinceReferenceDate: Date().timeIntervalSinceReferenceDate.rounded(.down))
                let clock = ScriptedClock(startDate: now, openSeconds: open, importSeconds: importSeconds, timeZone: timeZone)
                mode = .scripted(clock)
                return clock
            }
        }
    }
}
