import Foundation
import GestimumEmulator

/// The console reporter. Per failing scenario, a block that says what to
/// do: id and title, folder, provenance, import, the step, what was sent, a `curl`
/// replay, then each difference with its path and `expected` / `actual`
/// labelled (changed characters marked), journals as a folded line diff.
/// A difference already shown in full for an earlier scenario is repeated
/// as one line. After the run, `ending` groups the distinct differences.
/// Colours only when asked (on a terminal).
public struct ConsoleReport: Sendable {
    public var colors: Bool
    /// Also print passing scenarios.
    public var verbose: Bool
    /// Print at most this many failing scenario blocks (nil: all).
    public var maxFailures: Int?
    public var replay: Replay
    /// Changed lines shown per journal diff before the rest is counted.
    public static let journalChangeLimit = 12
    /// Lines of `fichier_contacts` shown.
    public static let requestLineLimit = 3
    /// What earlier blocks showed in full, and how many were printed.
    private let memory = Memory()

    public init(colors: Bool, verbose: Bool = false, maxFailures: Int? = nil, replay: Replay = .emulator) {
        self.colors = colors
        self.verbose = verbose
        self.maxFailures = maxFailures
        self.replay = replay
    }

    private func paint(_ text: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    /// The text for one finished scenario (nil for a quiet pass, or a
    /// failure beyond `maxFailures`).
    public func render(_ result: ScenarioResult) -> String? {
        if case .failed = result.verdict {
            guard memory.admitFailure(limit: maxFailures) else { return nil }
            return block(result, eliding: true)
        }
        return block(result, eliding: false)
    }

    /// The full block of one scenario, nothing elided (JUnit's failure text).
    public func fullBlock(_ result: ScenarioResult) -> String? { block(result, eliding: false) }

    private func block(_ result: ScenarioResult, eliding: Bool) -> String? {
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
            return failure(result, eliding: eliding).joined(separator: "\n")
        }
    }

    private func failure(_ result: ScenarioResult, eliding: Bool) -> [String] {
        let scenario = result.scenario
        let number = Self.shownStep(result)
        var lines = [paint("FAIL", "31") + " \(scenario.id) — \(scenario.title)"]
        let stepText = number.map { "step \($0) of \(scenario.steps.count)" } ?? "no step sent"
        let importText = scenario.importDomain.map { "import \($0)" } ?? "no import"
        lines.append("  \(ScenarioFolder.display(scenario.directory)) · \(scenario.provenance.rawValue) · \(importText) · \(stepText)")
        if let number {
            lines.append(contentsOf: sent(scenario.steps[number - 1]))
            let note = replay.inProcess ? "replay (with gestimum serve --control, fixture \(scenario.fixtureName ?? "inline")): " : "replay: "
            lines.append("  " + note + replay.curl(scenario, step: number, responses: result.responses))
        }
        for difference in result.differences {
            if eliding, let first = memory.seenEverywhere(difference, by: scenario.id) {
                let entry = DistinctDifferences.entries(difference)[0]
                lines.append("  " + stepName(difference) + ", " + entry.summary + " (as in \(first))")
            } else {
                lines.append(contentsOf: render(difference))
            }
        }
        return lines
    }

    /// The step a failure block shows: the first with a difference, else the last.
    static func shownStep(_ result: ScenarioResult) -> Int? {
        guard !result.scenario.steps.isEmpty else { return nil }
        let step = result.differences.map(\.step).filter { $0 > 0 }.min() ?? result.scenario.steps.count
        return min(step, result.scenario.steps.count)
    }

    /// `sent POST /path`, then the first lines of the import's file and each non-default parameter.
    private func sent(_ step: ScenarioStep) -> [String] {
        var lines: [String] = []
        switch RequestView(body: step.body) {
        case .none:
            lines.append("  sent \(step.method) \(step.path) (no body)")
        case let .lines(importLines, key, differences):
            let parameters = differences.map { d -> String in
                switch d.kind {
                case .absent: return "\(d.path) absent"
                case let .changed(value), let .extra(value): return "\(d.path)=\(DisplayJSON.compact(value))"
                }
            }
            lines.append("  sent \(step.method) \(step.path)" + (parameters.isEmpty ? "" : " with " + parameters.joined(separator: ", ")))
            lines.append(contentsOf: preview(importLines, what: key))
        case let .raw(rawLines, validUTF8):
            lines.append("  sent \(step.method) \(step.path), a body of another shape\(validUTF8 ? "" : " (not valid UTF-8)"):")
            lines.append(contentsOf: preview(rawLines, what: "body"))
        }
        return lines
    }

    private func preview(_ lines: [String], what: String) -> [String] {
        var out = lines.prefix(Self.requestLineLimit).map { "    | " + DisplayJSON.quote($0).dropFirst().dropLast() }
        if lines.isEmpty { out.append("    (\(what) is empty)") }
        let more = lines.count - Self.requestLineLimit
        if more > 0 { out.append("    | … \(more) more line\(more == 1 ? "" : "s")") }
        return out
    }

    private func stepName(_ d: Difference) -> String { d.step == 0 ? "final state" : "step \(d.step)" }

    func render(_ d: Difference) -> [String] {
        let place = d.path.isEmpty ? "" : " \(d.path)"
        let head = "  \(stepName(d)), \(d.kind.rawValue)\(place)"
        if d.kind == .invariant { return ["\(head): invariant broken: \(d.actual)"] }
        if d.kind == .journal, !d.lines.isEmpty {
            return ["\(head) (" + paint("- expected", "32") + ", " + paint("+ actual", "31") + "):"] + journal(d.lines)
        }
        if let marks = Self.marker(expected: d.expected, actual: d.actual) {
            return ["\(head):",
                    "    expected: " + paint(d.expected, "32"),
                    "    actual:   " + paint(d.actual, "31"),
                    "              " + marks]
        }
        if d.expected.count + d.actual.count < 80 {
            return ["\(head): expected " + paint(d.expected, "32") + ", actual " + paint(d.actual, "31")]
        }
        return ["\(head):", "    expected: " + paint(d.expected, "32"), "    actual:   " + paint(d.actual, "31")]
    }

    /// `^` under the characters of `actual` that differ from `expected`,
    /// when both are one line and share a beginning or an end.
    static func marker(expected: String, actual: String) -> String? {
        guard !expected.contains("\n"), !actual.contains("\n"), expected != actual,
              expected != Difference.missing, actual != Difference.missing else { return nil }
        let e = Array(expected), a = Array(actual)
        let prefix = zip(e, a).prefix(while: { $0 == $1 }).count
        let suffix = zip(e.dropFirst(prefix).reversed(), a.dropFirst(prefix).reversed()).prefix(while: { $0 == $1 }).count
        guard prefix + suffix > 0 else { return nil }
        if e.count == a.count {
            let marks = String(zip(e, a).map { $0 == $1 ? " " : "^" })
            return String(marks.reversed().drop(while: { $0 == " " }).reversed())
        }
        let changed = a.count - prefix - suffix
        return String(repeating: " ", count: prefix) + String(repeating: "^", count: max(1, changed))
    }

    /// The line diff with unchanged runs folded to 3 lines of context, at
    /// most `journalChangeLimit` changed lines, and a marker under the
    /// changed characters of a line replaced by one other line.
    func journal(_ diff: [String]) -> [String] {
        let context = 3
        let changed = diff.indices.filter { !diff[$0].hasPrefix("  ") }
        var keep = Set<Int>()
        for i in changed { keep.formUnion(max(0, i - context)...min(diff.count - 1, i + context)) }
        var out: [String] = []
        var shownChanges = 0, folded = 0
        func flushFolded() {
            if folded > 0 { out.append("      ⋮ \(folded) unchanged line\(folded == 1 ? "" : "s")") }
            folded = 0
        }
        for (i, line) in diff.enumerated() {
            guard keep.contains(i) else { folded += 1; continue }
            let isChange = !line.hasPrefix("  ")
            if isChange, shownChanges == Self.journalChangeLimit {
                flushFolded()
                out.append("      … \(changed.count - shownChanges) more changed lines (all in --json)")
                return out
            }
            flushFolded()
            if isChange { shownChanges += 1 }
            let color = line.hasPrefix("- ") ? "32" : line.hasPrefix("+ ") ? "31" : "0"
            out.append("    " + (color == "0" ? line : paint(line, color)))
            // A one-for-one replacement: mark what changed in the new line.
            if line.hasPrefix("+ "), i >= 1, diff[i - 1].hasPrefix("- "), i < 2 || !diff[i - 2].hasPrefix("- "),
               i + 1 >= diff.count || !diff[i + 1].hasPrefix("+ "),
               let marks = Self.marker(expected: String(diff[i - 1].dropFirst(2)), actual: String(line.dropFirst(2))) {
                out.append("      " + marks)
            }
        }
        flushFolded()
        return out
    }

    /// What ends a run: a note on blocks not shown, the distinct
    /// differences, the conformance line, the expected-failures line and
    /// the closing line (last).
    public func ending(_ results: [ScenarioResult]) -> [String] {
        let summary = RunSummary(results)
        var lines: [String] = []
        let failing = results.filter { $0.verdict == .failed }.count
        if let maxFailures, failing > maxFailures {
            lines.append("(\(failing - maxFailures) more failing scenarios not shown: --max-failures \(maxFailures))")
        }
        let groups = DistinctDifferences.groups(results.filter { $0.verdict == .failed })
        if !groups.isEmpty {
            lines.append("")
            lines.append(contentsOf: DistinctDifferences.render(groups, failing: failing))
            lines.append("")
        }
        return lines + summary.finalLines
    }

    /// Thread-safe memory of a run's console: differences shown in full, failures printed.
    private final class Memory: @unchecked Sendable {
        private let lock = NSLock()
        private var shown: [String: String] = [:]
        private var failures = 0

        func admitFailure(limit: Int?) -> Bool {
            lock.lock(); defer { lock.unlock() }
            failures += 1
            return limit.map { failures <= $0 } ?? true
        }

        /// The scenario that first showed every group key of `d`, or nil (and remembers `d` as shown by `id`).
        func seenEverywhere(_ d: Difference, by id: String) -> String? {
            let keys = DistinctDifferences.entries(d).map(\.key)
            lock.lock(); defer { lock.unlock() }
            let firsts = keys.compactMap { shown[$0] }
            if firsts.count == keys.count, let first = firsts.first, first != id { return first }
            for key in keys where shown[key] == nil { shown[key] = id }
            return nil
        }
    }
}
