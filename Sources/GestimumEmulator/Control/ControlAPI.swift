import Foundation

/// The emulator's control API (`gestimum serve --control`): paths and the
/// reset document, shared by the server and the HTTP target.
public enum ControlAPI {
    public static let resetPath = "/_emulator/reset"
    public static let statePath = "/_emulator/state"

    /// `{"fixture": …, "clock": {"start", "open_seconds", "import_seconds"}}`.
    public static func resetBody(fixture: Fixture, clock: ScenarioClock) throws -> [UInt8] {
        let fixtureJSON = try JSONParser.parse(Array(try JSONEncoder().encode(fixture)))
        let document: JSONValue = .object([
            ("fixture", fixtureJSON),
            ("clock", .object([
                ("start", .string(clock.start)),
                ("open_seconds", .number(format(clock.openSeconds))),
                ("import_seconds", .number(format(clock.importSeconds))),
            ])),
        ])
        return DataSnapJSONWriter.bytes(document)
    }

    /// Reads a reset document: the fixture and the clock.
    public static func readReset(_ body: [UInt8]) throws -> (Fixture, ScenarioClock) {
        let value = try JSONParser.parse(body)
        guard case .object = value, let fixtureValue = value["fixture"] else {
            throw FixtureError(problems: ["the reset document needs a \"fixture\" object"])
        }
        let fixture = try Fixture.decode(Data(DataSnapJSONWriter.bytes(fixtureValue)))
        let clock = try value["clock"].map { try ScenarioClock.read($0).get() } ?? .default
        return (fixture, clock)
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
