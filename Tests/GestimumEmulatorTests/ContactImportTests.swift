import Testing
@testable import GestimumEmulator

/// Numbering, updates and atomicity of the ImporterContacts task (spec §4, §5).
@Suite struct ContactImportTests {
    private static let existing = #"""
        , "tiers": [{"code": "CLIENT1"}], "criteres": {"1": ["VIP"], "2": []}, "fonctions": ["DG"],
        "champs_personnalises": [{"nom": "XXX_SECTEUR", "type": "texte", "taille": 20}],
        "contacts": [
          {"CCT_NUMERO": "0000000041", "CCT_CODE": "ANCIEN", "CCT_NOM": "Ancien", "CCT_PRENOM": "Paul",
           "CCT_EMAIL": "paul@exemple.fr", "CCT_ORIGIN": "CLIENT1", "CCT_QUAL1": "VIP", "XXX_SECTEUR": "Bois"},
          {"CCT_NUMERO": "0000000007", "CCT_CODE": "SEPT", "CCT_NOM": "Sept"},
          {"CCT_NUMERO": "X000000099", "CCT_CODE": "X", "CCT_NOM": "Pas un nombre"}
        ]
        """#

    private func registry(_ extra: String = existing) throws -> CompanyRegistry {
        try CompanyRegistry(fixture: TestSupport.company(extra: extra))
    }

    private func byNumber(_ contacts: [[String: String]]) -> [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: contacts.map { ($0["CCT_NUMERO"] ?? "", $0) })
    }

    // MARK: Creation

    @Test func creationNumbersFromOneInAnEmptyCompany() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", "A;a", "B;b", "C;c"]), registry: registry)
        guard case .completed(_, 3, 0) = outcome else { Issue.record("\(outcome)"); return }
        let contacts = try await TestSupport.contacts(registry)
        #expect(contacts.map { $0["CCT_NUMERO"] } == ["0000000001", "0000000002", "0000000003"])
        #expect(contacts.map { $0["CCT_CODE"] } == ["A", "B", "C"])
    }

    /// D31: after the highest number read as a number; non-numeric numbers do not count.
    @Test func creationContinuesAfterHighestNumber() async throws {
        let registry = try registry()
        _ = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", "NOUVEAU;Nouveau", "AUTRE;Autre"]), registry: registry)
        let contacts = byNumber(try await TestSupport.contacts(registry))
        #expect(contacts.keys.sorted() == ["0000000007", "0000000041", "0000000042", "0000000043", "X000000099"])
        #expect(contacts["0000000042"]?["CCT_CODE"] == "NOUVEAU")
        #expect(contacts["0000000043"]?["CCT_CODE"] == "AUTRE")
    }

    @Test func onlyAllDigitNumbersCount() async throws {
        let registry = try registry(#", "contacts": [{"CCT_NUMERO": "ABC", "CCT_CODE": "A", "CCT_NOM": "A"}, {"CCT_NUMERO": "12", "CCT_CODE": "B", "CCT_NOM": "B"}]"#)
        _ = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", "N;n"]), registry: registry)
        let contacts = byNumber(try await TestSupport.contacts(registry))
        #expect(contacts["0000000013"]?["CCT_CODE"] == "N")
        #expect(contacts.count == 3)
    }

    @Test func numberingContinuesAcrossImports() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let clock = TestSupport.clock()
        _ = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", "A;a"]), registry: registry, clock: clock)
        _ = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", "B;b"]), registry: registry, clock: clock)
        #expect(try await TestSupport.contacts(registry).map { $0["CCT_NUMERO"] } == ["0000000001", "0000000002"])
    }

    @Test func rejectedRecordsTakeNoNumber() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", ";sans code", "A;a"]), registry: registry)
        guard case .completed(_, 1, 1) = outcome else { Issue.record("\(outcome)"); return }
        #expect(try await TestSupport.contacts(registry).map { $0["CCT_NUMERO"] } == ["0000000001"])
    }

    @Test func duplicateCodesAreAllowed() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", "MEME;Un", "MEME;Deux"]), registry: registry)
        guard case .completed(_, 2, 0) = outcome else { Issue.record("\(outcome)"); return }
        #expect(try await TestSupport.contacts(registry).map { $0["CCT_NOM"] } == ["Un", "Deux"])
    }

    @Test func creationStoresEveryFieldAndUnlistedOnesAreEmpty() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        _ = try await TestSupport.run(TestSupport.request(
            ["CCT_CODE;CCT_NOM;CCT_EMAIL;xxx_secteur", "C1;Nom;a@b.fr;Métal"]), registry: registry)
        let contact = try #require(try await TestSupport.contacts(registry).first)
        #expect(contact["CCT_EMAIL"] == "a@b.fr")
        #expect(contact["XXX_SECTEUR"] == "Métal")
        #expect(contact["CCT_PRENOM"] == "")
        #expect(contact["CCT_ORIGIN"] == "")
    }

    @Test func numberColumnEmptyMeansCreation() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_NUMERO;CCT_CODE;CCT_NOM", ";C1;N1"]), registry: registry)
        guard case .completed(_, 1, 0) = outcome else { Issue.record("\(outcome)"); return }
        #expect(try await TestSupport.contacts(registry).first?["CCT_NUMERO"] == "0000000001")
    }

    // MARK: Updates

    @Test func updateChangesListedFieldsOnly() async throws {
        let registry = try registry()
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_NUMERO;CCT_PRENOM", "0000000041;Pierre"]), registry: registry)
        guard case .completed(_, 1, 0) = outcome else { Issue.record("\(outcome)"); return }
        let contact = try #require(byNumber(try await TestSupport.contacts(registry))["0000000041"])
        #expect(contact["CCT_PRENOM"] == "Pierre")
        #expect(contact["CCT_CODE"] == "ANCIEN")
        #expect(contact["CCT_NOM"] == "Ancien")
        #expect(contact["CCT_EMAIL"] == "paul@exemple.fr")
        #expect(contact["CCT_ORIGIN"] == "CLIENT1")
        #expect(contact["CCT_QUAL1"] == "VIP")
        #expect(contact["XXX_SECTEUR"] == "Bois")
    }

    @Test func updateEmptyValueClearsTheField() async throws {
        let registry = try registry()
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_NUMERO;CCT_EMAIL;CCT_ORIGIN;XXX_SECTEUR", "0000000041;;;"]), registry: registry)
        guard case .completed(_, 1, 0) = outcome else { Issue.record("\(outcome)"); return }
        let contact = try #require(byNumber(try await TestSupport.contacts(registry))["0000000041"])
        #expect(contact["CCT_EMAIL"] == "")
        #expect(contact["CCT_ORIGIN"] == "")
        #expect(contact["XXX_SECTEUR"] == "")
        #expect(contact["CCT_PRENOM"] == "Paul")
    }

    @Test func missingTrailingValuesClearOnUpdate() async throws {
        let registry = try registry()
        _ = try await TestSupport.run(TestSupport.request(["CCT_NUMERO;CCT_NOM;CCT_PRENOM", "0000000041;Nouveau"]), registry: registry)
        let contact = try #require(byNumber(try await TestSupport.contacts(registry))["0000000041"])
        #expect(contact["CCT_NOM"] == "Nouveau")
        #expect(contact["CCT_PRENOM"] == "")
    }

    @Test func updateCannotClearCodeOrName() async throws {
        let registry = try registry()
        let outcome = try await TestSupport.run(
            TestSupport.request(["CCT_NUMERO;CCT_CODE;CCT_NOM", "0000000041;;X", "0000000007;S;"]), registry: registry)
        #expect(TestSupport.rejections(outcome) == [
            "La ligne 1 n'a pas pu être importée :", "Code manquant",
            "La ligne 2 n'a pas pu être importée :", "Nom manquant",
        ])
        let contacts = byNumber(try await TestSupport.contacts(registry))
        #expect(contacts["0000000041"]?["CCT_CODE"] == "ANCIEN")
        #expect(contacts["0000000007"]?["CCT_NOM"] == "Sept")
    }

    @Test func updateNumberIsNotPadded() async throws {
        let registry = try registry()
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_NUMERO;CCT_PRENOM", "41;Pierre"]), registry: registry)
        #expect(TestSupport.rejections(outcome) == ["La ligne 1 n'a pas pu être importée :", "Le contact 41 n'existe pas"])
        #expect(byNumber(try await TestSupport.contacts(registry))["0000000041"]?["CCT_PRENOM"] == "Paul")
    }

    @Test func updateOfANonNumericNumber() async throws {
        let registry = try registry()
        _ = try await TestSupport.run(TestSupport.request(["CCT_NUMERO;CCT_NOM", "X000000099;Renommé"]), registry: registry)
        #expect(byNumber(try await TestSupport.contacts(registry))["X000000099"]?["CCT_NOM"] == "Renommé")
    }

    /// D30: an update can change a contact created earlier in the same request.
    @Test func updateOfContactCreatedInTheSameRequest() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(TestSupport.request(
            ["CCT_NUMERO;CCT_CODE;CCT_NOM", ";C1;Premier", "0000000001;C1;Modifié", "0000000001;C9;Modifié"]), registry: registry)
        guard case .completed(_, 3, 0) = outcome else { Issue.record("\(outcome)"); return }
        let contacts = try await TestSupport.contacts(registry)
        #expect(contacts.count == 1)
        #expect(contacts.first?["CCT_CODE"] == "C9")
        #expect(contacts.first?["CCT_NOM"] == "Modifié")
    }

    @Test func updateBeforeCreationInTheSameRequestIsRejected() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(TestSupport.request(
            ["CCT_NUMERO;CCT_CODE;CCT_NOM", "0000000001;C1;Trop tôt", ";C1;Premier"]), registry: registry)
        #expect(TestSupport.rejections(outcome) == ["La ligne 1 n'a pas pu être importée :", "Le contact 0000000001 n'existe pas"])
        #expect(try await TestSupport.contacts(registry).first?["CCT_NOM"] == "Premier")
    }

    @Test func updateSetsACustomField() async throws {
        let registry = try registry()
        _ = try await TestSupport.run(TestSupport.request(["CCT_NUMERO;xxx_secteur", "0000000007;Verre"]), registry: registry)
        let contacts = byNumber(try await TestSupport.contacts(registry))
        #expect(contacts["0000000007"]?["XXX_SECTEUR"] == "Verre")
        #expect(contacts["0000000041"]?["XXX_SECTEUR"] == "Bois")
    }

    // MARK: Records

    @Test func rejectionsAreNumberedWithoutHeaderOrEmptyElements() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(TestSupport.request(
            ["CCT_CODE;CCT_NOM;CCT_ORIGIN", "", "A;a;CLIENT1", "", "B;b;INCONNU", "C;c;CLIENT2;trop", "D;d", "\"E;e"],
            delimiter: "\""), registry: registry)
        guard case .completed(_, 2, 3) = outcome else { Issue.record("\(outcome)"); return }
        #expect(TestSupport.rejections(outcome) == [
            "La ligne 2 n'a pas pu être importée :", "Le code tiers INCONNU n'existe pas",
            "La ligne 3 n'a pas pu être importée :", "Nombre de valeurs incorrect : 4 au lieu de 3",
            "La ligne 5 n'a pas pu être importée :", "Identificateur de texte non fermé",
        ])
        #expect(try await TestSupport.contacts(registry).map { $0["CCT_CODE"] } == ["A", "D"])
    }

    @Test func structureOrderHas14Columns() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(
            TestSupport.request([String(repeating: "x;", count: 14) + "x"], header: false), registry: registry)
        #expect(TestSupport.rejections(outcome) == ["La ligne 1 n'a pas pu être importée :", "Nombre de valeurs incorrect : 15 au lieu de 14"])
    }

    /// D23: the header is the first logical line, after empty elements.
    @Test func headerIsTheFirstNonEmptyLine() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(TestSupport.request(["", "", "CCT_NOM;CCT_CODE", "", "n;c"]), registry: registry)
        guard case .completed(_, 1, 0) = outcome else { Issue.record("\(outcome)"); return }
        #expect(try await TestSupport.contacts(registry).first?["CCT_CODE"] == "c")
    }

    /// D24: {m} counts ignored names too.
    @Test func valueCountIncludesIgnoredNames() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_CODE;INCONNU;CCT_NOM", "a;b;c;d;e"]), registry: registry)
        #expect(TestSupport.rejections(outcome) == ["La ligne 1 n'a pas pu être importée :", "Nombre de valeurs incorrect : 5 au lieu de 3"])
    }

    @Test func delimitedValuesAreStoredWithoutDelimiters() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        _ = try await TestSupport.run(TestSupport.request(
            ["CCT_CODE;CCT_NOM;CCT_CIVILE", "C1;\"Dupont; \"\"fils\"\"\";\"M.", "Mme\""], delimiter: "\""), registry: registry)
        let contact = try #require(try await TestSupport.contacts(registry).first)
        #expect(contact["CCT_NOM"] == "Dupont; \"fils\"")
        #expect(contact["CCT_CIVILE"] == "M.\r\nMme")
    }

    // MARK: Atomicity

    @Test func taskFailureLeavesTheCompanyUntouched() async throws {
        let registry = try registry()
        let before = try await TestSupport.contacts(registry)
        let outcome = try await TestSupport.run(TestSupport.request(
            ["CCT_NUMERO;CCT_NOM;CCT_CODE;cct_nom", "0000000041;Changé;X;Y", ";Nouveau;N;N"]), registry: registry)
        guard case .taskFailure(message: "Le champ CCT_NOM est présent plusieurs fois", _) = outcome else {
            Issue.record("\(outcome)"); return
        }
        let after = try await TestSupport.contacts(registry)
        #expect(after == before)
        #expect(after.count == 3)
    }

    @Test func openingFailureLeavesTheCompanyUntouched() async throws {
        let registry = try registry()
        let before = try await TestSupport.contacts(registry)
        let outcome = try await TestSupport.run(
            TestSupport.request(["CCT_CODE;CCT_NOM", "A;a"], password: "faux"), registry: registry)
        #expect(outcome == .taskFailure(message: "Mot de passe incorrect pour l'utilisateur DEMO", journal: [
            "01/01/2020 08:00:00 Ouverture de la société C:\\ProgramData\\Gestimum\\DEMO.Gestimum",
            "01/01/2020 08:00:05 Mot de passe incorrect pour l'utilisateur DEMO",
        ]))
        #expect(try await TestSupport.contacts(registry) == before)
    }

    @Test func acceptedRecordsAreCommittedTogetherWithRejectionsAround() async throws {
        let registry = try registry()
        let outcome = try await TestSupport.run(TestSupport.request(
            ["CCT_NUMERO;CCT_CODE;CCT_NOM", "0000000007;SEPT;Sept bis", "0000000099;X;Y", ";NEW;Nouveau"]), registry: registry)
        guard case .completed(_, 2, 1) = outcome else { Issue.record("\(outcome)"); return }
        let contacts = byNumber(try await TestSupport.contacts(registry))
        #expect(contacts["0000000007"]?["CCT_NOM"] == "Sept bis")
        #expect(contacts["0000000042"]?["CCT_CODE"] == "NEW")
        #expect(contacts["0000000099"] == nil)
    }

    /// Requests on one company run one at a time: concurrent imports never share a number.
    @Test func concurrentImportsOnOneCompanyAreSerialized() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let emulator = Emulator(registry: registry, clock: TestSupport.clock(), sessionIDs: .seeded())
        await withTaskGroup(of: Int.self) { group in
            for i in 0..<8 {
                group.addTask {
                    await emulator.handle(.post(TestSupport.body(lines: ["CCT_CODE;CCT_NOM", "A\(i);a", "B\(i);b"]))).status
                }
            }
            for await status in group { #expect(status == 200) }
        }
        let contacts = try await TestSupport.contacts(registry)
        #expect(contacts.map { $0["CCT_NUMERO"] } == (1...16).map { $0 < 10 ? "000000000\($0)" : "00000000\($0)" })
        #expect(Set(contacts.compactMap { $0["CCT_CODE"] }).count == 16)
    }

    @Test func anotherCompanyIsNotTouched() async throws {
        let fixture = try TestSupport.fixture(#"""
        {"societes": [
          {"fichier": "C:\\ProgramData\\Gestimum\\DEMO.Gestimum", "utilisateurs": [{"code": "DEMO"}]},
          {"fichier": "C:\\ProgramData\\Gestimum\\AUTRE.Gestimum", "utilisateurs": [{"code": "DEMO"}]}]}
        """#)
        let registry = try CompanyRegistry(fixture: fixture)
        _ = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", "A;a"], file: "AUTRE.Gestimum"), registry: registry)
        #expect(try await TestSupport.contacts(registry).isEmpty)
        #expect(try await TestSupport.contacts(registry, path: #"C:\ProgramData\Gestimum\AUTRE.Gestimum"#).count == 1)
    }
}
