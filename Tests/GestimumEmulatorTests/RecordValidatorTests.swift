import Testing
@testable import GestimumEmulator

@Suite struct RecordValidatorTests {
    private static let reference = ContactReference(
        thirdParties: ["CLIENT1", "PROSPECT1"],
        criteria: [["VIP"], ["WEB"]],
        functions: ["DG"],
        customFields: [
            CustomField(name: "XXX_SECTEUR", kind: .text, size: 20),
            CustomField(name: "XXX_NB", kind: .integer),
            CustomField(name: "XXX_MONTANT", kind: .decimal),
            CustomField(name: "XXX_DATE", kind: .date),
            CustomField(name: "XXX_ACTIF", kind: .checkbox),
            CustomField(name: "XXX_TAILLE", kind: .list, values: ["S", "M", "L"]),
        ])

    /// The reason for one line under `names`; `existing` are the contact numbers that exist.
    private func reason(_ names: String, _ line: String, existing: Set<String> = ["0000000001"]) -> String? {
        let fields = FieldList(names: names.split(separator: ";", omittingEmptySubsequences: false).map(String.init),
                               customFields: Self.reference.customFields)
        let values = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let record = ImportRecord(values: values, fields: fields, fieldCount: ContactField.allCases.count,
                                  customFieldCount: Self.reference.customFields.count)
        return RecordValidator(kind: ContactField.kind, fields: fields, customFields: Self.reference.customFields)
            .reason(for: record, reference: Self.reference, contactExists: { existing.contains($0) })
    }

    private func tooLong(_ field: String, _ max: Int) -> String {
        "La valeur du champ \(field) dépasse la longueur maximale (\(max) caractères)"
    }

    @Test func validCreation() {
        #expect(reason("CCT_CODE;CCT_NOM;CCT_ORIGIN;CCT_QUAL1;CCT_QUAL2;CCT_FONCT", "C1;Nom;CLIENT1;VIP;WEB;DG") == nil)
        #expect(reason("CCT_CODE;CCT_NOM;CCT_ORIGIN;CCT_QUAL1;CCT_QUAL2;CCT_FONCT", "C1;Nom;;;;") == nil)
    }

    // MARK: Code and name

    @Test func missingCodeOnCreation() {
        #expect(reason("CCT_CODE;CCT_NOM", ";Nom") == "Code manquant")
        #expect(reason("CCT_NOM", "Nom") == "Code manquant")
        #expect(reason("CCT_NUMERO;CCT_CODE;CCT_NOM", ";;Nom") == "Code manquant")
    }

    @Test func missingNameOnCreation() {
        #expect(reason("CCT_CODE;CCT_NOM", "C1;") == "Nom manquant")
        #expect(reason("CCT_CODE", "C1") == "Nom manquant")
        #expect(reason("CCT_CODE;CCT_NOM", "C1") == "Nom manquant")
    }

    @Test func codeIsCheckedBeforeName() {
        #expect(reason("CCT_NOM;CCT_CODE", ";") == "Code manquant")
    }

    @Test func spacesAreAValue() {
        #expect(reason("CCT_CODE;CCT_NOM", " ; ") == nil)
    }

    // MARK: Lengths

    /// Spec §5's maximums: a value of exactly that length passes, one more fails.
    @Test(arguments: [
        ("CCT_CODE", 15), ("CCT_NOM", 30), ("CCT_ORIGIN", 20), ("CCT_CIVILE", 25), ("CCT_PRENOM", 20), ("CCT_TELB", 20),
        ("CCT_TELD", 20), ("CCT_TELM", 20), ("CCT_FAX", 20), ("CCT_EMAIL", 60), ("CCT_URL", 128), ("CCT_QUAL1", 15),
        ("CCT_QUAL2", 15), ("CCT_FONCT", 15),
    ])
    func eachStandardFieldHasItsMaximum(_ field: String, _ max: Int) {
        let a = { (n: Int) in String(repeating: "A", count: n) }
        let names: String, atMax: String, over: String
        switch field {
        case "CCT_CODE": (names, atMax, over) = ("CCT_CODE;CCT_NOM", a(max) + ";N", a(max + 1) + ";N")
        case "CCT_NOM": (names, atMax, over) = ("CCT_CODE;CCT_NOM", "C;" + a(max), "C;" + a(max + 1))
        default: (names, atMax, over) = ("CCT_CODE;CCT_NOM;" + field, "C;N;" + a(max), "C;N;" + a(max + 1))
        }
        // At the maximum, any reason left is a reference check, not the length.
        #expect(reason(names, atMax)?.contains("dépasse") != true)
        #expect(reason(names, over) == tooLong(field, max))
    }

    /// D35: lengths count UTF-16 code units, as Delphi's Length does, not bytes.
    @Test func lengthsCountCharacters() {
        #expect(reason("CCT_CODE;CCT_NOM", String(repeating: "é", count: 15) + ";N") == nil)
        #expect(reason("CCT_CODE;CCT_NOM", String(repeating: "😀", count: 7) + "x;N") == nil)
        #expect(reason("CCT_CODE;CCT_NOM", String(repeating: "😀", count: 8) + ";N") == tooLong("CCT_CODE", 15))
        #expect(reason("CCT_CODE;CCT_NOM", "e" + String(repeating: "e\u{0301}", count: 7) + ";N") == nil)
        #expect(reason("CCT_CODE;CCT_NOM", String(repeating: "e\u{0301}", count: 8) + ";N") == tooLong("CCT_CODE", 15))
        #expect(reason("CCT_CODE;CCT_NOM", String(repeating: "é", count: 16) + ";N") == tooLong("CCT_CODE", 15))
    }

    @Test func missingCodeComesBeforeLength() {
        #expect(reason("CCT_CODE;CCT_NOM", ";" + String(repeating: "N", count: 31)) == "Code manquant")
    }

    /// D25: the first too-long field in field-list order.
    @Test func firstTooLongFieldInFieldListOrder() {
        let long = String(repeating: "x", count: 61)
        #expect(reason("CCT_CODE;CCT_NOM;CCT_EMAIL;CCT_PRENOM", "C;N;\(long);\(long)") == tooLong("CCT_EMAIL", 60))
        #expect(reason("CCT_CODE;CCT_NOM;CCT_PRENOM;CCT_EMAIL", "C;N;\(long);\(long)") == tooLong("CCT_PRENOM", 20))
        #expect(reason("CCT_NOM;CCT_CODE", "\(long);\(long)") == tooLong("CCT_NOM", 30))
    }

    @Test func customTextFieldHasItsSize() {
        #expect(reason("CCT_CODE;CCT_NOM;XXX_SECTEUR", "C;N;" + String(repeating: "s", count: 20)) == nil)
        #expect(reason("CCT_CODE;CCT_NOM;XXX_SECTEUR", "C;N;" + String(repeating: "s", count: 21)) == tooLong("XXX_SECTEUR", 20))
    }

    /// D29: only texte custom fields have a length.
    @Test func otherCustomTypesHaveNoLength() {
        #expect(reason("CCT_CODE;CCT_NOM;XXX_NB", "C;N;" + String(repeating: "9", count: 300)) == nil)
    }

    /// D26: CCT_NUMERO longer than 10 fails on length, not existence.
    @Test func numberLengthComesBeforeExistence() {
        #expect(reason("CCT_NUMERO;CCT_NOM", "00000000001;Nom") == tooLong("CCT_NUMERO", 10))
        #expect(reason("CCT_NUMERO;CCT_NOM", "0000000002;Nom") == "Le contact 0000000002 n'existe pas")
    }

    @Test func lengthComesBeforeReferenceChecks() {
        #expect(reason("CCT_CODE;CCT_NOM;CCT_ORIGIN;CCT_PRENOM", "C;N;INCONNU;" + String(repeating: "p", count: 21))
            == tooLong("CCT_PRENOM", 20))
        #expect(reason("CCT_CODE;CCT_NOM;CCT_ORIGIN", "C;N;" + String(repeating: "T", count: 21)) == tooLong("CCT_ORIGIN", 20))
    }

    // MARK: Reference checks

    @Test func unknownThirdParty() {
        #expect(reason("CCT_CODE;CCT_NOM;CCT_ORIGIN", "C;N;CLIENT9") == "Le code tiers CLIENT9 n'existe pas")
        #expect(reason("CCT_CODE;CCT_NOM;CCT_ORIGIN", "C;N;PROSPECT1") == nil)
    }

    /// D27: codes match exactly.
    @Test func codesAreCaseSensitive() {
        #expect(reason("CCT_CODE;CCT_NOM;CCT_ORIGIN", "C;N;client1") == "Le code tiers client1 n'existe pas")
        #expect(reason("CCT_CODE;CCT_NOM;CCT_QUAL1", "C;N;vip") == "Le critère 1 vip n'existe pas")
        #expect(reason("CCT_CODE;CCT_NOM;CCT_FONCT", "C;N;dg") == "La fonction dg n'existe pas")
        #expect(reason("CCT_CODE;CCT_NOM;CCT_ORIGIN", "C;N; CLIENT1") == "Le code tiers  CLIENT1 n'existe pas")
    }

    @Test func unknownCriteria() {
        #expect(reason("CCT_CODE;CCT_NOM;CCT_QUAL1", "C;N;PME") == "Le critère 1 PME n'existe pas")
        #expect(reason("CCT_CODE;CCT_NOM;CCT_QUAL2", "C;N;VIP") == "Le critère 2 VIP n'existe pas")
        #expect(reason("CCT_CODE;CCT_NOM;CCT_QUAL1", "C;N;WEB") == "Le critère 1 WEB n'existe pas")
    }

    @Test func unknownFunction() {
        #expect(reason("CCT_CODE;CCT_NOM;CCT_FONCT", "C;N;PDG") == "La fonction PDG n'existe pas")
    }

    @Test func unknownContactNumber() {
        #expect(reason("CCT_NUMERO;CCT_NOM", "0000000009;Nom") == "Le contact 0000000009 n'existe pas")
        // No padding is added.
        #expect(reason("CCT_NUMERO;CCT_NOM", "1;Nom") == "Le contact 1 n'existe pas")
    }

    @Test func checkOrderAcrossTheTable() {
        let names = "CCT_NUMERO;CCT_CODE;CCT_NOM;CCT_FONCT;CCT_QUAL2;CCT_QUAL1;CCT_ORIGIN;XXX_NB"
        #expect(reason(names, "9;C;N;X;X;X;X;x") == "Le code tiers X n'existe pas")
        #expect(reason(names, "9;C;N;X;X;X;;x") == "Le critère 1 X n'existe pas")
        #expect(reason(names, "9;C;N;X;X;;;x") == "Le critère 2 X n'existe pas")
        #expect(reason(names, "9;C;N;X;;;;x") == "La fonction X n'existe pas")
        #expect(reason(names, "9;C;N;;;;;x") == "Le contact 9 n'existe pas")
        #expect(reason(names, "0000000001;C;N;;;;;x") == "La valeur 'x' du champ XXX_NB est incorrecte (entier attendu)")
        #expect(reason(names, "0000000001;C;N;;;;;1") == nil)
    }

    // MARK: Updates

    @Test func updateNeedsNeitherCodeNorName() {
        #expect(reason("CCT_NUMERO;CCT_PRENOM", "0000000001;Jean") == nil)
        #expect(reason("CCT_NUMERO", "0000000001") == nil)
    }

    @Test func updateCannotClearCodeOrName() {
        #expect(reason("CCT_NUMERO;CCT_CODE", "0000000001;") == "Code manquant")
        #expect(reason("CCT_NUMERO;CCT_NOM", "0000000001;") == "Nom manquant")
        #expect(reason("CCT_NUMERO;CCT_NOM;CCT_CODE", "0000000001;;") == "Code manquant")
        #expect(reason("CCT_NUMERO;CCT_CODE;CCT_NOM", "0000000001") == "Code manquant")
    }

    @Test func updateMayClearOtherFields() {
        #expect(reason("CCT_NUMERO;CCT_ORIGIN;CCT_QUAL1;XXX_DATE", "0000000001;;;") == nil)
    }

    // MARK: Custom types (D28)

    private func custom(_ field: String, _ value: String) -> String? {
        reason("CCT_CODE;CCT_NOM;\(field)", "C;N;\(value)")
    }

    @Test(arguments: [
        ("XXX_NB", "12"), ("XXX_NB", "+12"), ("XXX_NB", "-0"), ("XXX_NB", "007"), ("XXX_NB", ""),
        ("XXX_MONTANT", "1"), ("XXX_MONTANT", "1,5"), ("XXX_MONTANT", "-1.25"), ("XXX_MONTANT", "+0,0"), ("XXX_MONTANT", ""),
        ("XXX_DATE", "29/02/2000"), ("XXX_DATE", "29/02/2024"), ("XXX_DATE", "31/12/1999"), ("XXX_DATE", "30/04/2020"),
        ("XXX_DATE", "31/01/2021"), ("XXX_DATE", ""),
        ("XXX_ACTIF", "Oui"), ("XXX_ACTIF", "Non"), ("XXX_ACTIF", "oui"), ("XXX_ACTIF", "NON"), ("XXX_ACTIF", "0"),
        ("XXX_ACTIF", "1"), ("XXX_ACTIF", ""),
        ("XXX_TAILLE", "S"), ("XXX_TAILLE", "L"), ("XXX_TAILLE", ""),
        ("XXX_SECTEUR", "n'importe quoi"),
    ])
    func customValueAccepted(_ field: String, _ value: String) {
        #expect(custom(field, value) == nil)
    }

    @Test(arguments: [
        ("XXX_NB", "1.0", "entier"), ("XXX_NB", "1 2", "entier"), ("XXX_NB", " 12", "entier"), ("XXX_NB", "12a", "entier"),
        ("XXX_NB", "+", "entier"), ("XXX_NB", "--1", "entier"), ("XXX_NB", "١٢", "entier"),
        ("XXX_MONTANT", "1,", "decimal"), ("XXX_MONTANT", ",5", "decimal"), ("XXX_MONTANT", "1.2.3", "decimal"),
        ("XXX_MONTANT", "1,2,3", "decimal"), ("XXX_MONTANT", "1e3", "decimal"), ("XXX_MONTANT", ".", "decimal"),
        ("XXX_MONTANT", "1,-5", "decimal"),
        ("XXX_DATE", "29/02/1900", "date"), ("XXX_DATE", "29/02/2023", "date"), ("XXX_DATE", "31/04/2020", "date"),
        ("XXX_DATE", "00/01/2020", "date"), ("XXX_DATE", "32/01/2020", "date"), ("XXX_DATE", "01/13/2020", "date"),
        ("XXX_DATE", "01/00/2020", "date"), ("XXX_DATE", "1/01/2020", "date"), ("XXX_DATE", "2020-01-01", "date"),
        ("XXX_DATE", "01/01/20", "date"), ("XXX_DATE", " 01/01/2020", "date"), ("XXX_DATE", "01/01/2020 00:00", "date"),
        ("XXX_ACTIF", "2", "case"), ("XXX_ACTIF", "Vrai", "case"), ("XXX_ACTIF", "true", "case"), ("XXX_ACTIF", "O", "case"),
        ("XXX_ACTIF", "Oui ", "case"),
        ("XXX_TAILLE", "s", "liste"), ("XXX_TAILLE", "XL", "liste"), ("XXX_TAILLE", " S", "liste"),
    ])
    func customValueRejected(_ field: String, _ value: String, _ type: String) {
        #expect(custom(field, value) == "La valeur '\(value)' du champ \(field) est incorrecte (\(type) attendu)")
    }

    /// D25: the first ill-typed custom field in field-list order.
    @Test func firstIllTypedCustomFieldInFieldListOrder() {
        #expect(reason("CCT_CODE;CCT_NOM;XXX_DATE;XXX_NB", "C;N;hier;x") == "La valeur 'hier' du champ XXX_DATE est incorrecte (date attendu)")
        #expect(reason("CCT_CODE;CCT_NOM;XXX_NB;XXX_DATE", "C;N;x;hier") == "La valeur 'x' du champ XXX_NB est incorrecte (entier attendu)")
    }

    @Test func customFieldNamedInAnyCaseIsChecked() {
        #expect(reason("CCT_CODE;CCT_NOM;xxx_nb", "C;N;x") == "La valeur 'x' du champ XXX_NB est incorrecte (entier attendu)")
    }

    @Test func ignoredAndBlankColumnsAreNotChecked() {
        #expect(reason("CCT_CODE;CCT_NOM;INCONNU;", "C;N;" + String(repeating: "x", count: 500) + ";y") == nil)
    }

    // MARK: Mapping values

    @Test func recordMapsValuesOntoColumns() {
        let fields = FieldList(names: ["CCT_NOM", "INCONNU", "CCT_NUMERO", "XXX_NB", "", "CCT_CODE"],
                               customFields: Self.reference.customFields)
        let record = ImportRecord(values: ["N", "i", "0000000001", "7", "b"], fields: fields, fieldCount: 14, customFieldCount: 6)
        #expect(record.number == "0000000001")
        #expect(record[field: ContactField.name.index] == "N")
        #expect(record[field: ContactField.code.index] == "")
        #expect(record[field: ContactField.email.index] == nil)
        #expect((0..<6).map { record[custom: $0] } == [nil, "7", nil, nil, nil, nil])
    }

    @Test func emptyNumberIsACreation() {
        let fields = FieldList(names: ["CCT_NUMERO", "CCT_CODE"], customFields: [])
        #expect(ImportRecord(values: ["", "C"], fields: fields, fieldCount: 14, customFieldCount: 0).number == nil)
    }
}
