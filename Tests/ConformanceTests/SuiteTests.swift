import Conformance
import GestimumEmulator
import Testing

/// The whole conformance suite against the in-process emulator, one test per
/// scenario so that a failure names it.
@Suite("Conformance suite")
struct SuiteTests {
    @Test("scenario", arguments: SuiteLocation.ids)
    func scenario(_ id: String) async throws {
        let scenario = try SuiteLocation.loader.load(id: id)
        let runner = ConformanceRunner(target: EmulatorTarget(), options: RunOptions(golden: SuiteLocation.golden, mode: .strict))
        let result = await runner.run(scenario)
        #expect(result.verdict == .passed, "\(ConsoleReport(colors: false).render(result) ?? "")")
    }

    @Test func suiteLoadsWithEveryGolden() throws {
        let scenarios = try SuiteLocation.loader.loadAll()
        #expect(scenarios.count >= 100)
        #expect(SuiteLocation.ids == scenarios.map(\.id), "the parameterized scenario test must run every scenario")
        try SuiteLocation.golden.check(scenarios)
        #expect(SuiteLocation.golden.orphans(known: Set(scenarios.map(\.id))) == [])
    }

    @Test func everyGroupOfTheIssueIsCovered() throws {
        let groups = Set(try SuiteLocation.loader.loadAll().map(\.group))
        for group in ["documented", "request", "parsing", "fields", "custom-fields", "updates", "sessions", "protocol", "versions", "large"] {
            #expect(groups.contains(group), "no scenario in group \(group)")
        }
    }

    @Test func everyRejectionReasonHasAScenario() throws {
        var journals = ""
        for id in SuiteLocation.ids {
            journals += (try? String(contentsOf: SuiteLocation.golden.responseURL(id, step: 1), encoding: .utf8)) ?? ""
        }
        let reasons = [
            Messages.missingCode, Messages.missingName, "dépasse la longueur maximale", "Le code tiers ", "Le critère 1 ",
            "Le critère 2 ", "La fonction ", "Le contact ", "attendu)", Messages.unclosedDelimiter, "Nombre de valeurs incorrect",
        ]
        for reason in reasons { #expect(journals.contains(reason), "no golden shows \(reason)") }
    }

    @Test func theLargeScenarioHasTenThousandRecordsWithRejections() throws {
        let scenario = try SuiteLocation.loader.load(id: "large/ten-thousand-records")
        #expect((Invariants.recordCount(scenario.steps[0].body) ?? 0) >= 10_000)
        let golden = try SuiteLocation.golden.response(scenario.id, step: 1)
        #expect((ImportAnswer(golden)?.statistics?.rejected ?? 0) > 10)
    }
}
