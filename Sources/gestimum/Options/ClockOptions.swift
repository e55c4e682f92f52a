import ArgumentParser
import Foundation
import GestimumEmulator

/// The emulator's clock: the system clock, or the scripted clock of spec §6.
struct ClockOptions: ParsableArguments {
    @Option(help: "Scripted clock start, \"dd/MM/yyyy HH:mm:ss\". Default: the system clock.")
    var clock: String?

    @Option(help: "Scripted clock: seconds the company takes to open.")
    var openSeconds: Double = 0

    @Option(help: "Scripted clock: seconds the import takes.")
    var importSeconds: Double = 0

    @Option(help: "Time zone of journal lines (e.g. Europe/Paris). Default: local time; UTC for a scripted clock.")
    var timeZone: TimeZoneArgument?

    func validate() throws {
        if clock == nil, openSeconds != 0 || importSeconds != 0 {
            throw ValidationError("--open-seconds and --import-seconds need --clock")
        }
        if let clock, makeScripted(clock) == nil {
            throw ValidationError("--clock must be \"dd/MM/yyyy HH:mm:ss\" and durations not negative, got \"\(clock)\"")
        }
    }

    private func makeScripted(_ start: String) -> ScriptedClock? {
        ScriptedClock(start: start, openSeconds: openSeconds, importSeconds: importSeconds,
                      timeZone: timeZone?.timeZone ?? TimeZone(identifier: "UTC")!)
    }

    /// Whether runs are replayable (scripted clock, seeded session ids).
    var isScripted: Bool { clock != nil }

    func makeClock() -> any EmulatorClock {
        if let clock, let scripted = makeScripted(clock) { return scripted }
        return SystemClock(timeZone: timeZone?.timeZone ?? .current)
    }
}
