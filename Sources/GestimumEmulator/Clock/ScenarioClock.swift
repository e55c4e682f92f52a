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
}

extension ScriptedClock {
    /// The scripted clock a scenario asks for; nil when its start is not a time.
    public convenience init?(_ script: ScenarioClock, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.init(start: script.start, openSeconds: script.openSeconds, importSeconds: script.importSeconds, timeZone: timeZone)
    }
}
