import Testing
@testable import GestimumEmulator

@Suite struct FieldListTests {
    private static let custom = [
        CustomField(name: "XXX_SECTEUR", kind: .text, size: 20),
        CustomField(name: "Xxx_Note", kind: .integer),
    ]

    private func fields(_ names: [String]) -> FieldList {
        FieldList(names: names, customFields: Self.custom)
    }

    @Test func structureOrderIsTheSpecs() {
        #expect(FieldList.structureOrder
            == "CCT_CODE;CCT_NOM;CCT_ORIGIN;CCT_CIVILE;CCT_PRENOM;CCT_TELB;CCT_TELD;CCT_TELM;CCT_FAX;CCT_EMAIL;CCT_URL;CCT_QUAL1;CCT_QUAL2;CCT_FONCT")
    }

    @Test func standardFieldsNumberAndCustomFields() {
        let list = fields(["CCT_NUMERO", "CCT_CODE", "CCT_FONCT", "XXX_SECTEUR", "XXX_NOTE"])
        #expect(list.columns == [.number, .standard(.code), .standard(.function), .custom(0), .custom(1)])
        #expect(list.ignoredNames.isEmpty)
        #expect(list.duplicate == nil)
    }

    @Test func namesAreTrimmedAndCaseInsensitive() {
        let list = fields(["  cct_code", "Cct_Nom\t", " \txxx_secteur ", "cct_numero"])
        #expect(list.columns == [.standard(.code), .standard(.name), .custom(0), .number])
        #expect(list.ignoredNames.isEmpty)
    }

    @Test func unknownNamesAreIgnoredOnceAsWrittenTrimmed() {
        let list = fields([" Inconnu ", "CCT_CODE", "INCONNU", "CCT _NOM", "inconnu", "CCT_NOM"])
        #expect(list.columns == [.ignored, .standard(.code), .ignored, .ignored, .ignored, .standard(.name)])
        #expect(list.ignoredNames == ["Inconnu", "CCT _NOM"])
        #expect(list.duplicate == nil)
    }

    /// D21: an unknown field named twice is warned once, never a duplicate.
    @Test func unknownFieldTwiceIsNotADuplicate() {
        let list = fields(["FOO", "FOO"])
        #expect(list.ignoredNames == ["FOO"])
        #expect(list.duplicate == nil)
    }

    /// D20: blank names are skipped silently and never duplicates.
    @Test func blankNamesAreSkippedSilently() {
        let list = fields(["CCT_CODE", "", "  ", "CCT_NOM", "\t"])
        #expect(list.columns == [.standard(.code), .blank, .blank, .standard(.name), .blank])
        #expect(list.ignoredNames.isEmpty)
        #expect(list.duplicate == nil)
    }

    @Test func duplicateKnownFieldIsUpperCased() {
        #expect(fields(["cct_code", "CCT_NOM", " Cct_Code "]).duplicate == "CCT_CODE")
        #expect(fields(["CCT_NUMERO", "cct_numero"]).duplicate == "CCT_NUMERO")
        #expect(fields(["xxx_note", "XXX_NOTE"]).duplicate == "XXX_NOTE")
        #expect(fields(["XXX_SECTEUR", "xxx_secteur"]).duplicate == "XXX_SECTEUR")
    }

    @Test func firstDuplicateInWrittenOrder() {
        #expect(fields(["CCT_CODE", "CCT_NOM", "CCT_CODE", "CCT_NOM"]).duplicate == "CCT_CODE")
        #expect(fields(["CCT_EMAIL", "CCT_NOM", "CCT_NOM", "CCT_EMAIL"]).duplicate == "CCT_NOM")
    }

    /// D22: every warning is known even when a duplicate follows.
    @Test func warningsAreCollectedBeyondTheDuplicate() {
        let list = fields(["FOO", "CCT_CODE", "CCT_CODE", "BAR"])
        #expect(list.ignoredNames == ["FOO", "BAR"])
        #expect(list.duplicate == "CCT_CODE")
    }

    @Test func customFieldsOfAnotherCompanyAreUnknown() {
        let list = FieldList(names: ["XXX_SECTEUR"], customFields: [])
        #expect(list.columns == [.ignored])
        #expect(list.ignoredNames == ["XXX_SECTEUR"])
    }

    // MARK: Where the field list comes from (through the task)

    private func run(_ lines: [String], header: Bool, fieldNames: String = "", separator: String = ";") async throws
        -> (ImportOutcome, [[String: String]])
    {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(
            TestSupport.request(lines, header: header, fieldNames: fieldNames, separator: separator), registry: registry)
        return (outcome, try await TestSupport.contacts(registry))
    }

    @Test func headerLineNamesTheColumns() async throws {
        let (outcome, contacts) = try await run(["CCT_NOM;CCT_CODE", "Nom1;CODE1"], header: true)
        guard case .completed(_, 1, 0) = outcome else { Issue.record("\(outcome)"); return }
        #expect(contacts.first?["CCT_CODE"] == "CODE1")
        #expect(contacts.first?["CCT_NOM"] == "Nom1")
    }

    @Test func withoutHeaderTheStructureOrderIsUsed() async throws {
        let (outcome, contacts) = try await run(["C1;Nom1;CLIENT1;M.;Jean;01;02;03;04;j@x.fr;www.x.fr;VIP;WEB;DG"], header: false)
        guard case .completed(_, 1, 0) = outcome else { Issue.record("\(outcome)"); return }
        let contact = try #require(contacts.first)
        #expect(contact["CCT_CODE"] == "C1")
        #expect(contact["CCT_CIVILE"] == "M.")
        #expect(contact["CCT_PRENOM"] == "Jean")
        #expect(contact["CCT_TELB"] == "01")
        #expect(contact["CCT_FAX"] == "04")
        #expect(contact["CCT_URL"] == "www.x.fr")
        #expect(contact["CCT_QUAL2"] == "WEB")
        #expect(contact["CCT_FONCT"] == "DG")
    }

    @Test func withoutHeaderTheFirstLineIsARecord() async throws {
        let (outcome, contacts) = try await run(["CCT_CODE;CCT_NOM", "C1;N1"], header: false)
        guard case .completed(_, 2, 0) = outcome else { Issue.record("\(outcome)"); return }
        #expect(contacts.map { $0["CCT_CODE"] } == ["CCT_CODE", "C1"])
    }

    @Test func nomsChampsWinsAndTheHeaderLineIsSkipped() async throws {
        let (outcome, contacts) = try await run(["IGNORE;CECI", "N1;C1"], header: true, fieldNames: "CCT_NOM;CCT_CODE")
        guard case .completed(_, 1, 0) = outcome else { Issue.record("\(outcome)"); return }
        #expect(contacts.first?["CCT_CODE"] == "C1")
        #expect(TestSupport.messages(TestSupport.journal(outcome)).allSatisfy { !$0.contains("IGNORE") })
    }

    @Test func nomsChampsWithoutHeaderImportsEveryLine() async throws {
        let (outcome, contacts) = try await run(["N1;C1", "N2;C2"], header: false, fieldNames: "CCT_NOM;CCT_CODE")
        guard case .completed(_, 2, 0) = outcome else { Issue.record("\(outcome)"); return }
        #expect(contacts.map { $0["CCT_CODE"] } == ["C1", "C2"])
    }

    @Test func nomsChampsIsAlwaysSplitOnSemicolon() async throws {
        let (outcome, contacts) = try await run(["C1|N1"], header: false, fieldNames: "CCT_CODE;CCT_NOM", separator: "|")
        guard case .completed(_, 1, 0) = outcome else { Issue.record("\(outcome)"); return }
        #expect(contacts.first?["CCT_NOM"] == "N1")
    }

    @Test func headerLineIsSplitWithTheDelimiter() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let outcome = try await TestSupport.run(
            TestSupport.request(["\"CCT_CODE\";'CCT_NOM'", "C1;N1"], delimiter: "'"), registry: registry)
        // With ' as the delimiter, "CCT_CODE" keeps its quotes and is not a field.
        #expect(TestSupport.messages(TestSupport.journal(outcome)).contains(
            "Le champ \"CCT_CODE\" n'existe pas dans la table CONTACTS : il est ignoré"))
        #expect(TestSupport.rejections(outcome) == ["La ligne 1 n'a pas pu être importée :", "Code manquant"])
    }

    @Test func ignoredFieldWarningsComeRightAfterLaunchOnceEach() async throws {
        let (outcome, contacts) = try await run(["CCT_CODE; Remarque ;CCT_NOM;remarque;Autre", "C1;x;N1;y;z"], header: true)
        let messages = TestSupport.messages(TestSupport.journal(outcome))
        #expect(Array(messages[2...5]) == [
            "Lancement de la tâche ImporterContacts",
            "Le champ Remarque n'existe pas dans la table CONTACTS : il est ignoré",
            "Le champ Autre n'existe pas dans la table CONTACTS : il est ignoré",
            "L'import a été effectué avec succès.",
        ])
        #expect(contacts.count == 1)
    }

    /// D22: the warnings, then the duplicate failure; nothing imported.
    @Test func duplicateFieldFailsTheTaskAfterTheWarnings() async throws {
        let (outcome, contacts) = try await run(["Foo;cct_code;CCT_NOM;CCT_CODE ;Bar", "a;C1;N1;C2;b"], header: true)
        #expect(outcome == .taskFailure(message: "Le champ CCT_CODE est présent plusieurs fois", journal: [
            "01/01/2020 08:00:00 Ouverture de la société C:\\ProgramData\\Gestimum\\DEMO.Gestimum",
            "01/01/2020 08:00:05 Société C:\\ProgramData\\Gestimum\\DEMO.Gestimum ouverte",
            "01/01/2020 08:00:05 Lancement de la tâche ImporterContacts",
            "01/01/2020 08:00:05 Le champ Foo n'existe pas dans la table CONTACTS : il est ignoré",
            "01/01/2020 08:00:05 Le champ Bar n'existe pas dans la table CONTACTS : il est ignoré",
            "01/01/2020 08:00:05 Le champ CCT_CODE est présent plusieurs fois",
            "01/01/2020 08:00:05 Fermeture de la société C:\\ProgramData\\Gestimum\\DEMO.Gestimum",
        ]))
        #expect(contacts.isEmpty)
    }

    /// D20, D24: a blank column still counts in the value count.
    @Test func blankNameColumnCountsValues() async throws {
        let (outcome, contacts) = try await run(["CCT_CODE;;CCT_NOM;", "C1;perdu;N1;x", "C2;a;N2;b;c"], header: true)
        #expect(TestSupport.rejections(outcome) == [
            "La ligne 2 n'a pas pu être importée :", "Nombre de valeurs incorrect : 5 au lieu de 4",
        ])
        #expect(contacts.count == 1)
        #expect(contacts.first?["CCT_NOM"] == "N1")
    }

    /// D23: with entete and no line at all, 0 and 0.
    @Test func headerWithoutLinesImportsNothing() async throws {
        let (outcome, _) = try await run(["", ""], header: true)
        guard case .completed(_, 0, 0) = outcome else { Issue.record("\(outcome)"); return }
        #expect(TestSupport.messages(TestSupport.journal(outcome)).contains("L'import a été effectué avec succès."))
    }
}
