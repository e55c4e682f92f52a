import Foundation
import GestimumEmulator

/// Reads and checks scenarios from a `Scenarios/` folder. Every problem of
/// every file is collected before anything runs.
public struct ScenarioLoader: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public var fixturesFolder: URL { root.appendingPathComponent("fixtures") }

    /// All scenario ids under the root, sorted.
    public func scenarioIDs() throws -> [String] {
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw ScenarioProblems([ScenarioError(file: root.path, "no such scenarios folder")])
        }
        let rootPath = root.standardizedFileURL.path
        var ids: [String] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.lastPathComponent == "scenario.json" else { continue }
            let folder = url.deletingLastPathComponent().standardizedFileURL.path
            ids.append(String(folder.dropFirst(rootPath.count + 1)))
        }
        return ids.sorted()
    }

    /// Loads every scenario; throws all the problems found at once.
    public func loadAll() throws -> [Scenario] {
        var scenarios: [Scenario] = []
        var problems: [ScenarioError] = []
        var fixtures: [String: Result<Fixture, ScenarioError>] = [:]
        for id in try scenarioIDs() {
            do { scenarios.append(try load(id: id, fixtureCache: &fixtures)) } catch let error as ScenarioProblems {
                problems.append(contentsOf: error.errors)
            }
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
        return scenarios
    }

    public func load(id: String) throws -> Scenario {
        var cache: [String: Result<Fixture, ScenarioError>] = [:]
        return try load(id: id, fixtureCache: &cache)
    }

    private func load(id: String, fixtureCache: inout [String: Result<Fixture, ScenarioError>]) throws -> Scenario {
        let directory = root.appendingPathComponent(id)
        let file = directory.appendingPathComponent("scenario.json")
        let metadata: JSONValue
        do { metadata = try Self.readJSON(file) } catch let error as ScenarioError { throw ScenarioProblems([error]) }
        var problems: [String] = []
        func fail(_ text: String) { problems.append(text) }

        for key in Self.unknownKeys(metadata, allowed: Scenario.keys) {
            fail("unknown key \"\(key)\" (a scenario.json has \(Scenario.keys.sorted().joined(separator: ", ")))")
        }
        if let clockValue = metadata["clock"] {
            for key in Self.unknownKeys(clockValue, allowed: Scenario.clockKeys) {
                fail("unknown key \"clock.\(key)\" (a clock has \(Scenario.clockKeys.sorted().joined(separator: ", ")))")
            }
        }
        let title = metadata["title"]?.stringValue ?? ""
        if title.isEmpty { fail("\"title\" must be a non-empty string") }
        let provenance = metadata["provenance"]?.stringValue.flatMap(Provenance.init(rawValue:))
        if provenance == nil { fail("\"provenance\" must be one of documented, inferred, observed") }
        var tags: [String] = []
        if let value = metadata["tags"] {
            if let array = value.arrayValue, array.allSatisfy({ $0.stringValue != nil }) {
                tags = array.compactMap(\.stringValue)
            } else { fail("\"tags\" must be an array of strings") }
        }

        var fixture: Fixture?
        var fixtureName: String?
        var fixtureFile: URL?
        switch metadata["fixture"] {
        case nil, .string?:
            let name = metadata["fixture"]?.stringValue ?? "demo"
            fixtureName = name
            let url = fixturesFolder.appendingPathComponent(name + ".json")
            fixtureFile = url
            let result = fixtureCache[name] ?? Result { try Self.readFixture(url) }.mapError { $0 as! ScenarioError }
            fixtureCache[name] = result
            switch result {
            case let .success(value): fixture = value
            case let .failure(error): fail("fixture \"\(name)\": \(error)")
            }
        case let .object(pairs)?:
            do { fixture = try Fixture(json: .object(pairs), at: "fixture") } catch {
                error.problems.forEach(fail)
            }
        default:
            fail("\"fixture\" must be a fixture name or an object")
        }

        var clock = ScenarioClock.default
        if let value = metadata["clock"] {
            switch ScenarioClock.read(value) {
            case let .success(read): clock = read
            case let .failure(error): error.problems.forEach(fail)
            }
        }

        var steps: [ScenarioStep] = []
        if let array = metadata["steps"]?.arrayValue, !array.isEmpty {
            for (i, value) in array.enumerated() {
                if let step = loadStep(value, number: i + 1, directory: directory, fail: fail) { steps.append(step) }
            }
        } else {
            fail("\"steps\" must be a non-empty array")
        }

        guard problems.isEmpty, let provenance, let fixture else {
            throw ScenarioProblems(problems.map { ScenarioError(file: file.path, $0) })
        }
        return Scenario(
            id: id, directory: directory, title: title, provenance: provenance,
            source: metadata["source"]?.stringValue, rule: metadata["rule"]?.stringValue, tags: tags,
            fixtureName: fixtureName, fixture: fixture, fixtureFile: fixtureFile, clock: clock, steps: steps,
            metadata: metadata)
    }

    private func loadStep(_ value: JSONValue, number: Int, directory: URL, fail: (String) -> Void) -> ScenarioStep? {
        guard case .object = value else { fail("steps[\(number - 1)] must be an object"); return nil }
        for key in Self.unknownKeys(value, allowed: ScenarioStep.keys) {
            fail("unknown key \"steps[\(number - 1)].\(key)\" (a step has \(ScenarioStep.keys.sorted().joined(separator: ", ")))")
        }
        var advance: Double?
        if let advanceValue = value["advance_seconds"] {
            if case let .number(text) = advanceValue, let seconds = Double(text), seconds >= 0, seconds.isFinite {
                advance = seconds
            } else {
                fail("steps[\(number - 1)].advance_seconds must be a number of seconds, 0 or more")
            }
        }
        var body: [UInt8] = []
        let requestFile = value["request"]?.stringValue
        if let requestFile {
            let url = directory.appendingPathComponent(requestFile)
            do { body = Array(try Data(contentsOf: url)) } catch {
                fail("steps[\(number - 1)]: cannot read \(url.path)")
            }
        } else if value["request"] != nil {
            fail("steps[\(number - 1)].request must be a file name")
        }
        var headers: [(name: String, value: String)] = []
        if let headerValue = value["headers"] {
            if let object = headerValue.objectValue {
                for pair in object {
                    guard let text = pair.value.stringValue else { fail("steps[\(number - 1)].headers values must be strings"); continue }
                    headers.append((pair.key, text))
                }
            } else {
                fail("steps[\(number - 1)].headers must be an object")
            }
        }
        for key in ["method", "path"] where value[key] != nil && value[key]?.stringValue == nil {
            fail("steps[\(number - 1)].\(key) must be a string")
        }
        if let path = value["path"]?.stringValue, !path.hasPrefix("/") {
            fail("steps[\(number - 1)].path must start with /")
        }
        var status = 200
        if let statusValue = value["status"] {
            if case let .number(text) = statusValue, let code = Int(text) { status = code } else {
                fail("steps[\(number - 1)].status must be an integer")
            }
        }
        var usesPrevious = false
        if let session = value["session"] {
            if session.stringValue == "previous" { usesPrevious = true } else {
                fail("steps[\(number - 1)].session can only be \"previous\"")
            }
        }
        return ScenarioStep(
            requestFile: requestFile, body: body,
            method: value["method"]?.stringValue ?? "POST",
            path: value["path"]?.stringValue ?? "/api/rest/Contacts/%22Importer%22",
            status: status, headers: headers, usesPreviousSession: usesPrevious, advanceSeconds: advance)
    }

    /// The keys of an object that are not in `allowed`, in the file's order.
    static func unknownKeys(_ value: JSONValue, allowed: Set<String>) -> [String] {
        (value.objectValue ?? []).map(\.key).filter { !allowed.contains($0) }
    }

    /// Reads a JSON file, or throws a ``ScenarioError`` naming it.
    public static func readJSON(_ url: URL) throws -> JSONValue {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ScenarioError(file: url.path, "missing or unreadable")
        }
        do { return try JSONParser.parse(Array(data)) } catch {
            throw ScenarioError(file: url.path, "not valid JSON (byte \(error.offset))")
        }
    }

    static func readFixture(_ url: URL) throws -> Fixture {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ScenarioError(file: url.path, "missing or unreadable")
        }
        do { return try Fixture.decode(data) } catch {
            throw ScenarioError(file: url.path, "\(error)")
        }
    }
}

