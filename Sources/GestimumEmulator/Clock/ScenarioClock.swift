import Foundation

/// The scripted clock a scenario runs under (spec §6), its start read once
/// into a date: whoever holds one holds a valid clock.
public struct ScenarioClock: Sendable, Equatable {
    /// The start, read in UTC.
    public var startDate: Date
    public var openSeconds: Double
    public var importSeconds: Double
    /// From `Société … ouverte` to `Lancement de la tâche` (R9); 0 by default.
    public var launchSeconds: Double = 0

    /// Journal times of scenario clocks are UTC.
    public static let timestamps = JournalTimestamp(timeZone: TimeZone(identifier: "UTC")!)

    /// A clock from a `dd/MM/yyyy HH:mm:ss` start; nil when the start is not
    /// such a time or a duration is outside 0…``ScriptedClock/longestDuration``.
    public init?(start: String, openSeconds: Double = 0, importSeconds: Double = 0) {
        guard let date = Self.timestamps.parse(start),
              (0...ScriptedClock.longestDuration).contains(openSeconds),
              (0...ScriptedClock.longestDuration).contains(importSeconds)
        else { return nil }
        self.startDate = date
        self.openSeconds = openSeconds
        self.importSeconds = importSeconds
    }

    /// The start as `dd/MM/yyyy HH:mm:ss`, with `.mmm` when it has milliseconds.
    public var start: String { Self.timestamps.formatWithMilliseconds(startDate) }

    public static let `default` = ScenarioClock(start: ScriptedClock.defaultStart)!

    /// Reads `{"start": "dd/MM/yyyy HH:mm:ss", "open_seconds": n, "import_seconds": n}`
    /// (every key optional), each problem with its JSON path (`clock.start: …`).
    public static func read(_ value: JSONValue, at path: String = "clock") -> Result<ScenarioClock, FixtureError> {
        let reader = JSONReader()
        var clock = ScenarioClock.default
        let range = 0...ScriptedClock.longestDuration
        for (key, value) in reader.object(value, at: path, keys: ["start", "open_seconds", "import_seconds", "launch_seconds"]) ?? [] {
            let here = JSONReader.path(path, key)
            switch key {
            case "start":
                guard let text = reader.string(value, at: here) else { continue }
                if let date = timestamps.parse(text) { clock.startDate = date } else {
                    reader.fail(here, "\"\(text)\" is not a time written dd/MM/yyyy HH:mm:ss (optionally .mmm)")
                }
            case "open_seconds": clock.openSeconds = reader.number(value, at: here, in: range) ?? 0
            case "import_seconds": clock.importSeconds = reader.number(value, at: here, in: range) ?? 0
            case "launch_seconds": clock.launchSeconds = reader.number(value, at: here, in: range) ?? 0
            default: break
            }
        }
        return reader.problems.isEmpty ? .success(clock) : .failure(FixtureError(problems: reader.problems))
    }

    /// The clock as a JSON document of the same shape.
    public var json: JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("start", .string(start)),
            ("open_seconds", .number(JSONReader.format(openSeconds))),
            ("import_seconds", .number(JSONReader.format(importSeconds))),
        ]
        if launchSeconds != 0 { pairs.append(("launch_seconds", .number(JSONReader.format(launchSeconds)))) }
        return .object(pairs)
    }
}

extension ScriptedClock {
    /// The scripted clock a scenario asks for, journal lines in `timeZone`
    /// (the start is the same wall-clock time there).
    public convenience init(_ script: ScenarioClock, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        let start = JournalTimestamp(timeZone: timeZone).parse(script.start) ?? script.startDate
        self.init(startDate: start, openSeconds: script.openSeconds, importSeconds: script.importSeconds,
                  launchSeconds: script.launchSeconds, timeZone: timeZone)
    }
}

extension ScenarioClock {
    /// A clock at a date; durations are clamped to 0…``ScriptedClock/longestDuration``.
    public init(startDate: Date, openSeconds: Double, importSeconds: Double) {
        self = .default
        self.startDate = startDate
        self.openSeconds = min(max(0, openSeconds), ScriptedClock.longestDuration)
        self.importSeconds = min(max(0, importSeconds), ScriptedClock.longestDuration)
    }
}
