import Testing
@testable import GestimumEmulator

@Suite struct RequestDecoderTests {
    /// The message of the request error `json` gives, or nil when it decodes.
    private func error(_ json: String) throws -> String? {
        let value = try JSONParser.parse(json)
        do {
            _ = try RequestDecoder.decode(value)
            return nil
        } catch {
            return error.message
        }
    }

    private func decode(_ json: String) throws -> ImportRequest {
        try RequestDecoder.decode(try JSONParser.parse(json))
    }

    private static let societe = #""fichier": "DEMO.Gestimum", "utilisateur": "DEMO""#
    private static let lines = #""fichier_contacts": []"#

    /// A body with `societe` and `parametres` members as given (without braces).
    private func body(societe: String = societe, parametres: String = lines) -> String {
        #"{"importer_contacts": {"societe": {\#(societe)}, "parametres": {\#(parametres)}}}"#
    }

    // MARK: The structure, top-down

    @Test(arguments: ["null", "[]", #""texte""#, "1", "true", "{}", #"{"autre": {}}"#, #"{"importer_contacts": null}"#])
    func missingImporterContacts(_ json: String) throws {
        #expect(try error(json) == "Le paramètre importer_contacts est obligatoire")
    }

    @Test(arguments: [#""x""#, "[]", "1", "false"])
    func importerContactsNotAnObject(_ value: String) throws {
        #expect(try error(#"{"importer_contacts": \#(value)}"#) == "Le paramètre importer_contacts doit être un objet")
    }

    @Test func missingSociete() throws {
        #expect(try error(#"{"importer_contacts": {}}"#) == "Le paramètre societe est obligatoire")
        #expect(try error(#"{"importer_contacts": {"societe": null, "parametres": {}}}"#) == "Le paramètre societe est obligatoire")
    }

    @Test func societeNotAnObject() throws {
        #expect(try error(#"{"importer_contacts": {"societe": "DEMO"}}"#) == "Le paramètre societe doit être un objet")
        #expect(try error(#"{"importer_contacts": {"societe": [], "parametres": {}}}"#) == "Le paramètre societe doit être un objet")
    }

    @Test(arguments: ["", #""fichier": null,"#, #""fichier": "","#])
    func missingFichier(_ member: String) throws {
        #expect(try error(body(societe: member + #""utilisateur": "DEMO""#)) == "Le paramètre fichier est obligatoire")
    }

    @Test func fichierNotAString() throws {
        #expect(try error(body(societe: #""fichier": 12, "utilisateur": "DEMO""#)) == "Le paramètre fichier doit être une chaîne de caractères")
        #expect(try error(body(societe: #""fichier": ["a"], "utilisateur": "DEMO""#)) == "Le paramètre fichier doit être une chaîne de caractères")
    }

    @Test(arguments: [#""fichier": "DEMO.Gestimum""#, #""fichier": "DEMO.Gestimum", "utilisateur": null"#, #""fichier": "DEMO.Gestimum", "utilisateur": """#])
    func missingUtilisateur(_ societe: String) throws {
        #expect(try error(body(societe: societe)) == "Le paramètre utilisateur est obligatoire")
    }

    @Test func utilisateurNotAString() throws {
        #expect(try error(body(societe: #""fichier": "DEMO.Gestimum", "utilisateur": true"#)) == "Le paramètre utilisateur doit être une chaîne de caractères")
    }

    @Test func motPasseNotAString() throws {
        #expect(try error(body(societe: Self.societe + #", "mot_passe": 1234"#)) == "Le paramètre mot_passe doit être une chaîne de caractères")
    }

    @Test func deconnecterBadValues() throws {
        #expect(try error(body(societe: Self.societe + #", "deconnecter": "Peut-être""#))
            == "La valeur 'Peut-être' du paramètre deconnecter est incorrecte (Oui ou Non attendu)")
        #expect(try error(body(societe: Self.societe + #", "deconnecter": true"#))
            == "La valeur 'true' du paramètre deconnecter est incorrecte (Oui ou Non attendu)")
    }

    @Test func exclusifBadValue() throws {
        #expect(try error(body(societe: Self.societe + #", "exclusif": "Yes""#))
            == "La valeur 'Yes' du paramètre exclusif est incorrecte (Oui ou Non attendu)")
    }

    @Test func missingParametres() throws {
        #expect(try error(#"{"importer_contacts": {"societe": {\#(Self.societe)}}}"#) == "Le paramètre parametres est obligatoire")
        #expect(try error(#"{"importer_contacts": {"societe": {\#(Self.societe)}, "parametres": null}}"#) == "Le paramètre parametres est obligatoire")
    }

    @Test func parametresNotAnObject() throws {
        #expect(try error(#"{"importer_contacts": {"societe": {\#(Self.societe)}, "parametres": "x"}}"#) == "Le paramètre parametres doit être un objet")
    }

    @Test(arguments: ["journal", "statistiques", "entete"])
    func yesNoParameterBadValue(_ key: String) throws {
        #expect(try error(body(parametres: #""\#(key)": "O", "fichier_contacts": []"#))
            == "La valeur 'O' du paramètre \(key) est incorrecte (Oui ou Non attendu)")
    }

    /// D12: a non-string is quoted as its compact JSON text.
    @Test(arguments: [
        ("true", "true"), ("false", "false"), ("1", "1"), ("1.50", "1.50"), ("[]", "[]"),
        (#"{ "a" : [1, "b"] }"#, #"{"a":[1,"b"]}"#),
    ])
    func yesNoNonStringQuotesCompactJSON(_ json: String, _ shown: String) throws {
        #expect(try error(body(parametres: #""journal": \#(json), "fichier_contacts": []"#))
            == "La valeur '\(shown)' du paramètre journal est incorrecte (Oui ou Non attendu)")
    }

    /// D36: not trimmed, and empty is not a value.
    @Test(arguments: ["Oui ", " Non", "", "O ui", "Vrai", "1"])
    func yesNoValuesAreNotTrimmed(_ value: String) throws {
        #expect(try error(body(parametres: #""statistiques": "\#(value)", "fichier_contacts": []"#))
            == "La valeur '\(value)' du paramètre statistiques est incorrecte (Oui ou Non attendu)")
    }

    @Test func yesNoIsCaseInsensitive() throws {
        let request = try decode(body(
            societe: Self.societe + #", "deconnecter": "OUI", "exclusif": "oUi""#,
            parametres: #""journal": "oui", "statistiques": "NON", "entete": "Oui", "fichier_contacts": []"#))
        #expect(request.login.disconnect)
        #expect(request.login.exclusive)
        #expect(request.parameters.journal)
        #expect(!request.parameters.statistics)
        #expect(request.parameters.header)
    }

    @Test func nomsChampsNotAString() throws {
        #expect(try error(body(parametres: #""noms_champs": 3, "fichier_contacts": []"#)) == "Le paramètre noms_champs doit être une chaîne de caractères")
    }

    @Test func separateurNotAString() throws {
        #expect(try error(body(parametres: #""separateur_champs": [";"], "fichier_contacts": []"#)) == "Le paramètre separateur_champs doit être une chaîne de caractères")
    }

    @Test(arguments: [";;", "ab", ", "])
    func separateurLongerThanOneCharacter(_ value: String) throws {
        #expect(try error(body(parametres: #""separateur_champs": "\#(value)", "fichier_contacts": []"#)) == "Le séparateur de champs doit être un seul caractère")
    }

    @Test func identificateurNotAString() throws {
        #expect(try error(body(parametres: #""identificateur_texte": 34, "fichier_contacts": []"#)) == "Le paramètre identificateur_texte doit être une chaîne de caractères")
    }

    @Test(arguments: [#"\"\""#, "''", "«»"])
    func identificateurLongerThanOneCharacter(_ value: String) throws {
        #expect(try error(body(parametres: #""identificateur_texte": "\#(value)", "fichier_contacts": []"#)) == "L'identificateur de texte doit être un seul caractère")
    }

    @Test(arguments: [#""journal": "Oui""#, #""fichier_contacts": null"#])
    func missingFichierContacts(_ parametres: String) throws {
        #expect(try error(body(parametres: parametres)) == "Le paramètre fichier_contacts est obligatoire")
    }

    @Test(arguments: [#""CCT_CODE;CCT_NOM""#, "{}", "3", #"["a", 1]"#, #"["a", null]"#, #"[["a"]]"#])
    func fichierContactsNotAnArrayOfStrings(_ value: String) throws {
        #expect(try error(body(parametres: #""fichier_contacts": \#(value)"#)) == "Le paramètre fichier_contacts doit être un tableau de lignes")
    }

    // MARK: First error wins, in the table's order

    @Test func societeIsCheckedBeforeParametresWhateverTheDocumentOrder() throws {
        #expect(try error(#"{"importer_contacts": {"parametres": {"journal": "x"}, "societe": {"utilisateur": "DEMO"}}}"#)
            == "Le paramètre fichier est obligatoire")
    }

    @Test func firstErrorWinsInTableOrder() throws {
        // Each body has two errors; the one higher in the table wins.
        #expect(try error(body(societe: #""fichier": 1, "utilisateur": 2"#)) == "Le paramètre fichier doit être une chaîne de caractères")
        #expect(try error(body(societe: #""exclusif": "x", "deconnecter": "y", "fichier": "F", "utilisateur": "U""#))
            == "La valeur 'y' du paramètre deconnecter est incorrecte (Oui ou Non attendu)")
        #expect(try error(#"{"importer_contacts": {"societe": {"fichier": "F", "utilisateur": "U", "mot_passe": 1}, "parametres": 5}}"#)
            == "Le paramètre mot_passe doit être une chaîne de caractères")
        #expect(try error(body(parametres: #""entete": "x", "statistiques": "y", "journal": "z""#))
            == "La valeur 'z' du paramètre journal est incorrecte (Oui ou Non attendu)")
        #expect(try error(body(parametres: #""entete": "x", "statistiques": "y""#))
            == "La valeur 'y' du paramètre statistiques est incorrecte (Oui ou Non attendu)")
        #expect(try error(body(parametres: #""separateur_champs": 1, "noms_champs": 1"#)) == "Le paramètre noms_champs doit être une chaîne de caractères")
        #expect(try error(body(parametres: #""identificateur_texte": "ab", "separateur_champs": "ab""#)) == "Le séparateur de champs doit être un seul caractère")
        #expect(try error(body(parametres: #""identificateur_texte": "ab""#)) == "L'identificateur de texte doit être un seul caractère")
        #expect(try error(body(parametres: #""entete": "x""#)) == "La valeur 'x' du paramètre entete est incorrecte (Oui ou Non attendu)")
    }

    // MARK: Defaults and accepted values

    @Test func defaultsWithRequiredKeysOnly() throws {
        let request = try decode(body())
        #expect(request.login == .init(file: "DEMO.Gestimum", user: "DEMO", password: "", disconnect: false, exclusive: false))
        #expect(request.parameters == .init(
            journal: false, statistics: false, header: false, fieldNames: "", separator: ";", delimiter: nil, lines: []))
    }

    /// D11: null is the parameter being absent.
    @Test func nullOptionalParametersTakeTheirDefaults() throws {
        let request = try decode(body(
            societe: Self.societe + #", "mot_passe": null, "deconnecter": null, "exclusif": null"#,
            parametres: #""journal": null, "statistiques": null, "entete": null, "noms_champs": null, "separateur_champs": null, "identificateur_texte": null, "fichier_contacts": ["a"]"#))
        #expect(request.login.password == "")
        #expect(!request.login.disconnect && !request.login.exclusive)
        #expect(request.parameters == .init(
            journal: false, statistics: false, header: false, fieldNames: "", separator: ";", delimiter: nil, lines: ["a"]))
    }

    @Test func documentedExampleDecodes() throws {
        let request = try decode(#"""
        {"importer_contacts": {
           "societe": {"fichier": "DEMO.Gestimum", "utilisateur": "DEMO", "mot_passe": "secret",
                       "deconnecter": "Non", "exclusif": "Non"},
           "parametres": {"journal": "Oui", "statistiques": "Oui", "entete": "Oui",
                          "noms_champs": "A;B", "separateur_champs": "", "identificateur_texte": "",
                          "fichier_contacts": ["CCT_CODE;CCT_NOM;CCT_ORIGIN", "CONTACT1;Contact1;CLIENT1"]}}}
        """#)
        #expect(request.login == .init(file: "DEMO.Gestimum", user: "DEMO", password: "secret", disconnect: false, exclusive: false))
        #expect(request.parameters == .init(
            journal: true, statistics: true, header: true, fieldNames: "A;B", separator: ";", delimiter: nil,
            lines: ["CCT_CODE;CCT_NOM;CCT_ORIGIN", "CONTACT1;Contact1;CLIENT1"]))
    }

    @Test func emptySeparatorMeansSemicolonAndEmptyDelimiterMeansNone() throws {
        let request = try decode(body(parametres: #""separateur_champs": "", "identificateur_texte": "", "fichier_contacts": []"#))
        #expect(request.parameters.separator == ";")
        #expect(request.parameters.delimiter == nil)
    }

    @Test(arguments: ["\t", ",", "§", "|", "é"])
    func oneCharacterSeparatorIsKept(_ separator: String) throws {
        let json = #""separateur_champs": \#(JSONPrettyWriter.quote(separator)), "identificateur_texte": "'", "fichier_contacts": []"#
        let request = try decode(body(parametres: json))
        #expect(request.parameters.separator == separator)
        #expect(request.parameters.delimiter == "'")
    }

    @Test func unknownKeysAreIgnored() throws {
        let request = try decode(#"""
        {"autre": 1, "importer_contacts": {"tester": "Oui", "societe": {"fichier": "F", "utilisateur": "U", "inconnu": [1]},
          "parametres": {"tester": "peut-être", "fichier_contacts": ["x"], "extra": null}}}
        """#)
        #expect(request.login.file == "F")
        #expect(request.parameters.lines == ["x"])
    }

    @Test func duplicateKeyFirstOccurrenceIsUsed() throws {
        let request = try decode(body(societe: #""fichier": "PREMIER", "fichier": 3, "utilisateur": "DEMO""#))
        #expect(request.login.file == "PREMIER")
    }

    @Test func fichierContactsLinesAreKeptAsWritten() throws {
        let request = try decode(body(parametres: #""fichier_contacts": ["", " a ; b ", "é\r\n"]"#))
        #expect(request.parameters.lines == ["", " a ; b ", "é\r\n"])
    }

    // MARK: Through the entry point

    private func answer(_ body: [UInt8], fixture: Fixture = .demo) async throws -> (Int, String) {
        let emulator = Emulator(registry: try CompanyRegistry(fixture: fixture), clock: TestSupport.clock(), sessionIDs: .seeded())
        let response = await emulator.handle(.post(body))
        return (response.status, TestSupport.text(response.body))
    }

    @Test(arguments: ["", "  \r\n\t "])
    func emptyBodyIsAMissingImporterContacts(_ body: String) async throws {
        let (status, text) = try await answer(Array(body.utf8))
        #expect(status == 200)
        #expect(text == #"{"result":[{"resultat":"\u00E9chec","message":"Le param\u00E8tre importer_contacts est obligatoire"}]}"#)
    }

    @Test func requestErrorIsHTTP200WithoutJournal() async throws {
        let (status, text) = try await answer(Array(#"{"importer_contacts": {"societe": {"fichier": "DEMO.Gestimum", "utilisateur": "DEMO"}, "parametres": {"journal": "Oui", "separateur_champs": ";;", "fichier_contacts": []}}}"#.utf8))
        #expect(status == 200)
        #expect(text == #"{"result":[{"resultat":"\u00E9chec","message":"Le s\u00E9parateur de champs doit \u00EAtre un seul caract\u00E8re"}]}"#)
    }

    @Test func requestErrorLeavesCompanyUntouched() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let emulator = Emulator(registry: registry, clock: TestSupport.clock(), sessionIDs: .seeded())
        _ = await emulator.handle(.post(TestSupport.body(lines: ["CCT_CODE;CCT_NOM", "A;B"], parametres: #""journal": "peut-être", "entete": "Oui""#)))
        #expect(try await TestSupport.contacts(registry).isEmpty)
    }

    /// D10: the version gate runs after JSON parsing, before the parameters.
    @Test func erpVersionBelow9IsARequestErrorBeforeTheParameters() async throws {
        let old = try TestSupport.company(erpVersion: "8.5.0.0 (01/01/2018 00:00:00)")
        let (status, text) = try await answer(Array("{}".utf8), fixture: old)
        #expect(status == 200)
        #expect(text == #"{"result":[{"resultat":"\u00E9chec","message":"La cr\u00E9ation de contacts n\u00E9cessite Gestimum ERP version 9 ou sup\u00E9rieure"}]}"#)
        let (invalidStatus, invalidText) = try await answer(Array("{".utf8), fixture: old)
        #expect(invalidStatus == 500)
        #expect(invalidText == #"{"error":"Message content is not a valid JSON value."}"#)
    }

    @Test func erpVersion10IsAllowed() async throws {
        let recent = try TestSupport.company(erpVersion: "10.0.1.0 (01/01/2024 00:00:00)")
        let (_, text) = try await answer(Array("{}".utf8), fixture: recent)
        #expect(text.contains("importer_contacts est obligatoire"))
    }
}
