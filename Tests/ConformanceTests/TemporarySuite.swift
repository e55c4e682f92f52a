import Conformance
import Foundation
import GestimumEmulator

/// A copy of some of the project's scenarios and goldens in a temporary
/// folder, for tests that tamper with them.
struct TemporarySuite {
    let root: URL
    var scenarios: URL { root.appendingPathComponent("Scenarios") }
    var goldenRoot: URL { root.appendingPathComponent("Golden") }
    var golden: GoldenStore { GoldenStore(root: goldenRoot) }
    var loader: ScenarioLoader { ScenarioLoader(root: scenarios) }

    init(copying ids: [String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-suite-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try fm.copyItem(at: SuiteLocation.scenarios.appendingPathComponent("fixtures"), to: scenarios.appendingPathComponent("fixtures"))
        for id in ids {
            for (from, to) in [(SuiteLocation.scenarios, scenarios), (SuiteLocation.golden.root, goldenRoot)] {
                let target = to.appendingPathComponent(id)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.copyItem(at: from.appendingPathComponent(id), to: target)
            }
        }
    }

    /// Rewrites a golden file's text.
    func edit(_ id: String, _ file: String = "response.json", _ change: (String) -> String) throws {
        let url = goldenRoot.appendingPathComponent(id).appendingPathComponent(file)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    func run(mode: ComparisonMode = .strict, expectedFailures: ExpectedFailures = .init()) async throws -> [ScenarioResult] {
        let runner = ConformanceRunner(target: EmulatorTarget(),
                                       options: RunOptions(golden: golden, mode: mode, expectedFailures: expectedFailures))
        return await runner.run(try loader.loadAll())
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
