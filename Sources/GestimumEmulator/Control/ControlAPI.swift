import Foundation

/// The emulator's control API (`gestimum serve --control`): paths and the
/// reset document, shared by the server and the HTTP target.
public enum ControlAPI {
    public static let prefix = "/_emulator/"
    public static let resetPath = "/_emulator/reset"
    public static let statePath = "/_emulator/state"
    public static let clockPath = "/_emulator/clock"
    public static let faultsPath = "/_emulator/faults"
    public static let requestsPath = "/_emulator/requests"

    /// `{"fixture": …, "clock": {"start", "open_seconds", "import_seconds"}}`.
    public static func resetBody(fixture: Fixture, clock: ScenarioClock) -> [UInt8] {
        DataSnapJSONWriter.bytes(.object([("fixture", fixture.json), ("clock", clock.json)]))
    }

    /// What a reset installs: a fixture given inline or by name (nil: the
    /// default one), and a clock (nil: the server's own).
    public struct Reset: Sendable {
        public enum FixtureChoice: Sendable {
            case inline(Fixture)
            case named(String)
        }

        public var fixture: FixtureChoice?
        public var clock: ScenarioClock?

        public init(fixture: FixtureChoice? = nil, clock: ScenarioClock? = nil) {
            self.fixture = fixture
            self.clock = clock
        }

        /// Reads a reset body; an empty body is `{}`. Every problem is listed with its JSON path.
        public static func read(_ body: [UInt8]) throws(FixtureError) -> Reset {
            let document = try ControlAPI.document(body)
            let reader = JSONReader()
            var reset = Reset()
            for (key, value) in reader.object(document, at: "", keys: ["fixture", "clock"]) ?? [] {
                switch key {
                case "fixture":
                    switch value {
                    case let .string(name): reset.fixture = .named(name)
                    case .object:
                        do { reset.fixture = .inline(try Fixture(json: value, at: "fixture")) } catch {
                            error.problems.forEach { reader.fail("", $0) }
                        }
                    default:
                        reader.fail("fixture", "must be a fixture name or a fixture object, not \(JSONReader.describe(value))")
                    }
                case "clock":
                    switch ScenarioClock.read(value, at: "clock") {
                    case let .success(clock): reset.clock = clock
                    case let .failure(error): error.problems.forEach { reader.fail("", $0) }
                    }
                default: break
                }
            }
            guard reader.problems.isEmpty else { throw FixtureError(problems: reader.problems) }
            return reset
        }
    }

    /// A control call's body as JSON: empty (or only white space) is `{}`.
    public static func document(_ body: [UInt8]) throws(FixtureError) -> JSONValue {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return .object([]) }
        do { return try JSONParser.parse(body) } catch {
            throw FixtureError(problems: ["the body is not valid JSON (at byte \(error.offset))"])
        }
    }
}
