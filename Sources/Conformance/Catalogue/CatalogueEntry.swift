import GestimumEmulator

/// A scenario with what its golden files say: everything the catalogue
/// shows about it, read once so that rendering is pure.
struct CatalogueEntry {
    var scenario: Scenario
    /// The expected body of each step, in step order.
    var responses: [JSONValue]
    /// The companies' contacts expected afterwards (`state.json`), when the scenario checks them.
    var state: JSONValue?
    /// The anchor of its section, unique in the catalogue.
    var anchor: String

    /// Reads the golden files of every scenario, sorted by id; throws every
    /// missing or unreadable file at once.
    static func load(_ scenarios: [Scenario], golden: GoldenStore) throws -> [CatalogueEntry] {
        var entries: [CatalogueEntry] = []
        var problems: [ScenarioError] = []
        var anchors: Set<String> = []
        for scenario in scenarios.sorted(by: { $0.id < $1.id }) {
            var responses: [JSONValue] = []
            for step in scenario.steps.indices {
                do { responses.append(try golden.response(scenario.id, step: step + 1)) } catch let error as ScenarioError {
                    problems.append(error)
                }
            }
            var state: JSONValue?
            do { state = try golden.state(scenario.id) } catch let error as ScenarioError { problems.append(error) }
            let anchor = uniqueAnchor("scenario-" + slug(scenario.id), taken: &anchors)
            entries.append(CatalogueEntry(scenario: scenario, responses: responses, state: state, anchor: anchor))
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
        return entries
    }

    /// The decisions the scenario's `source` cites (`D13` → 13), in order, once each.
    var decisions: [Int] { SourceText.decisions(in: scenario.source ?? "") }

    /// Lowercase ASCII letters and digits, anything else a `-`.
    static func slug(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.map { scalar -> Character in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "-"
        })
    }

    static func uniqueAnchor(_ base: String, taken: inout Set<String>) -> String {
        var candidate = base
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
