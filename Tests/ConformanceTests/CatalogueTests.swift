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
            "large/many", title: "Many lines", provenance: "inferred", source: "behaviour §4",
            rule: "Every line is a record.", lines: lines,
            journal: ["01/01/2020 08:00:00 Nombre de lignes importées : 9999"])
        let text = try suite.catalogue()

        #expect(text.contains("`fichier_contacts` (10000 lines):"))
        #expect(text.contains("C14;Nom 14;CLIENT1\n… 9980 more lines …\nC9995;Nom 9995;CLIENT1"))
        #expect(text.contains("C9999;Nom 9999;CLIENT1"))
        #expect(!text.contains("C5000;"))
        #expect(text.contains("| [`large/many`](#scenario-large-many) | Every line is a record. | behaviour [§4](behaviour.md#s4) |"))
        #expect(text.split(separator: "\n").count < 200)
    }

    @Test func showsStoredContactsOfStateScenarios() throws {
        let suite = try CatalogueSuiteFolder()
        defer { suite.remove() }
        let contact: JSONValue = [
            "CCT_NUMERO": "0000000001", "CCT_CODE": "BONNET", "CCT_NOM": "Le \"Petit\" Bonnet",
            "CCT_ORIGIN": "", "CCT_EMAIL": "a|b@x.fr", "CCT_URL": "ligne1\r\nligne2",
        ]
        try suite.add(
            "parsing/stored", title: "Stored", provenance: "inferred", source: "behaviour §4", tags: ["state"],
            lines: ["CCT_CODE;CCT_NOM"], journal: ["01/01/2020 08:00:00 Nombre de lignes importées : 1"],
            state: ["societes": [
                ["fichier": "C:\\ProgramData\\Gestimum\\DEMO.Gestimum", "contacts": [contact]],
                ["fichier": "C:\\ProgramData\\Gestimum\\AUTRE.Gestimum", "contacts": []],
            ]])
        let text = try suite.catalogue()

        #expect(text.contains(
            "**Stored afterwards** (`state.json`) in `C:\\ProgramData\\Gestimum\\DEMO.Gestimum` (1 contact; 1 field empty in every contact left out):"))
        // CCT_ORIGIN is empty everywhere: no column. Quotes and line breaks show as JSON strings, `|` is escaped.
        #expect(text.contains("| `CCT_NUMERO` | `CCT_CODE` | `CCT_NOM` | `CCT_EMAIL` | `CCT_URL` |\n|---|---|---|---|---|"))
        #expect(text.contains(#"| `0000000001` | `BONNET` | `"Le \"Petit\" Bonnet"` | `a\|b@x.fr` | `"ligne1\r\nligne2"` |"#))
        #expect(text.contains("In `C:\\ProgramData\\Gestimum\\AUTRE.Gestimum`: no contacts."))
    }

    @Test func eachScenarioNamesItsImportAndTheContentsCountThem() throws {
        let suite = try CatalogueSuiteFolder()
        defer { suite.remove() }
        let journal = ["01/01/2020 08:00:00 Nombre de lignes importées : 1"]
        try suite.add("fields/one", title: "One", provenance: "inferred", lines: ["CCT_CODE"], journal: journal)
        try suite.add("documented/two", title: "Two", provenance: "documented", lines: ["CCT_CODE"], journal: journal)
        try suite.add("clients/three", title: "Three", provenance: "inferred", lines: ["PCF_CODE"], journal: journal,
                      path: "/api/rest/clients/%22Importer%22")
        try suite.add("versions/four", title: "Four", provenance: "documented", lines: [], journal: journal,
                      path: "/api/rest/Outils/%22Version%22")
        let text = try suite.catalogue()

        #expect(text.contains("""
            Scenarios by the import they call:

            | Import | Scenarios | Documented | Inferred | Observed |
            |---|--:|--:|--:|--:|
            | [Clients](imports.md#clients) | 1 | 0 | 1 | 0 |
            | [Contacts](imports.md#contacts) | 2 | 1 | 1 | 0 |
            | none | 1 | 1 | 0 | 0 |

            """))
        #expect(text.contains("- **Scenario:** `clients/three`\n- **Provenance:** inferred\n- **Import:** [Clients](imports.md#clients)\n"))
        #expect(text.contains("- **Scenario:** `fields/one`\n- **Provenance:** inferred\n- **Import:** [Contacts](imports.md#contacts)\n"))
        #expect(text.contains("- **Scenario:** `versions/four`\n- **Provenance:** documented\n- **Import:** none (no step calls an import)\n"))
    }

    @Test func linesWithQuotesOrLineBreaksShowAsJSONStrings() {
        let two = LineBlock(lines: ["\"Ligne1", "Ligne2\""])
        let one = LineBlock(lines: ["\"Ligne1\r\nLigne2\""])
        #expect(two.isQuoted && one.isQuoted)
        #expect(two.markdown == "```text\n\"\\\"Ligne1\"\n\"Ligne2\\\"\"\n```")
        #expect(one.markdown == "```text\n\"\\\"Ligne1\\r\\nLigne2\\\"\"\n```")
        #expect(two.note == "shown as JSON strings because of quotes")
    }

    @Test func sourcesLinkSectionsDecisionsAndHelpPages() {
        #expect(SourceText.markdown("behaviour §3, decisions D22 and D32")
            == "behaviour [§3](behaviour.md#s3), decisions [D22](decisions.md#d22) and [D32](decisions.md#d32)")
        #expect(SourceText.markdown("docs/WebService/4/VersionERP.md; DEMO")
            == "[docs/WebService/4/VersionERP.md](https://github.com/karla-dedeler/aide-en-ligne/blob/HEAD/docs/WebService/4/VersionERP.md); DEMO")
        #expect(SourceText.markdown("docs/catalogue.md D") == "docs/catalogue.md D")
        #expect(SourceText.decisions(in: "behaviour §5, decisions D27 and D28, D27") == [27, 28])
    }

    /// `docs/decisions.md` is hand-written: its anchors and its links into the
    /// catalogue must match what the scenarios cite.
    @Test func decisionsAndCatalogueLinkEachOther() throws {
        let root = Self.packageRoot
        let scenarios = try ScenarioLoader(root: root.appendingPathComponent("Scenarios")).loadAll()
        let catalogue = try Catalogue.generate(
            scenarios: root.appendingPathComponent("Scenarios"), golden: root.appendingPathComponent("Golden"))
        let decisions = try String(contentsOf: root.appendingPathComponent("docs/decisions.md"), encoding: .utf8)
        for n in Set(scenarios.flatMap { SourceText.decisions(in: $0.source ?? "") }).sorted() {
            #expect(decisions.contains("<a id=\"d\(n)\"></a>"), "a scenario cites D\(n), which docs/decisions.md does not define")
        }
        for part in decisions.components(separatedBy: "(catalogue.md#").dropFirst() {
            let anchor = String(part.prefix { $0 != ")" })
            #expect(catalogue.contains("<a id=\"\(anchor)\"></a>"), "docs/decisions.md links to catalogue.md#\(anchor), which no scenario backs")
        }
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
        tags: [String] = [], lines: [String], journal: [String]?, state: JSONValue? = nil, path: String? = nil
    ) throws {
        var metadata: [(key: String, value: JSONValue)] = [("title", .string(title)), ("provenance", .string(provenance))]
        if let source { metadata.append(("source", .string(source))) }
        if let rule { metadata.append(("rule", .string(rule))) }
        metadata.append(("tags", .array(tags.map(JSONValue.string))))
        metadata.append(("fixture", [
            "societes": [["fichier": "C:\\ProgramData\\Gestimum\\DEMO.Gestimum", "utilisateurs": [["code": "DEMO"]]]],
        ]))
        var step: [(key: String, value: JSONValue)] = [("request", "request.json")]
        if let path { step.append(("path", .string(path))) }
        metadata.append(("steps", .array([.object(step)])))
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
        if let state { try write(state, to: golden.appendingPathComponent(id).appendingPathComponent("state.json")) }
    }

    private func write(_ value: JSONValue, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(JSONPrettyWriter.string(value).utf8).write(to: url)
    }
}
