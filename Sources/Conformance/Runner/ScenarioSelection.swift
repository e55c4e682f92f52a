/// Which scenarios a run takes: `--filter`, `--tag`, `--shard K/N`.
public struct ScenarioSelection: Sendable, Equatable {
    /// Part of the id, case-insensitive.
    public var filter: String?
    /// Scenarios carrying any of these tags.
    public var tags: [String]
    /// `K/N`: the K-th of N interleaved shards (1-based).
    public var shard: (index: Int, count: Int)?

    public init(filter: String? = nil, tags: [String] = [], shard: (index: Int, count: Int)? = nil) {
        self.filter = filter
        self.tags = tags
        self.shard = shard
    }

    public static func == (lhs: ScenarioSelection, rhs: ScenarioSelection) -> Bool {
        lhs.filter == rhs.filter && lhs.tags == rhs.tags && lhs.shard?.index == rhs.shard?.index && lhs.shard?.count == rhs.shard?.count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public static func parseShard(_ text: String) -> (index: Int, count: Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        return (k, n)
    }

    public func apply(_ scenarios: [Scenario]) -> [Scenario] {
        var chosen = scenarios.sorted { $0.id < $1.id }
        if let filter, !filter.isEmpty {
            chosen = chosen.filter { $0.id.lowercased().contains(filter.lowercased()) }
        }
        if !tags.isEmpty {
            chosen = chosen.filter { !Set($0.tags).isDisjoint(with: tags) }
        }
        if let shard {
            chosen = chosen.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element)
        }
        return chosen
    }
}
