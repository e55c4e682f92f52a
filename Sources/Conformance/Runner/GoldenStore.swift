import Foundation
import GestimumEmulator

/// The `Golden/` folder: expected bodies per step and optional `state.json`.
public struct GoldenStore: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func responseURL(_ id: String, step: Int) -> URL {
        root.appendingPathComponent(id).appendingPathComponent(ScenarioStep.responseFile(step: step))
    }

    public func stateURL(_ id: String) -> URL {
        root.appendingPathComponent(id).appendingPathComponent("state.json")
    }

    public func response(_ id: String, step: Int) throws -> JSONValue {
        try ScenarioLoader.readJSON(responseURL(id, step: step))
    }

    /// The expected state, or nil when the scenario does not check it.
    public func state(_ id: String) throws -> JSONValue? {
        let url = stateURL(id)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try ScenarioLoader.readJSON(url)
    }

    /// Every golden file the scenarios need, each readable JSON; all problems at once.
    public func check(_ scenarios: [Scenario]) throws {
        var problems: [ScenarioError] = []
        for scenario in scenarios {
            for step in 1...scenario.steps.count {
                do { _ = try response(scenario.id, step: step) } catch let error as ScenarioError { problems.append(error) }
            }
            do { _ = try state(scenario.id) } catch let error as ScenarioError { problems.append(error) }
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
    }

    /// Golden files that no step produces (`response-3.json` for a two-step
    /// scenario, any other name) and golden folders with no scenario: each an
    /// error naming the file. `scenarios` must be the whole suite.
    public func strayFiles(_ scenarios: [Scenario]) -> [ScenarioError] {
        guard FileManager.default.fileExists(atPath: root.path) else { return [] }
        let rootPath = root.standardizedFileURL.path
        let steps = Dictionary(scenarios.map { ($0.id, $0.steps.count) }, uniquingKeysWith: { a, _ in a })
        var problems: [ScenarioError] = []
        var orphanFolders = Set<String>()
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == false else { continue }
            let name = url.lastPathComponent
            if name.hasPrefix(".") { continue }
            let id = String(url.deletingLastPathComponent().standardizedFileURL.path.dropFirst(rootPath.count + 1))
            guard let count = steps[id] else {
                if orphanFolders.insert(id).inserted {
                    problems.append(ScenarioError(file: url.deletingLastPathComponent().path,
                                                  "golden folder without a scenario (no \(id)/scenario.json): remove it or restore its scenario"))
                }
                continue
            }
            let produced = Set((1...max(1, count)).map(ScenarioStep.responseFile(step:)) + ["state.json"])
            if !produced.contains(name) {
                problems.append(ScenarioError(file: url.path, "no step of \(id) produces this file (it has \(count) step\(count == 1 ? "" : "s")): remove it"))
            }
        }
        return problems.sorted { $0.file < $1.file }
    }

    /// Golden folders that no scenario claims (a renamed or deleted scenario).
    public func orphans(known: Set<String>) -> [String] {
        let rootPath = root.standardizedFileURL.path
        var ids: [String] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.lastPathComponent == "response.json" else { continue }
            let id = String(url.deletingLastPathComponent().standardizedFileURL.path.dropFirst(rootPath.count + 1))
            if !known.contains(id) { ids.append(id) }
        }
        return ids.sorted()
    }
}
