import Conformance
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GestimumEmulator
import NIOCore
import Testing

@Suite("Harness")
struct HarnessTests {
    static let seed = "documented/seed-example"

    @Test func aTamperedCountFailsWithItsPathAndBothValues() async throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        try suite.edit(Self.seed) { $0.replacingOccurrences(of: "\"nombre_lignes_importées\": \"3\"", with: "\"nombre_lignes_importées\": \"4\"") }
        let result = try #require(try await suite.run().first)
        #expect(result.verdict == .failed)
        let difference = try #require(result.differences.first)
        #expect(result.differences.count == 1)
        #expect(difference.step == 1)
        #expect(difference.path == "$.result[0].statistiques.nombre_lignes_importées")
        #expect(difference.expected == "\"4\"")
        #expect(difference.actual == "\"3\"")
        let report = try #require(ConsoleReport(colors: false).render(result))
        #expect(report.contains(Self.seed))
        #expect(report.contains("$.result[0].statistiques.nombre_lignes_importées"))
    }

    @Test func aTamperedJournalLineIsShownAsALineDiff() async throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        try suite.edit(Self.seed) { $0.replacingOccurrences(of: "Tâche ImporterContacts terminée", with: "Tâche terminée") }
        let result = try #require(try await suite.run().first)
        let difference = try #require(result.differences.first)
        #expect(difference.kind == .journal)
        #expect(difference.path == "$.result[0].journal")
        #expect(difference.lines.contains("- Tâche terminée"))
        #expect(difference.lines.contains("+ Tâche ImporterContacts terminée"))
        #expect(difference.lines.contains("  Nombre de lignes importées : 3"))
    }

    @Test func strictComparesTimestampsAndNormalizedDoesNot() async throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        try suite.edit(Self.seed) { $0.replacingOccurrences(of: "13/09/2019 14:30:43 Lancement", with: "13/09/2019 14:30:42 Lancement") }
        let strict = try #require(try await suite.run(mode: .strict).first)
        #expect(strict.verdict == .failed)
        #expect(strict.differences.first?.kind == .journal)
        #expect(strict.differences.first?.lines.contains("- 13/09/2019 14:30:42 Lancement de la tâche ImporterContacts") == true)
        let normalized = try #require(try await suite.run(mode: .normalized).first)
        #expect(normalized.verdict == .passed)
    }

    @Test func normalizedRejectsTimesGoingBackOrOutsideTheFlight() {
        let expected = ["01/01/2020 08:00:00 A", "01/01/2020 08:00:00 B"]
        let context = DiffContext(step: 1, kind: .body)
        let backwards = Diffing<[String]>.journal(mode: .normalized).diff(expected, ["01/01/2020 08:00:05 A", "01/01/2020 08:00:04 B"], context)
        #expect(backwards.first?.actual == "line 2 goes back to 01/01/2020 08:00:04")
        let notATime = Diffing<[String]>.journal(mode: .normalized).diff(expected, ["31/02/2020 08:00:05 A", "01/03/2020 08:00:05 B"], context)
        #expect(notATime.first?.actual == "line 1: 31/02/2020 08:00:05 A")
        let utc = TimeZone(identifier: "UTC")!
        let flight = JournalTimestamp(timeZone: utc).parse("01/01/2020 08:00:00")!
        let windowed = DiffContext(step: 1, kind: .body, sentAt: flight, receivedAt: flight.addingTimeInterval(1))
        let late = Diffing<[String]>.journal(mode: .normalized, timeZone: utc, skew: 2)
            .diff(expected, ["01/01/2020 08:00:01 A", "01/01/2020 08:00:09 B"], windowed)
        #expect(late.count == 1)
        let onTime = Diffing<[String]>.journal(mode: .normalized, timeZone: utc, skew: 2)
            .diff(expected, ["01/01/2020 08:00:01 A", "01/01/2020 08:00:02 B"], windowed)
        #expect(onTime.isEmpty)
    }

    /// A real server's entries report: its work folder is the server's, its stamp must be the opening time (D81).
    @Test func normalizedChecksTheEntriesWorkFileAgainstTheOpening() {
        let expected = ["23/09/2019 11:47:22 Ouverture", #"23/09/2019 11:47:25 Fichier d'écritures importé : D:\Temp\ImporterEcritures\2019-09-23-11-47-22-048\Ecritures.txt"#]
        let context = DiffContext(step: 1, kind: .body)
        let normalized = Diffing<[String]>.journal(mode: .normalized)
        let elsewhere = ["06/12/2026 10:00:01 Ouverture", #"06/12/2026 10:00:02 Fichier d'écritures importé : E:\Travail\ImporterEcritures\2026-12-06-10-00-01-517\Ecritures.txt"#]
        #expect(normalized.diff(expected, elsewhere, context).isEmpty)
        let late = ["06/12/2026 10:00:01 Ouverture", #"06/12/2026 10:00:02 Fichier d'écritures importé : E:\Travail\ImporterEcritures\2026-12-06-10-00-02-517\Ecritures.txt"#]
        #expect(normalized.diff(expected, late, context).first?.expected == "a working file stamped with the opening time (06/12/2026 10:00:01) as yyyy-MM-dd-HH-mm-ss-mmm")
        let noMilliseconds = ["06/12/2026 10:00:01 Ouverture", #"06/12/2026 10:00:02 Fichier d'écritures importé : E:\Travail\ImporterEcritures\2026-12-06-10-00-01\Ecritures.txt"#]
        #expect(normalized.diff(expected, noMilliseconds, context).count == 1)
        #expect(Diffing<[String]>.journal(mode: .strict).diff(expected, elsewhere, context).count == 1, "strict compares the line as it is")
    }

    @Test func keyOrderAndTypesMatter() {
        let diffing = Diffing<JSONValue>.json(journal: .journal(mode: .strict))
        let context = DiffContext(step: 1, kind: .body)
        let reordered = diffing.diff(["a": "1", "b": "2"], ["b": "2", "a": "1"], context)
        #expect(reordered.first?.expected == "keys in order a, b")
        let typed = diffing.diff(["n": "3"], ["n": .number("3")], context)
        #expect(typed.first?.path == "$.n")
        #expect(typed.first?.actual == "3")
        #expect(diffing.diff(["n": "3"], ["n": "3"], context).isEmpty)
    }

    @Test func expectedFailuresPassWhenFailingAndFailWhenPassing() async throws {
        let other = "fields/code-missing"
        let suite = try TemporarySuite(copying: [Self.seed, other])
        defer { suite.remove() }
        try suite.edit(Self.seed) { $0.replacingOccurrences(of: "Contact", with: "Kontakt") }
        let list = suite.root.appendingPathComponent("expected-failures.txt")
        try Data("# known\n\(Self.seed)  # journal path differs, ticket 12\n\(other) # fixed since\n".utf8).write(to: list)
        let failures = try ExpectedFailures.load(list, known: [Self.seed, other])
        #expect(failures.reasons[Self.seed] == "journal path differs, ticket 12")
        let results = try await suite.run(expectedFailures: failures)
        let verdicts = Dictionary(uniqueKeysWithValues: results.map { ($0.scenario.id, $0.verdict) })
        #expect(verdicts[Self.seed] == .expectedFailure(reason: "journal path differs, ticket 12"))
        #expect(verdicts[other] == .unexpectedPass(reason: "fixed since"))
        let summary = RunSummary(results)
        #expect(summary.closingLine == "0 passed, 1 failed")
        #expect(summary.expectedFailuresLine == "1 expected failure, 1 unexpected pass")
        #expect(summary.conformanceLine == "documented 0/1 · inferred 1/1 · observed 0/0")
        #expect(!summary.succeeded)
    }

    @Test func anExpectedFailuresFileWithCRLFLineEndsReadsEveryLine() throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("xfail-\(UUID().uuidString).txt")
        try Data("# windows file\r\n\(Self.seed) # one\r\nfields/code-missing # two\r\n".utf8).write(to: list)
        let failures = try ExpectedFailures.load(list, known: [Self.seed, "fields/code-missing"])
        #expect(failures.reasons == [Self.seed: "one", "fields/code-missing": "two"])
    }

    @Test func resultsCarryTheirDuration() async throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        let result = try #require(try await suite.run().first)
        #expect(result.duration > 0)
    }

    @Test func anUnreachableURLTargetFailsInsteadOfSkipping() async throws {
        let scenario = try SuiteLocation.loader.load(id: Self.seed)
        // Port 9 on loopback: nothing listens there.
        let target = HTTPTarget(baseURL: URL(string: "http://127.0.0.1:9")!, fixturesFolder: SuiteLocation.loader.fixturesFolder,
                                timeout: .seconds(2))
        let result = await ConformanceRunner(target: target, options: RunOptions(golden: SuiteLocation.golden, mode: .normalized)).run(scenario)
        #expect(result.verdict == .failed)
        #expect(result.differences.first?.kind == .unavailable)
        #expect(result.differences.first?.actual.contains("refused") == true)
        await target.shutdown()
    }

    @Test func anExpectedFailureNamingNoScenarioIsAnError() throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("xfail-\(UUID().uuidString).txt")
        try Data("no/such-scenario # gone\n".utf8).write(to: list)
        #expect(throws: ScenarioProblems.self) { try ExpectedFailures.load(list, known: [Self.seed]) }
    }

    @Test func theShrinkGuardRefusesFewerJournalLinesAndLowerCounts() async throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        // The golden claims more than the emulator answers: a blind update would hide a regression.
        try suite.edit(Self.seed) {
            $0.replacingOccurrences(of: "\"nombre_lignes_importées\": \"3\"", with: "\"nombre_lignes_importées\": \"5\"")
              .replacingOccurrences(of: "\"13/09/2019 14:30:44 Tâche ImporterContacts terminée\",",
                                    with: "\"13/09/2019 14:30:44 Tâche ImporterContacts terminée\",\n\"13/09/2019 14:30:44 extra\",")
        }
        let results = try await suite.run()
        let plan = GoldenUpdate.plan(results, golden: suite.golden, observation: nil)
        #expect(plan.shrinks.count == 3)
        #expect(plan.shrinks.contains { $0.hasSuffix("journal line removed: extra") })
        #expect(plan.shrinks.contains { $0.hasSuffix("journal goes from 9 to 8 lines") })
        #expect(plan.shrinks.contains { $0.hasSuffix("nombre_lignes_importées goes from 5 to 3") })
        #expect(plan.writes.map(\.url.lastPathComponent).contains("response.json"))
    }

    @Test func anUpdateWritesWhatTheTargetAnsweredAndThenPasses() async throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        try suite.edit(Self.seed) { $0.replacingOccurrences(of: "\"nombre_lignes_importées\": \"3\"", with: "\"nombre_lignes_importées\": \"1\"") }
        let plan = GoldenUpdate.plan(try await suite.run(), golden: suite.golden, observation: nil)
        #expect(plan.shrinks.isEmpty)
        #expect(plan.writes.count == 1)
        #expect(plan.writes.first?.change == "changed")
        try plan.apply()
        #expect(try await suite.run().first?.verdict == .passed)
    }

    @Test func aRecordingMarksTheScenarioObservedWithTargetDateAndVersions() async throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        try suite.edit(Self.seed) { $0.replacingOccurrences(of: "14:30:44 Fermeture", with: "14:30:45 Fermeture") }
        let observation = GoldenUpdate.Observation(target: "http://gestimum.test:8080", date: "2026-11-29",
                                                   webServiceVersion: "2.0.0 (18/09/2019 14:37:08)", erpVersion: "9.1.0.3")
        let plan = GoldenUpdate.plan(try await suite.run(), golden: suite.golden, observation: observation)
        try plan.apply()
        let metadata = try ScenarioLoader.readJSON(suite.scenarios.appendingPathComponent(Self.seed).appendingPathComponent("scenario.json"))
        #expect(metadata["provenance"] == "observed")
        #expect(metadata["title"] == "Documented example: three contacts on two clients")
        #expect(metadata["observed"] == ["target": "http://gestimum.test:8080", "date": "2026-11-29",
                                         "web_service_version": "2.0.0 (18/09/2019 14:37:08)", "erp_version": "9.1.0.3"])
    }

    @Test func theInvariantsCatchCountsThatDisagree() throws {
        let request = try SuiteLocation.loader.load(id: Self.seed).steps[0].body
        let golden = try SuiteLocation.golden.response(Self.seed, step: 1)
        #expect(Invariants.check(requestBody: request, responseBody: golden) == [])
        let text = JSONPrettyWriter.string(golden).replacingOccurrences(of: "\"nombre_lignes_importées\": \"3\"", with: "\"nombre_lignes_importées\": \"2\"")
        let broken = Invariants.check(requestBody: request, responseBody: try JSONParser.parse(text))
        #expect(broken == ["journal says 3 imported, statistiques say 2"])
        let lying = JSONPrettyWriter.string(golden)
            .replacingOccurrences(of: "Nombre de lignes importées : 3", with: "Nombre de lignes importées : 2")
            .replacingOccurrences(of: "\"nombre_lignes_importées\": \"3\"", with: "\"nombre_lignes_importées\": \"2\"")
        #expect(Invariants.check(requestBody: request, responseBody: try JSONParser.parse(lying))
            == ["2 imported + 0 not imported ≠ 3 records in the request"])
    }

    @Test func theInvariantsCatchRejectionLinesThatDoNotAddUp() throws {
        let id = "fields/rejected-among-accepted"
        let request = try SuiteLocation.loader.load(id: id).steps[0].body
        let golden = JSONPrettyWriter.string(try SuiteLocation.golden.response(id, step: 1))
        #expect(Invariants.check(requestBody: request, responseBody: try JSONParser.parse(golden)) == [])
        let withSuccess = golden.replacingOccurrences(of: "Lancement de la tâche ImporterContacts\",",
                                                      with: "Lancement de la tâche ImporterContacts\",\n\"01/01/2020 08:00:06 L'import a été effectué avec succès.\",")
        let broken = Invariants.check(requestBody: request, responseBody: try JSONParser.parse(withSuccess))
        #expect(broken.contains { $0.hasPrefix("success line present although") })
    }

    /// The entries report (D81): its counts against its ERR/AV lines, its statistiques and the request's lines.
    @Test func theInvariantsReadTheEntriesReport() throws {
        let id = "ecritures/orphan-lines"
        let request = try SuiteLocation.loader.load(id: id).steps[0].body
        let golden = JSONPrettyWriter.string(try SuiteLocation.golden.response(id, step: 1))
        #expect(Invariants.check(requestBody: request, responseBody: try JSONParser.parse(golden)) == [])
        let fewerErrors = golden.replacingOccurrences(of: "ERREURS : 2", with: "ERREURS : 1")
        #expect(Invariants.check(requestBody: request, responseBody: try JSONParser.parse(fewerErrors))
            == ["the report says ERREURS : 1, statistiques say nombre_erreurs 2", "the report counts 1 errors and lists 2"])
        let lost = golden.replacingOccurrences(of: "Lignes d'écritures importables : 2", with: "Lignes d'écritures importables : 1")
            .replacingOccurrences(of: "\"nombre_lignes_écritures_importées\": \"2\"", with: "\"nombre_lignes_écritures_importées\": \"1\"")
        #expect(Invariants.check(requestBody: request, responseBody: try JSONParser.parse(lost))
            == ["1 entry lines importable + 0 rejectable ≠ 2 in the request"])
        let noKey = golden.replacingOccurrences(of: "\"nombre_avertissements\": \"0\",", with: "")
        #expect(Invariants.check(requestBody: request, responseBody: try JSONParser.parse(noKey))
            == ["statistiques must hold nombre_avertissements as a string of digits"])
    }

    @Test func theJUnitReportIsXMLWithOneCasePerScenario() async throws {
        let suite = try TemporarySuite(copying: [Self.seed, "fields/code-missing"])
        defer { suite.remove() }
        try suite.edit(Self.seed) { $0.replacingOccurrences(of: "Tâche ImporterContacts terminée", with: "Tâche <terminée> & \\\"ok\\\"") }
        let xml = JUnitReport.xml(try await suite.run(), target: "emulator")
        let delegate = CaseCounter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        #expect(parser.parse(), "JUnit report is not XML: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(delegate.cases == 2)
        #expect(delegate.failures == 1)
    }

    @Test func selectionFiltersTagsAndShards() throws {
        let all = try SuiteLocation.loader.loadAll()
        let shards = (1...3).map { ScenarioSelection(shard: (index: $0, count: 3)).apply(all).map(\.id) }
        #expect(shards.flatMap { $0 }.sorted() == all.map(\.id).sorted())
        #expect(Set(shards[0]).isDisjoint(with: shards[1]))
        #expect(ScenarioSelection(filter: "SEED-EX").apply(all).map(\.id) == [Self.seed])
        let large = ScenarioSelection(tags: ["large"]).apply(all)
        #expect(!large.isEmpty)
        #expect(large.allSatisfy { $0.tags.contains("large") })
        #expect(ScenarioSelection.parseShard("0/2") == nil)
        #expect(ScenarioSelection.parseShard("3/2") == nil)
    }

    @Test func aBrokenScenarioFileIsNamedWithEveryProblem() throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        let file = suite.scenarios.appendingPathComponent(Self.seed).appendingPathComponent("scenario.json")
        try Data(#"{"title": "", "provenance": "guessed", "steps": [{"request": "nope.json"}]}"#.utf8).write(to: file)
        do {
            _ = try suite.loader.loadAll()
            Issue.record("a broken scenario loaded")
        } catch let problems as ScenarioProblems {
            #expect(problems.errors.count == 3)
            #expect(problems.errors.allSatisfy { $0.file == file.path })
        }
    }

    @Test func wronglyTypedStepKeysAreProblemsNotDefaults() throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        let file = suite.scenarios.appendingPathComponent(Self.seed).appendingPathComponent("scenario.json")
        try Data(#"{"title": "t", "provenance": "inferred", "clock": {"open_seconds": "5"}, "steps": [{"method": 1, "path": "api", "headers": []}]}"#.utf8).write(to: file)
        do {
            _ = try suite.loader.loadAll()
            Issue.record("a broken scenario loaded")
        } catch let problems as ScenarioProblems {
            #expect(problems.errors.map(\.problem).sorted() == [
                "clock.open_seconds: must be a number, not the string \"5\"", "steps[0].headers must be an object",
                "steps[0].method must be a string", "steps[0].path must start with /",
            ])
        }
    }

    @Test func theCompanyFolderIsRedacted() {
        let runner = ConformanceRunner(target: EmulatorTarget(), options: RunOptions(golden: SuiteLocation.golden, mode: .normalized, companyFolder: "D:\\Gestimum"))
        #expect(runner.redact(["m": "Ouverture de la société D:\\Gestimum\\DEMO.Gestimum"]) == ["m": "Ouverture de la société C:\\ProgramData\\Gestimum\\DEMO.Gestimum"])
    }
}

/// Counts JUnit test cases and failures.
final class CaseCounter: NSObject, XMLParserDelegate {
    var cases = 0
    var failures = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "testcase" { cases += 1 }
        if name == "failure" { failures += 1 }
    }
}
