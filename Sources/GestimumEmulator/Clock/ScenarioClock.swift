import Foundation

/// The scripted clock a scenario runs under (spec §6).
public struct ScenarioClock: Sendable, Equatable {
    public init(start: String, openSeconds: Double, importSeconds: Double) {
        self.start = start
        self.openSeconds = openSeconds
        self.importSeconds = importSeconds
    }

    public var start: String
    public var openSeconds: Double
    public var importSeconds: Double

    public static let `default` = ScenarioClock(start: ScriptedClock.defaultStart, openSeconds: 0, importSeconds: 0)

    /// Reads `{"start": "dd/MM/yyyy HH:mm:ss", "open_seconds": n, "import_seconds": n}`
    /// (every key optional); nil with the reason when a value is wrong.
    public static func read(_ value: JSONValue) -> Result<ScenarioClock, FixtureError> {
        guard case .object = value else { return .failure(FixtureError(problems: ["\"clock\" must be an object"])) }
        var clock = ScenarioClock.default
        var problems: [String] = []
        if let start = value["start"] {
            if let text = start.stringValue { clock.start = text } else { problems.append("clock.start must be a string") }
        }
        for (key, path) in [("open_seconds", \ScenarioClock.openSeconds), ("import_seconds", \ScenarioClock.importSeconds)] {
            guard let number = value[key] else { continue }
            if case let .number(text) = number, let seconds = Double(text) { clock[keyPath: path] = seconds } else {
                problems.append("clock.\(key) must be a number")
            }
        }
        if problems.isEmpty, ScriptedClock(clock) == nil {
            problems.append("clock needs a start \"dd/MM/yyyy HH:mm:ss\" and durations from 0 to \(Int(ScriptedClock.longestDuration)) seconds")
        }
        return problems.isEmpty ? .success(clock) : .failure(FixtureError(problems: problems))
    }
}

extension ScriptedClock {
    /// The scripted clock a scenario asks for; nil when its start is not a time.
    public convenience init?(_ script: ScenarioClock, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.init(start: script.start, openSeconds: script.openSeconds, importSeconds: script.importSeconds, timeZone: timeZone)
    }
}
