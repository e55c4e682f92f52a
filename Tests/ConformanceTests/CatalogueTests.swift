import Foundation
import Testing
@testable import Conformance
import GestimumEmulator

@Suite struct CatalogueTests {
    /// The package root, from this file's place in `Tests/ConformanceTests/`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func committedCatalogueIsUpToDate() throws {
        let root = Self.packageRoot
        let generated = try Catalogue.generate(
            scenarios: root.appendingPathComponent("Scenarios"), golden: root.appendingPathComponent("Golden"))
        let url = root.appendingPathComponent(Catalogue.committedPath)
        let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard committed != generated else { return }
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        Issue.record("""
            \(Catalogue.committedPath) is stale: run `\(Catalogue.regenerateCommand)`
            first difference at line \(line + 1):
              committed: \(line < old.count ? String(old[line]) : "(end of file)")
              generated: \(line < new.count ? String(new[line]) : "(end of file)")
            """)
    }

    @Test func showsScenarioMetadataRequestLinesAndJournal() throws {
        let suite = try CatalogueSuiteFolder()
        defer { suite.remove() }
        try suite.add(
            "documented/pipe-title", title: "Separator | in the title", provenance: "documented",
            source: "The help, page 3", tags: ["discrepancy"],
            lines: ["CCT_CODE;CCT_NOM;CCT_ORIGIN", "CONTACT1;Contact1;CLIENT1"],
            journal: ["01/01/2020 08:00:00 Ouverture de la société C:\\ProgramData\\Gestimum\\DEMO.Gestimum",
                      "01/01/2020 08:00:00 Nombre de lignes importées : 1"])
        let text = try suite.catalogue()

        #expect(text.contains("### <a id=\"scenario-documented-pipe-title\"></a>Separator \\| in the title"))
        #expect(text.contains("- **Provenance:** documented"))
        #expect(text.contains("- **Source:** The help, page 3"))
        #expect(text.contains("- **Fixture:** inline"))
        #expect(text.contains("CCT_CODE;CCT_NOM;CCT_ORIGIN\nCONTACT1;Contact1;CLIENT1\n```"))
        #expect(text.contains("01/01/2020 08:00:00 Nombre de lignes importées : 1"))
        // The discrepancy table row escapes the title's `|`.
        #expect(text.contains("| [`documented/pipe-title`](#scenario-documented-pipe-title) | Separator \\| in the title |"))
        #expect(!text.contains("Separator | in"))
        #expect(try suite.catalogue() == text, "the catalogue is deterministic")
    }

    @Test func truncatesTenThousandLines() throws {
        let suite = try CatalogueSuiteFolder()
        defer { suite.remove() }
        let lines = ["CCT_CODE;CCT_NOM;CCT_ORIGIN"] + (1...9_999).map { "C\($0);Nom \($0);CLIENT1" }
        try suite.add(
            "large/many", title: "Many lines", provenance: "inferred", source: "spec §4",
            rule: "Every line is a record.", lines: lines,
            journal: ["01/01/2020 08:00:00 Nombre de lignes importées : 9999"])
        let text = try suite.catalogue()

        #expect(text.contains("`fichier_contacts` (10000 lines):"))
        #expect(text.contains("C14;Nom 14;CLIENT1\n… 9980 more lines …\nC9995;Nom 9995;CLIENT1"))
        #expect(text.contains("C9999;Nom 9999;CLIENT1"))
        #expect(!text.contains("C5000;"))
        #expect(text.contains("| [`large/many`](#scenario-large-many) | Every line is a record. | spec §4 |"))
        #expect(text.split(separator: "\n").count < 200)
    }

    @Test func missingGoldenFileIsNamed() throws {
        let suite = try CatalogueSuiteFolder()
        defer { suite.remove() }
        try suite.add("parsing/no-golden", title: "No golden", provenance: "inferred", lines: ["A"], journal: nil)
        do {
            _ = try suite.catalogue()
            Issue.record("a missing golden file must be an error")
        } catch let problems as ScenarioProblems {
            #expect(problems.errors.map(\.file) == [suite.golden.appendingPathComponent("parsing/no-golden/response.json").path])
        }
    }

    @Test func markdownEscaping() {
        #expect(MarkdownText.text("a|b *c* _d_ CCT_CODE C:\\X \\*") == "a\\|b \\*c\\* \\_d\\_ CCT_CODE C:\\X \\\\\\*")
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.row([MarkdownText.code("x|y"), MarkdownText.text("p|q")]) == "| `x\\|y` | p\\|q |")
        #expect(MarkdownText.fence(["```"]) == "````text\n```\n````")
        #expect(LineBlock(lines: ["A", " B "]).isQuoted)
        #expect(!LineBlock(lines: ["A", " B"]).isQuoted)
    }
}

/// A `Scenarios/` and `Golden/` pair in a temporary folder.
private struct CatalogueSuiteFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    var scenarios: URL { root.appendingPathComponent("Scenarios") }
    var golden: URL { root.appendingPathComponent("Golden") }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func catalogue() throws -> String { try Catalogue.generate(scenarios: scenarios, golden: golden) }

    /// One single-step scenario with an inline fixture; no golden file when `journal` is nil.
    func add(
        _ id: String, title: String, provenance: String, source: String? = nil, rule: String? = nil,
        tags: [String] = [], lines: [String], journal: [String]?
    ) throws {
        var metadata: [(key: String, value: JSONValue)] = [("title", .string(title)), ("provenance", .string(provenance))]
        if let source { metadata.append(("source", .string(source))) }
        if let rule { metadata.append(("rule", .string(rule))) }
        metadata.append(("tags", .array(tags.map(JSONValue.string))))
        metadata.append(("fixture", [
            "societes": [["fichier": "C:\\ProgramData\\Gestimum\\DEMO.Gestimum", "utilisateurs": [["code": "DEMO"]]]],
        ]))
        metadata.append(("steps", [["request": "request.json"]]))
        let request: JSONValue = [
            "importer_contacts": [
                "societe": ["fichier": "DEMO.Gestimum", "utilisateur": "DEMO", "mot_passe": "", "deconnecter": "Non", "exclusif": "Non"],
                "parametres": [
                    "journal": "Oui", "statistiques": "Oui", "entete": "Oui", "noms_champs": "",
                    "separateur_champs": ";", "identificateur_texte": "", "fichier_contacts": .array(lines.map(JSONValue.string)),
                ],
            ],
        ]
        let folder = scenarios.appendingPathComponent(id)
        try write(.object(metadata), to: folder.appendingPathComponent("scenario.json"))
        try write(request, to: folder.appendingPathComponent("request.json"))
        if let journal {
            let response: JSONValue = ["result": [["resultat": "succès", "message": "terminé", "journal": .array(journal.map(JSONValue.string))]]]
            try write(response, to: golden.appendingPathComponent(id).appendingPathComponent("response.json"))
        }
    }

    private func write(_ value: JSONValue, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(JSONPrettyWriter.string(value).utf8).write(to: url)
    }
}
