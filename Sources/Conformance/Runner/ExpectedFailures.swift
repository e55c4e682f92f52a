import Foundation

/// The `--expected-failures` list: scenario ids known to fail, each with a
/// reason (`documented/seed  # journal path differs, ticket 12`).
public struct ExpectedFailures: Sendable, Equatable {
    /// Reason by scenario id ("" when the line gives none).
    public var reasons: [String: String]

    public init(reasons: [String: String] = [:]) { self.reasons = reasons }

    /// Reads the list; ids that name no scenario of `known` are errors naming the file and line.
    public static func load(_ url: URL, known: Set<String>) throws -> ExpectedFailures {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ScenarioProblems([ScenarioError(file: url.path, "missing or unreadable")])
        }
        var reasons: [String: String] = [:]
        var problems: [ScenarioError] = []
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let id = parts[0].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { continue }
            if !known.contains(id) {
                problems.append(ScenarioError(file: "\(url.path):\(number + 1)", "\"\(id)\" matches no scenario"))
            }
            reasons[id] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
        return ExpectedFailures(reasons: reasons)
    }
}
