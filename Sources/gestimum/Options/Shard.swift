import ArgumentParser
import Conformance

/// `--shard K/N`: the K-th of N interleaved shards, 1 ≤ K ≤ N.
struct Shard: ExpressibleByArgument {
    let index: Int
    let count: Int

    init?(argument: String) {
        guard let (index, count) = ScenarioSelection.parseShard(argument) else { return nil }
        self.index = index
        self.count = count
    }

    var defaultValueDescription: String { "\(index)/\(count)" }
}
