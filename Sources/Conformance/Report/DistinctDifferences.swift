/// Identical differences across scenarios, grouped (scenario-format.md,
/// Reports): same kind, path and expected/actual, or the same journal line
/// change. Journal lines and invariant sentences that differ only in their
/// numbers group together (`La ligne 2` → `La ligne 3` is the same bug as
/// `La ligne 7` → `La ligne 8`), the first example shown.
public struct DifferenceGroup: Sendable {
    public var key: String
    /// The first occurrence, as one line: `journal $.result[0].journal: - "…" + "…"`.
    public var summary: String
    /// Whether members differ in their numbers from the summary's example.
    public var numbersVary: Bool
    /// The scenarios with this difference, in run order.
    public var ids: [String]
}

public enum DistinctDifferences {
    /// The groups of the failing scenarios' differences, biggest first (ties in order of first appearance).
    public static func groups(_ results: [ScenarioResult]) -> [DifferenceGroup] {
        var groups: [DifferenceGroup] = []
        var index: [String: Int] = [:]
        var exact: [String: String] = [:]
        for result in results where !result.differences.isEmpty {
            let id = result.scenario.id
            for difference in result.differences {
                for entry in entries(difference) {
                    if let i = index[entry.key] {
                        if groups[i].ids.last != id, !groups[i].ids.contains(id) { groups[i].ids.append(id) }
                        if exact[entry.key] != entry.summary { groups[i].numbersVary = true }
                    } else {
                        index[entry.key] = groups.count
                        exact[entry.key] = entry.summary
                        groups.append(DifferenceGroup(key: entry.key, summary: entry.summary, numbersVary: false, ids: [id]))
                    }
                }
            }
        }
        return groups.enumerated().sorted { ($0.element.ids.count, -$0.offset) > ($1.element.ids.count, -$1.offset) }.map(\.element)
    }

    /// A difference's group keys with a one-line summary each: one per line
    /// change for a journal diff, one for anything else.
    public static func entries(_ d: Difference) -> [(key: String, summary: String)] {
        let place = d.path.isEmpty ? d.kind.rawValue : "\(d.kind.rawValue) \(d.path)"
        if d.kind == .journal, case let changes = LineChange.changes(in: d.lines), !changes.isEmpty {
            return changes.map { change in
                let e = change.expected.map { "- " + quoted($0) }, a = change.actual.map { "+ " + quoted($0) }
                let text = [e, a].compactMap { $0 }.joined(separator: " ")
                return (key: "journal|\(d.path)|\(maskNumbers(change.expected ?? "∅"))|\(maskNumbers(change.actual ?? "∅"))",
                        summary: "\(place): \(text)")
            }
        }
        let masked = d.kind == .journal || d.kind == .invariant
        let e = masked ? maskNumbers(d.expected) : d.expected, a = masked ? maskNumbers(d.actual) : d.actual
        let summary = d.kind == .invariant ? "invariant broken: \(d.actual)" : "\(place): expected \(d.expected), actual \(d.actual)"
        return [(key: "\(d.kind.rawValue)|\(d.path)|\(e)|\(a)", summary: summary)]
    }

    static func maskNumbers(_ text: String) -> String { LineDiff.shape(text) }

    static func quoted(_ line: String) -> String { "\"" + line + "\"" }

    /// The console section: each group with its count and first 5 ids.
    public static func render(_ groups: [DifferenceGroup], failing: Int) -> [String] {
        guard !groups.isEmpty else { return [] }
        var lines = ["Distinct differences: \(groups.count) across \(failing) failing scenario\(failing == 1 ? "" : "s")"]
        for (n, group) in groups.enumerated() {
            let count = group.ids.count
            lines.append("  \(n + 1). \(count) scenario\(count == 1 ? "" : "s"): \(group.summary)\(group.numbersVary ? " (and the same with other numbers)" : "")")
            let shown = group.ids.prefix(5).joined(separator: ", ")
            lines.append("     " + shown + (count > 5 ? " and \(count - 5) more" : ""))
        }
        return lines
    }
}
