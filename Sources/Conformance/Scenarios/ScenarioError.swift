/// A scenario, golden or fixture file that is missing, unreadable or wrong:
/// the runner exits 66 (`EX_NOINPUT`) naming the file.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let problem: String

    public init(file: String, _ problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}

/// Every problem found while loading scenarios.
public struct ScenarioProblems: Error, CustomStringConvertible, Sendable {
    public let errors: [ScenarioError]

    public init(_ errors: [ScenarioError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
