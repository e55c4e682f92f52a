import ArgumentParser
import Conformance
import Foundation
import GestimumEmulator

extension ComparisonMode: ExpressibleByArgument {}

/// Options naming the suite and the target, shared by `run` and `record`.
struct SuiteOptions: ParsableArguments {
    @OptionGroup var folders: SuiteFolders

    @Option(help: "Only scenarios whose id contains this text.")
    var filter: String?

    @Option(help: "Only scenarios with this tag (repeatable).")
    var tag: [String] = []

    @Option(help: ArgumentHelp("Run the K-th of N shards, e.g. 2/4 (1 ≤ K ≤ N).", valueName: "K/N"))
    var shard: Shard?

    @Option(help: "Scenarios run at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Command run before each scenario on a URL target without the control API; gets the fixture file's path.")
    var setupCommand: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    var selection: ScenarioSelection {
        ScenarioSelection(filter: filter, tags: tag, shard: shard.map { ($0.index, $0.count) })
    }

    var loader: ScenarioLoader { ScenarioLoader(root: URL(fileURLWithPath: folders.scenarios)) }
    var goldenStore: GoldenStore { GoldenStore(root: URL(fileURLWithPath: folders.golden)) }

    /// The in-process emulator, or the implementation at a URL.
    func makeTarget(_ address: TargetAddress) -> any Target {
        switch address {
        case .emulator: EmulatorTarget()
        case let .url(url): HTTPTarget(baseURL: url, setupCommand: setupCommand, fixturesFolder: loader.fixturesFolder)
        }
    }
}
