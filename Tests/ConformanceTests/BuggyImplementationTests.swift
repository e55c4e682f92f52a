import Conformance
import Foundation
import Testing

/// The whole suite against an implementation with four planted bugs: the
/// console must read as a few groups a person can fix from, not a wall.
@Suite("Reports of a buggy implementation")
struct BuggyImplementationTests {
    @Test func fourBugsReadAsFewDistinctDifferencesInAShortConsole() async throws {
        let scenarios = try SuiteLocation.loader.loadAll()
        let runner = ConformanceRunner(target: BuggyTarget(), options: RunOptions(golden: SuiteLocation.golden, mode: .strict, jobs: 2))
        let console = ConsoleReport(colors: false)
        let blocks = Blocks()
        let results = await runner.run(scenarios) { result in
            if let text = console.render(result) { blocks.append(result, text) }
        }
        let ending = console.ending(results)
        let output = (blocks.texts.map(\.1) + ending).joined(separator: "\n")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).count
        let failing = results.filter { $0.verdict == .failed }
        let groups = DistinctDifferences.groups(failing)
        let summary = RunSummary(results)
        print("buggy implementation: \(failing.count) failing scenarios, \(groups.count) distinct differences, \(lines) console lines; \(summary.conformanceLine)")

        #expect(failing.count > 20, "the planted bugs must make many scenarios fail")
        #expect(groups.count <= 20, Comment(rawValue: DistinctDifferences.render(groups, failing: failing.count).joined(separator: "\n")))
        // Short blocks: at most 12 lines a failing scenario, ending included, however large the suite grows.
        #expect(lines <= 12 * failing.count)
        for (result, text) in blocks.texts where result.verdict == .failed {
            #expect(text.contains("curl -sS -X "), "no curl line for \(result.scenario.id)")
            #expect(text.contains(result.scenario.directory.lastPathComponent))
        }
        #expect(summary.conformanceLine.hasPrefix("documented "))
        #expect(summary.conformanceLine.contains("/\(scenarios.filter { $0.provenance == .documented }.count) · inferred "))
        #expect(ending.last == summary.closingLine)
        // Each planted bug is one of the groups, the unescaped `/` as a wire difference.
        let summaries = groups.map(\.summary)
        #expect(summaries.contains { $0.contains("réalisé") })
        #expect(summaries.contains { $0.contains("nombre_lignes_non_importées") && $0.contains("(missing)") })
        #expect(summaries.contains { $0.contains("n'a pas pu être importée") })
        #expect(groups.contains { $0.summary.contains("wire") }, Comment(rawValue: summaries.joined(separator: "\n")))
    }

    /// The blocks in the order the run printed them.
    final class Blocks: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var texts: [(ScenarioResult, String)] = []
        func append(_ result: ScenarioResult, _ text: String) {
            lock.lock(); texts.append((result, text)); lock.unlock()
        }
    }
}
