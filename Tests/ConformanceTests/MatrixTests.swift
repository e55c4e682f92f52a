import Conformance
import Foundation
import GestimumEmulator
import Testing

/// Run files as `gestimum run --json` writes them, for the matrix.
enum RunFiles {
    static func write(_ results: [ScenarioResult], target: String, versions: [(key: String, value: String?)] = [("web_service", "2.0.0")]) throws -> String {
        let info = RunInfo(target: target, versions: versions, date: "2026-11-29T00:00:00Z")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString).json")
        try Data(JSONPrettyWriter.string(JSONReport.document(results, run: info)).utf8).write(to: url)
        return url.path
    }

    /// A run file of an earlier suite: the first report format (top-level
    /// target, `verdict`, no group or provenance) and fewer scenarios.
    static func older() throws -> String {
        let text = """
            {"target": "http://old.example:8080", "passed": 1, "failed": 0, "skipped": 0,
             "scenarios": [{"id": "documented/seed-example", "verdict": "passed", "seconds": 0.2, "differences": []},
                           {"id": "retired/gone", "verdict": "failed", "seconds": 0.1, "differences": []}]}
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("old-run-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

@Suite("Compliance matrix")
struct MatrixTests {
    @Test func twoRunsThatDisagreeShowSideBySide() async throws {
        let failing = try await ReportFixtures.failingSeed()
        let suite = try TemporarySuite(copying: [ReportFixtures.seed, "fields/code-missing"])
        defer { suite.remove() }
        let passing = try await suite.run()
        let a = try RunFiles.write(passing, target: "emulator"), b = try RunFiles.write(failing, target: "http://127.0.0.1:9999")
        let matrix = ComplianceMatrix([try RunFile.load(a), try RunFile.load(b)])
        #expect(matrix.rows.map(\.id) == ["documented/seed-example", "fields/code-missing"])
        #expect(matrix.rows[0].cells == ["passed", "failed"])
        #expect(matrix.rows[1].cells == ["passed", "passed"])
        #expect(matrix.runs.map(\.conformanceLine) == ["documented 1/1 · inferred 1/1 · observed 0/0",
                                                      "documented 0/1 · inferred 1/1 · observed 0/0"])
        let markdown = matrix.markdown()
        #expect(markdown.contains("| | emulator | http://127.0.0.1:9999 |"))
        #expect(markdown.contains("| conformance | documented 1/1 · inferred 1/1 · observed 0/0 | documented 0/1 · inferred 1/1 · observed 0/0 |"))
        #expect(markdown.contains("| versions | web_service 2.0.0 | web_service 2.0.0 |"))
        #expect(markdown.contains("## documented\n\n| scenario | import | emulator | http://127.0.0.1:9999 |\n|---|---|---|---|\n| `documented/seed-example` | Contacts | passed | failed |"))
        let html = matrix.html()
        #expect(html.contains("<td class=\"cell passed\">passed</td><td class=\"cell failed\">failed</td>"))
    }

    @Test func aRunOfAnOlderSuiteIsAlignedByIdWithMissingCells() async throws {
        let suite = try TemporarySuite(copying: [ReportFixtures.seed, "fields/code-missing"])
        defer { suite.remove() }
        let current = try RunFiles.write(try await suite.run(), target: "emulator")
        let matrix = ComplianceMatrix([try RunFile.load(current), try RunFile.load(try RunFiles.older())])
        let cells = Dictionary(uniqueKeysWithValues: matrix.rows.map { ($0.id, $0.cells) })
        #expect(cells["documented/seed-example"] == ["passed", "passed"])
        #expect(cells["fields/code-missing"] == ["passed", "missing"])
        #expect(cells["retired/gone"] == ["missing", "failed"])
        #expect(matrix.groups.map(\.name) == ["documented", "fields", "retired"])
        #expect(matrix.rows.first { $0.id == "documented/seed-example" }?.provenance == .documented, "taken from the run that says it")
        #expect(matrix.runs[1].target == "http://old.example:8080")
        #expect(matrix.markdown().contains("| `fields/code-missing` | Contacts | passed | missing |"))
    }

    @Test func eachRowShowsItsImportFromTheRunsThatSayIt() async throws {
        let suite = try TemporarySuite(copying: [ReportFixtures.seed, ReportFixtures.clients, ReportFixtures.version])
        defer { suite.remove() }
        let current = try RunFiles.write(try await suite.run(), target: "emulator")
        let matrix = ComplianceMatrix([try RunFile.load(try RunFiles.older()), try RunFile.load(current)])
        let markdown = matrix.markdown()
        #expect(markdown.contains("## clients\n\n| scenario | import | http://old.example:8080 | emulator |\n|---|---|---|---|\n"
                                  + "| `clients/too-long-value` | Clients | missing | passed |"))
        #expect(markdown.contains("| `documented/seed-example` | Contacts | passed | passed |"), "the older file does not say; the current one does")
        #expect(markdown.contains("| `versions/web-service-version` | — | missing | passed |"))
        #expect(markdown.contains("| `retired/gone` | — | failed | missing |"))
        let html = matrix.html()
        #expect(html.contains("<td class=\"import\">Clients</td><td class=\"cell missing\">missing</td><td class=\"cell passed\">passed</td>"))
        #expect(html.contains("<option value=\"Clients\">Clients</option><option value=\"Contacts\">Contacts</option><option value=\"none\">none</option>"))
    }

    @Test func aFileThatIsNotARunIsRefusedNamingIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-run-\(UUID().uuidString).json")
        try Data("{\"result\": []}".utf8).write(to: url)
        #expect(throws: RunFileError.self) { try RunFile.load(url.path) }
        do { _ = try RunFile.load(url.path) } catch {
            #expect("\(error)".hasPrefix(url.path + ": not a gestimum run file"))
        }
        do { _ = try RunFile.load("/no/such/run.json") } catch {
            #expect("\(error)" == "/no/such/run.json: missing or unreadable")
        }
        try Data("{\"run\": {\"target\": \"x\"}, \"scenarios\": [{\"id\": \"a/b\", \"result\": \"maybe\"}]}".utf8).write(to: url)
        do { _ = try RunFile.load(url.path) } catch {
            #expect("\(error)" == url.path + ": not a gestimum run file: scenario a/b has no valid \"result\"")
        }
    }
}
