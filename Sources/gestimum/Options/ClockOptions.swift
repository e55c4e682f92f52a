import ArgumentParser
import Foundation
import GestimumEmulator

/// The emulator's clock: the system clock, or the scripted clock of spec §6.
struct ClockOptions: ParsableArguments {
    @Option(help: "Scripted clock start, \"dd/MM/yyyy HH:mm:ss\". Default: the system clock.")
    var clock: String?

    @Option(help: "Scripted clock: seconds the company takes to open (default 0; 5 under serve --latency realistic).")
    var openSeconds: Double?

    @Option(help: "Scripted clock: seconds the import takes (default 0; 1 under serve --latency realistic).")
    var importSeconds: Double?

    @Option(help: "Time zone of journal lines (e.g. Europe/Paris). Default: local time; UTC for a scripted clock.")
    var timeZone: TimeZoneArgument?

    func validate() throws {
        if clock == nil, openSeconds != nil || importSeconds != nil {
            throw ValidationError("--open-seconds and --import-seconds need --clock")
        }
        if let clock, makeScripted(clock) == nil {
            throw ValidationError("--clock must be \"dd/MM/yyyy HH:mm:ss\" and durations not negative, got \"\(clock)\"")
        }
    }

    private func makeScripted(_ start: String, defaults: (open: Double, import: Double) = (0, 0)) -> ScriptedClock? {
        ScriptedClock(start: start, openSeconds: openSeconds ?? defaults.open, importSeconds: importSeconds ?? defaults.import,
                      timeZone: timeZone?.timeZone ?? TimeZone(identifier: "UTC")!)
    }

    /// Whether runs are replayable (scripted clock, seeded session ids).
    var isScripted: Bool { clock != nil }

    /// The clock; `defaults` are the durations of a scripted clock that did not give them.
    func makeClock(defaults: (open: Double, import: Double) = (0, 0)) -> any EmulatorClock {
        if let clock, let scripted = makeScripted(clock, defaults: defaults) { return scripted }
        return SystemClock(timeZone: timeZone?.timeZone ?? .current)
    }
}
