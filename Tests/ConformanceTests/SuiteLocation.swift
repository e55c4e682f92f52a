import Conformance
import Foundation

/// The project's own suite, found from this file's path.
enum SuiteLocation {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarios = repository.appendingPathComponent("Scenarios")
    static let golden = GoldenStore(root: repository.appendingPathComponent("Golden"))
    static let loader = ScenarioLoader(root: scenarios)
    /// Every scenario id; a failure to list them is a test failure in `suiteLoads`.
    static let ids: [String] = (try? loader.scenarioIDs()) ?? []
}
