import Conformance
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GestimumEmulator
import Testing

/// Real results to report on: the documented example against a golden
/// tampered in a count and a journal line.
enum ReportFixtures {
    static let seed = "documented/seed-example"

    static func failingSeed() async throws -> [ScenarioResult] {
        let suite = try TemporarySuite(copying: [seed, "fields/code-missing"])
        defer { suite.remove() }
        try suite.edit(seed) {
            $0.replacingOccurrences(of: "\"nombre_lignes_importées\": \"3\"", with: "\"nombre_lignes_importées\": \"4\"")
              .replacingOccurrences(of: "Tâche ImporterContacts terminée", with: "Tache ImporterContacts terminee")
        }
        return try await suite.run()
    }

    static let clients = "clients/too-long-value"
    static let version = "versions/web-service-version"

    /// Real results over three imports, all failing but one: the tampered
    /// documented example (Contacts), a passing contact scenario, a Clients
    /// scenario whose message was tampered and a Version scenario (no
    /// import) whose version was.
    static func mixedImports() async throws -> [ScenarioResult] {
        let suite = try TemporarySuite(copying: [seed, "fields/code-missing", clients, version])
        defer { suite.remove() }
        try suite.edit(seed) { $0.replacingOccurrences(of: "\"nombre_lignes_importées\": \"3\"", with: "\"nombre_lignes_importées\": \"4\"") }
        try suite.edit(clients) { $0.replacingOccurrences(of: "\"message\": \"terminé\"", with: "\"message\": \"termine\"") }
        try suite.edit(version) { $0.replacingOccurrences(of: "2.0.0 (", with: "2.0.1 (") }
        return try await suite.run()
    }

    /// `base` under another id with other differences.
    static func clone(_ base: ScenarioResult, id: String, _ differences: [Difference], provenance: Provenance = .inferred) -> ScenarioResult {
        var result = base
        result.scenario.id = id
        result.scenario.provenance = provenance
        result.differences = differences
        result.verdict = differences.isEmpty ? .passed : .failed
        return result
    }
}

@Suite("Reports")
struct ReportTests {
    @Test func identicalDifferencesAreGroupedBiggestFirstWithFiveIds() async throws {
        let base = try #require(try await ReportFixtures.failingSeed().first)
        let missing = Difference(step: 1, kind: .body, path: "$.result[0].statistiques.nombre_lignes_non_importées",
                                 expectedValue: "0", actualValue: nil)
        func renumbered(_ k: Int) -> Difference {
            Difference(step: 1, kind: .journal, path: "$.result[0].journal", expected: "8 lines", actual: "8 lines",
                       lines: ["  Lancement", "- La ligne \(k) n'a pas pu être importée :", "+ La ligne \(k + 1) n'a pas pu être importée :", "  Le code est obligatoire"])
        }
        var results: [ScenarioResult] = []
        for i in 1...7 { results.append(ReportFixtures.clone(base, id: "g/renumbered-\(i)", [renumbered(i + 1)])) }
        for i in 1...3 { results.append(ReportFixtures.clone(base, id: "g/missing-\(i)", [missing, missing])) }
        results.append(ReportFixtures.clone(base, id: "g/status", [Difference(step: 2, kind: .status, path: "", expectedValue: .number("200"), actualValue: .number("500"))]))
        results.append(ReportFixtures.clone(base, id: "g/passing", []))

        let groups = DistinctDifferences.groups(results)
        #expect(groups.map(\.ids.count) == [7, 3, 1])
        #expect(groups[0].summary == "journal $.result[0].journal: - \"La ligne 2 n'a pas pu être importée :\" + \"La ligne 3 n'a pas pu être importée :\"")
        #expect(groups[0].numbersVary)
        #expect(groups[1].ids == ["g/missing-1", "g/missing-2", "g/missing-3"], "a scenario counts once per group")
        #expect(groups[1].summary == "body $.result[0].statistiques.nombre_lignes_non_importées: expected \"0\", actual (missing)")
        #expect(!groups[1].numbersVary)
        #expect(groups[2].summary == "status: expected 200, actual 500")
        let text = DistinctDifferences.render(groups, failing: 11)
        #expect(text[0] == "Distinct differences: 3 across 11 failing scenarios")
        #expect(text[1].hasPrefix("  1. 7 scenarios: journal"))
        #expect(text[2] == "     g/renumbered-1, g/renumbered-2, g/renumbered-3, g/renumbered-4, g/renumbered-5 and 2 more")
    }

    @Test func aFailureBlockSaysWhatWasSentHowToReplayAndWhatChanged() async throws {
        let result = try #require(try await ReportFixtures.failingSeed().first)
        let block = try #require(ConsoleReport(colors: false).render(result))
        let lines = block.split(separator: "\n").map(String.init)
        #expect(lines[0] == "FAIL documented/seed-example — Documented example: three contacts on two clients")
        #expect(lines[1].hasSuffix("Scenarios/documented/seed-example · documented · import Contacts · step 1 of 1"))
        #expect(lines[2] == "  sent POST /api/rest/Contacts/%22Importer%22")
        #expect(lines[3] == "    | CCT_CODE;CCT_NOM;CCT_ORIGIN")
        #expect(lines[6] == "    | … 1 more line")
        #expect(lines[7].contains("curl -sS -X POST http://127.0.0.1:8080/api/rest/Contacts/%22Importer%22 -H 'Content-Type: application/json' --data-binary @"))
        #expect(lines[7].hasSuffix("Scenarios/documented/seed-example/request.json"))
        // The journal: labelled header, folded context, the changed characters marked.
        #expect(block.contains("  step 1, journal $.result[0].journal (- expected, + actual):"))
        let marks = String(repeating: " ", count: 6) + " ^" + String(repeating: " ", count: 27) + "^"
        #expect(block.contains("    - Tache ImporterContacts terminee\n    + Tâche ImporterContacts terminée\n" + marks + "\n"))
        #expect(block.contains("      ⋮ 3 unchanged lines"))
        // The count: path, labelled sides, the changed character marked.
        #expect(block.contains("  step 1, body $.result[0].statistiques.nombre_lignes_importées:\n    expected: \"4\"\n    actual:   \"3\"\n"
                               + String(repeating: " ", count: 15) + "^"))
    }

    @Test func aDifferenceShownInFullIsRepeatedAsOneLineAndMaxFailuresStopsBlocks() async throws {
        let result = try #require(try await ReportFixtures.failingSeed().first)
        let console = ConsoleReport(colors: false, maxFailures: 2)
        let first = try #require(console.render(result))
        var other = result
        other.scenario.id = "documented/again"
        let second = try #require(console.render(other))
        #expect(first.contains("expected: \"4\""))
        #expect(second.contains("  step 1, body $.result[0].statistiques.nombre_lignes_importées: expected \"4\", actual \"3\" (as in documented/seed-example)"))
        #expect(!second.contains("expected: \"4\""))
        #expect(console.render(other) == nil, "a third failure is beyond --max-failures 2")
        let ending = console.ending([result, other, other])
        #expect(ending.first == "(1 more failing scenarios not shown: --max-failures 2)")
        #expect(ending.suffix(2) == ["documented 0/3 · inferred 0/0 · observed 0/0", "0 passed, 3 failed"])
        #expect(ConsoleReport(colors: false).fullBlock(other)?.contains("expected: \"4\"") == true, "JUnit's text is never elided")
    }

    @Test func theJSONReportHasTheSpecsKeysAndValuesNotJSONText() async throws {
        let results = try await ReportFixtures.failingSeed()
        let info = RunInfo(target: "emulator", versions: [("web_service", "2.0"), ("erp", nil)], date: "2026-11-29T00:00:00Z",
                           options: [("compare", "strict")])
        // Written and read back, as a tool would.
        let document = try JSONParser.parse(Array(JSONPrettyWriter.string(JSONReport.document(results, run: info)).utf8))
        #expect(document.objectValue?.map(\.key) == ["run", "scenarios"])
        let run = try #require(document["run"])
        #expect(run.objectValue?.map(\.key) == ["target", "versions", "date", "options", "counts"])
        #expect(run["versions"]?["erp"] == .null)
        #expect(run["counts"]?["failed"] == .number("1"))
        #expect(run["counts"]?["conformance"]?["documented"] == ["conforming": .number("0"), "total": .number("1")])
        let scenarios = try #require(document["scenarios"]?.arrayValue)
        let seed = try #require(scenarios.first { $0["id"] == "documented/seed-example" })
        #expect(seed.objectValue?.map(\.key) == ["id", "group", "import", "title", "provenance", "tags", "result", "reason",
                                                 "duration_seconds", "differences", "answers"])
        #expect(seed["import"] == "Contacts")
        #expect(seed["result"] == "failed")
        #expect(seed["reason"] == .null)
        let differences = try #require(seed["differences"]?.arrayValue)
        #expect(differences.allSatisfy { $0.objectValue?.map(\.key) == ["kind", "step", "path", "expected", "actual"] })
        let count = try #require(differences.first { $0["path"] == "$.result[0].statistiques.nombre_lignes_importées" })
        #expect(count["expected"] == "4")
        #expect(count["actual"] == "3")
        let line = try #require(differences.first { $0["kind"] == "journal" })
        #expect(line["path"] == "$.result[0].journal[6]")
        #expect(line["expected"] == "Tache ImporterContacts terminee")
        #expect(line["actual"] == "Tâche ImporterContacts terminée")
        let answer = try #require(seed["answers"]?.arrayValue?.first)
        #expect(answer["step"] == .number("1"))
        #expect(answer["status"] == .number("200"))
        #expect(answer["headers"]?["Content-Type"] == "application/json")
        let body = try #require(answer["body"]?.stringValue)
        #expect(body.hasPrefix("{\"result\":[{\"resultat\":\"succ\\u00E8s\""))
        let passing = try #require(scenarios.first { $0["id"] == "fields/code-missing" })
        #expect(passing["result"] == "passed")
        #expect(passing["answers"] == [], "answers are kept for failing steps only")
    }

    @Test func junitNamesGroupAndFolderAndCarriesTheConsoleBlock() async throws {
        let results = try await ReportFixtures.failingSeed()
        let xml = JUnitReport.xml(results, target: "emulator")
        let document = try XMLDocument(data: Data(xml.utf8))
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(cases.count == 2)
        let seed = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == "documented/seed-example" })
        #expect(seed.attribute(forName: "classname")?.stringValue == "documented")
        #expect(seed.attribute(forName: "file")?.stringValue?.hasSuffix("Scenarios/documented/seed-example") == true)
        let failure = try #require(seed.elements(forName: "failure").first)
        #expect(failure.stringValue == ConsoleReport(colors: false).fullBlock(results[0]))
        #expect(failure.stringValue?.contains("curl -sS") == true)
        let other = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == "fields/code-missing" })
        #expect(other.attribute(forName: "classname")?.stringValue == "fields")
        #expect(other.elements(forName: "failure").isEmpty)
    }

    @Test func aFailureBlockNamesTheImportNextToTheProvenance() async throws {
        let results = try await ReportFixtures.mixedImports()
        func header(_ id: String) throws -> String {
            let result = try #require(results.first { $0.scenario.id == id })
            let block = try #require(ConsoleReport(colors: false).render(result), "\(id) fails")
            return String(block.split(separator: "\n")[1])
        }
        #expect(try header(ReportFixtures.seed).hasSuffix("Scenarios/documented/seed-example · documented · import Contacts · step 1 of 1"))
        #expect(try header(ReportFixtures.clients).hasSuffix("Scenarios/clients/too-long-value · inferred · import Clients · step 1 of 1"))
        #expect(try header(ReportFixtures.version).hasSuffix("Scenarios/versions/web-service-version · documented · no import · step 1 of 1"))
    }

    @Test func theJSONReportGivesEachScenarioItsImportOrNull() async throws {
        let results = try await ReportFixtures.mixedImports()
        let info = RunInfo(target: "emulator", versions: [("web_service", "2.0")], date: "2026-11-29T00:00:00Z")
        let document = try JSONParser.parse(Array(JSONPrettyWriter.string(JSONReport.document(results, run: info)).utf8))
        let scenarios = try #require(document["scenarios"]?.arrayValue)
        let imports = Dictionary(uniqueKeysWithValues: scenarios.map { ($0["id"]?.stringValue ?? "", $0["import"]) })
        #expect(imports == [ReportFixtures.seed: "Contacts", "fields/code-missing": "Contacts",
                            ReportFixtures.clients: "Clients", ReportFixtures.version: .null])
        #expect(scenarios.allSatisfy { $0.objectValue?.map(\.key).prefix(4) == ["id", "group", "import", "title"] })
    }

    @Test func junitGivesTheImportAsATestCaseProperty() async throws {
        let results = try await ReportFixtures.mixedImports()
        let document = try XMLDocument(data: Data(JUnitReport.xml(results, target: "emulator").utf8))
        func property(_ id: String) throws -> [String] {
            try document.nodes(forXPath: "//testcase[@name='\(id)']/properties/property[@name='import']/@value").compactMap(\.stringValue)
        }
        #expect(try property(ReportFixtures.clients) == ["Clients"])
        #expect(try property("fields/code-missing") == ["Contacts"], "a passing case has it too")
        #expect(try property(ReportFixtures.version) == [], "no import, no property")
        let clients = try #require(try document.nodes(forXPath: "//testcase[@name='\(ReportFixtures.clients)']").first as? XMLElement)
        #expect(clients.attribute(forName: "classname")?.stringValue == "clients", "classname stays the group")
        #expect(clients.elements(forName: "failure").count == 1)
        #expect(clients.children?.compactMap(\.name) == ["properties", "failure"], "properties come first, as JUnit's schema orders them")
    }
}
