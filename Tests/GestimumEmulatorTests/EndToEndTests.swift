import Foundation
import Testing
@testable import GestimumEmulator

/// The documented example through ``Emulator/handle(_:)``, byte for byte.
@Suite struct EndToEndTests {
    /// The request body of the help page (seed 000_ef986d8fed05a3a2), as the page shows it.
    static let documentedRequest = #"""
    {
        "importer_contacts": {
            "societe": {
                "fichier": "DEMO.Gestimum",
                "utilisateur": "DEMO",
                "mot_passe": "",
                "deconnecter": "Non",
                "exclusif": "Non"
            },
            "parametres": {
                "journal": "Oui",
                "statistiques": "Oui",
                "entete": "Oui",
                "noms_champs": "",
                "separateur_champs": ";",
                "identificateur_texte": "",
                "fichier_contacts": [
                    "CCT_CODE;CCT_NOM;CCT_ORIGIN",
                    "CONTACT1;Contact1;CLIENT1",
                    "CONTACT2;Contact2;CLIENT1",
                    "CONTACT3;Contact3;CLIENT2"
                ]
            }
        }
    }
    """#

    /// The documented answer in spec §7's wire format, written by hand: compact,
    /// `/` as `\/`, `\` doubled, every non-ASCII character as `\uXXXX` in uppercase hex.
    static let documentedWireBody = #"{"result":[{"resultat":"succ\u00E8s","message":"termin\u00E9","journal":["#
        + #""13\/09\/2019 14:30:38 Ouverture de la soci\u00E9t\u00E9 C:\\ProgramData\\Gestimum\\DEMO.Gestimum","#
        + #""13\/09\/2019 14:30:43 Soci\u00E9t\u00E9 C:\\ProgramData\\Gestimum\\DEMO.Gestimum ouverte","#
        + #""13\/09\/2019 14:30:43 Lancement de la t\u00E2che ImporterContacts","#
        + #""13\/09\/2019 14:30:44 L'import a \u00E9t\u00E9 effectu\u00E9 avec succ\u00E8s.","#
        + #""13\/09\/2019 14:30:44 Nombre de lignes import\u00E9es : 3","#
        + #""13\/09\/2019 14:30:44 Nombre de lignes non import\u00E9es : 0","#
        + #""13\/09\/2019 14:30:44 T\u00E2che ImporterContacts termin\u00E9e","#
        + #""13\/09\/2019 14:30:44 Fermeture de la soci\u00E9t\u00E9 C:\\ProgramData\\Gestimum\\DEMO.Gestimum"],"#
        + #""statistiques":{"nombre_lignes_import\u00E9es":"3","nombre_lignes_non_import\u00E9es":"0"}}]}"#

    private static func documentedClock() -> ScriptedClock {
        ScriptedClock(start: "13/09/2019 14:30:38", openSeconds: 5, importSeconds: 1)!
    }

    private static func isPragma(_ value: String?) -> Bool {
        guard let value, value.hasPrefix("dssession="), value.hasSuffix(",dssessionexpires=1200000") else { return false }
        let id = value.dropFirst("dssession=".count).dropLast(",dssessionexpires=1200000".count)
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    @Test func documentedExampleWireBytes() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let emulator = Emulator(registry: registry, clock: Self.documentedClock(), sessionIDs: .seeded())
        let response = await emulator.handle(EmulatorRequest(
            method: "POST", path: "/api/rest/Contacts/%22Importer%22", body: Array(Self.documentedRequest.utf8)))

        #expect(response.status == 200)
        #expect(response.body == Array(Self.documentedWireBody.utf8))
        #expect(response.body.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
        #expect(response.header("Content-Type") == "application/json")
        #expect(Self.isPragma(response.header("Pragma")))

        let contacts = try await TestSupport.contacts(registry)
        #expect(contacts.map { $0["CCT_NUMERO"] } == ["0000000001", "0000000002", "0000000003"])
        #expect(contacts.map { $0["CCT_CODE"] } == ["CONTACT1", "CONTACT2", "CONTACT3"])
        #expect(contacts.map { $0["CCT_NOM"] } == ["Contact1", "Contact2", "Contact3"])
        #expect(contacts.map { $0["CCT_ORIGIN"] } == ["CLIENT1", "CLIENT1", "CLIENT2"])
        #expect(contacts.allSatisfy { $0["CCT_PRENOM"] == "" && $0["XXX_SECTEUR"] == "" })
    }

    @Test func documentedBodyReadBackMatchesTheHelpPage() async throws {
        let emulator = Emulator(registry: try CompanyRegistry(fixture: .demo), clock: Self.documentedClock(), sessionIDs: .seeded())
        let response = await emulator.handle(.post(Array(Self.documentedRequest.utf8)))
        let parsed = try JSONParser.parse(response.body)
        let answer = try #require(ImportAnswer(parsed))
        #expect(answer.status == "succès")
        #expect(answer.message == "terminé")
        #expect(answer.journal?.first == #"13/09/2019 14:30:38 Ouverture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#)
        #expect(answer.statistics == ImportAnswer.Statistics(imported: 3, rejected: 0))
    }

    @Test func stateDocumentListsTheContacts() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let emulator = Emulator(registry: registry, clock: Self.documentedClock(), sessionIDs: .seeded())
        _ = await emulator.handle(.post(Array(Self.documentedRequest.utf8)))
        let state = try await StateDocument.build(registry)
        let company = try #require(state["societes"]?.arrayValue?.first)
        #expect(company["fichier"] == #"C:\ProgramData\Gestimum\DEMO.Gestimum"#)
        let first = try #require(company["contacts"]?.arrayValue?.first?.objectValue)
        #expect(first.map(\.key) == ["CCT_NUMERO", "CCT_CODE", "CCT_NOM", "CCT_ORIGIN", "CCT_CIVILE", "CCT_PRENOM", "CCT_TELB",
                                     "CCT_TELD", "CCT_TELM", "CCT_FAX", "CCT_EMAIL", "CCT_URL", "CCT_QUAL1", "CCT_QUAL2",
                                     "CCT_FONCT", "XXX_SECTEUR"])
        #expect(company["contacts"]?.arrayValue?.count == 3)
    }

    // MARK: Body limit (spec §8, D9)

    @Test func bodyOverTheLimitIs413() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let body = Array(Self.documentedRequest.utf8)
        let emulator = Emulator(registry: registry, clock: Self.documentedClock(), sessionIDs: .seeded(), maxBodySize: body.count - 1)
        let response = await emulator.handle(.post(body))
        #expect(response.status == 413)
        #expect(TestSupport.text(response.body)
            == #"{"error":"Le corps de la requ\u00EAte d\u00E9passe la taille maximale ("# + String(body.count - 1) + #" octets)"}"#)
        #expect(response.header("Content-Type") == "application/json")
        #expect(try await TestSupport.contacts(registry).isEmpty)
    }

    @Test func bodyAtTheLimitIsAccepted() async throws {
        let body = Array(Self.documentedRequest.utf8)
        let emulator = Emulator(registry: try CompanyRegistry(fixture: .demo), clock: Self.documentedClock(),
                                sessionIDs: .seeded(), maxBodySize: body.count)
        let response = await emulator.handle(.post(body))
        #expect(response.status == 200)
        #expect(response.body == Array(Self.documentedWireBody.utf8))
    }

    @Test func limitIsCheckedBeforeParsing() async throws {
        let emulator = Emulator(registry: try CompanyRegistry(fixture: .demo), clock: Self.documentedClock(), maxBodySize: 10)
        let response = await emulator.handle(.post(Array("not json at all".utf8)))
        #expect(response.status == 413)
        #expect(TestSupport.text(response.body) == #"{"error":"Le corps de la requ\u00EAte d\u00E9passe la taille maximale (10 octets)"}"#)
    }

    @Test func defaultLimitIs256MiB() {
        #expect(Emulator.defaultMaxBodySize == 268_435_456)
    }

    // MARK: A data folder on disk (--data)

    @Test func dataFolderKeepsTheImportedContacts() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }

        let registry = try CompanyRegistry(fixture: .demo, dataFolder: folder)
        let emulator = Emulator(registry: registry, clock: Self.documentedClock(), sessionIDs: .seeded())
        let response = await emulator.handle(.post(Array(Self.documentedRequest.utf8)))
        #expect(response.body == Array(Self.documentedWireBody.utf8))

        // Reopened with a different fallback: the folder's companies win.
        let empty = try TestSupport.fixture(#"{"erp_version": "8.0", "societes": []}"#)
        let reopened = try CompanyRegistry.open(dataFolder: folder, fallback: empty)
        #expect(reopened.erpVersion == "9.0.0.0 (01/01/2020 00:00:00)")
        #expect(reopened.companies.map(\.path) == [TestSupport.demoPath])
        let contacts = try await TestSupport.contacts(reopened)
        #expect(contacts.map { $0["CCT_NUMERO"] } == ["0000000001", "0000000002", "0000000003"])
        #expect(contacts.map { $0["CCT_CODE"] } == ["CONTACT1", "CONTACT2", "CONTACT3"])

        // And the reopened registry goes on numbering after them.
        let next = Emulator(registry: reopened, clock: Self.documentedClock(), sessionIDs: .seeded())
        let answer = await next.handle(.post(TestSupport.body(lines: ["CCT_CODE;CCT_NOM", "CONTACT4;Contact4"])))
        #expect(answer.status == 200)
        #expect(try await TestSupport.contacts(reopened).map { $0["CCT_NUMERO"] }.last == "0000000004")
    }

    @Test func emptyDataFolderInstallsTheFallback() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fallback = try TestSupport.company(extra: #", "contacts": [{"CCT_NUMERO": "0000000005", "CCT_CODE": "C", "CCT_NOM": "N"}]"#,
                                               erpVersion: "9.5")
        let registry = try CompanyRegistry.open(dataFolder: folder, fallback: fallback)
        #expect(registry.erpVersion == "9.5")
        #expect(try await TestSupport.contacts(registry).map { $0["CCT_NUMERO"] } == ["0000000005"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("emulator.json").path))
    }
}
