/// The console reporter: a line per scenario, and for a failure every
/// difference with its step, JSON path, expected and actual values, and
/// journals as a line diff. Colours only when asked (on a terminal).
public struct ConsoleReport: Sendable {
    public var colors: Bool
    /// Also print passing scenarios.
    public var verbose: Bool

    public init(colors: Bool, verbose: Bool = false) {
        self.colors = colors
        self.verbose = verbose
    }

    private func paint(_ text: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    /// The lines for one result (none for a quiet pass).
    public func render(_ result: ScenarioResult) -> String? {
        let id = result.scenario.id
        switch result.verdict {
        case .passed:
            let notes = result.notes.map { paint("NOTE", "33") + " \(id): \($0)" }
            return verbose || !notes.isEmpty ? ([paint("PASS", "32") + " " + id] + notes).joined(separator: "\n") : nil
        case let .skipped(reason):
            return paint("SKIP", "33") + " \(id): \(reason)"
        case let .expectedFailure(reason):
            return paint("XFAIL", "33") + " \(id) (expected: \(reason))"
        case let .unexpectedPass(reason):
            return paint("FAIL", "31") + " \(id): passed but listed as an expected failure (\(reason)); remove it from the list"
        case .failed:
            var lines = [paint("FAIL", "31") + " \(id) — \(result.scenario.title)"]
            for difference in result.differences { lines.append(contentsOf: render(difference)) }
            return lines.joined(separator: "\n")
        }
    }

    func render(_ d: Difference) -> [String] {
        let step = d.step == 0 ? "state" : "step \(d.step)"
        let place = d.path.isEmpty ? "" : " at \(d.path)"
        var lines = ["  \(step), \(d.kind.rawValue)\(place):",
                     "    expected: " + paint(d.expected, "32"),
                     "    actual:   " + paint(d.actual, "31")]
        for line in d.lines {
            let color = line.hasPrefix("- ") ? "32" : line.hasPrefix("+ ") ? "31" : "0"
            lines.append("      " + (color == "0" ? line : paint(line, color)))
        }
        return lines
    }
}
