import Foundation
import GestimumEmulator

/// Where journal times may fall when the runner scripted the target's clock
/// (`--time-zone` with the emulator or the control API): in scripted time,
/// not real time. A step's imports start no earlier than the scenario's
/// start plus every `advance_seconds` so far, and end no later than that
/// plus one open and one import duration per step sent (decision D33: each
/// import starts when the previous one last stamped).
struct ScriptedWindow {
    private var earliest: Date
    private let stepDuration: TimeInterval
    private var stepsSent = 0

    /// Nil unless a clock was installed and journal times are read in a time zone.
    init?(clock: ScenarioClock?, timeZone: TimeZone?) {
        guard let clock, let timeZone, let start = JournalTimestamp(timeZone: timeZone).parse(clock.start) else { return nil }
        earliest = start
        stepDuration = clock.openSeconds + clock.importSeconds
    }

    mutating func advance(by seconds: TimeInterval) { earliest += seconds }

    /// The scripted flight of the next step.
    mutating func nextFlight() -> (Date, Date) {
        stepsSent += 1
        return (earliest, earliest + Double(stepsSent) * stepDuration)
    }
}
