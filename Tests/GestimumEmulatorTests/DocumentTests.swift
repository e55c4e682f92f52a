import Foundation
import Testing
@testable import GestimumEmulator

/// The pieces of the document imports (behaviour §11): numbers, quantities,
/// dates, the fixture's counters and stock, and a company on disk that
/// keeps them from one opening to the next.
struct DocumentTests {
    @Test(arguments: [("ARC17-00051", "ARC17-00052"), ("ARC17-00099", "ARC17-00100"), ("ENT19-99999", "ENT19-100000"),
                      ("PIECE9", "PIECE10"), ("SANSCHIFFRE", "SANSCHIFFRE1")])
    func aCounterAddsOneToItsLastDigits(_ number: String, _ next: String) {
        #expect(DocumentWriter.increment(number) == next)
    }

    @Test func quantitiesReadWithAPointOrACommaAndPrintWithAComma() {
        #expect(DocumentNumbers.decimal("2,5") == Decimal(string: "2.5"))
        #expect(DocumentNumbers.decimal("-3") == -3)
        #expect(DocumentNumbers.decimal("") == nil)
        #expect(DocumentNumbers.decimal("1e3") == nil)
        #expect(DocumentNumbers.decimal("1-2") == nil)
        #expect(DocumentNumbers.decimal("1.2.3") == nil)
        #expect(DocumentNumbers.decimal("-") == nil)
        #expect(DocumentNumbers.decimal("+4") == 4)
        #expect(DocumentNumbers.text(Decimal(string: "12.5")!) == "12,5")
        #expect(DocumentNumbers.text(10) == "10")
        #expect(DocumentNumbers.text(0) == "0")
    }

    @Test func discountsCascade() {
        #expect(DocumentNumbers.discountFactor("") == 1)
        #expect(DocumentNumbers.discountFactor("10") == Decimal(string: "0.9"))
        #expect(DocumentNumbers.discountFactor("10+10") == Decimal(string: "0.81"))
        #expect(DocumentNumbers.discountFactor("dix") == nil)
    }

    @Test func deliveryDaysMustBeInTheCalendar() {
        #expect(DocumentNumbers.day("29/02/2020") == 20200229)
        #expect(DocumentNumbers.day("29/02/2019") == nil)
        #expect(DocumentNumbers.day("15/19/2019") == nil)
        #expect(DocumentNumbers.day("1/2/2019") == nil)
    }

    @Test func theStructureFilesMakeTheThreeDocumentImports() throws {
        let catalog = ImportCatalog.standard
        let rules = try #require(catalog.kind(domain: "DocumentsVente")?.particulars.documents)
        #expect(rules.family == .sales)
        #expect(rules.prefixes["C"] == "ARC")
        #expect(rules.groupBy == ["DOC_STYPE", "DOC_DATE", "DOC_PIECE", "DEP_CODE", "REP_CODE", "PRJ_CODE", "DOC_REFPCF", "PCF_CODE"])
        #expect(catalog.kind(domain: "DocumentsAchat")?.particulars.documents?.prefixes["C"] == "BCF")
        let stock = try #require(catalog.kind(domain: "DocumentsStock")?.particulars.documents)
        #expect(stock.groupBy == ["DOC_STYPE", "DEP_CODE", "PCF_CODE", "DOC_TDEPOT"])
        #expect(catalog.kind(domain: "DocumentsAchat")?.particulars.documents?.thirdParties == ["Fournisseurs"])
        #expect(stock.prefixes["E"] == "ENT")
        // A document's first field is its sub-type, not a code: the generic message names it.
        #expect(catalog.kind(domain: "DocumentsVente")?.fields.first?.missing == nil)
    }

    @Test func aFixtureNamesEachStockOnceWithANumber() {
        let problems = { (extra: String) -> String in
            do { _ = try TestSupport.company(extra: extra); return "" } catch { return "\(error)" }
        }
        #expect(problems(#", "stocks": [{"article": "A1", "depot": "001", "quantite": "dix"}]"#)
            .contains(#"societes[0].stocks[0].quantite: "dix" is not a number"#))
        #expect(problems(#", "stocks": [{"article": "A1", "depot": "001", "quantite": "1"}, {"article": "A1", "depot": "001", "quantite": "2"}]"#)
            .contains("(one quantity per article and depot)"))
        #expect(problems(#", "stocks": [{"article": "A1", "quantite": "1"}]"#).contains("societes[0].stocks[0].depot: missing"))
        #expect(problems(#", "compteurs": ["ARC"]"#).contains("societes[0].compteurs: must be an object"))
        #expect(problems(#", "documents_vente": []"#).contains("societes[0].documents_vente: unknown key"))
        #expect(problems(#", "champs_personnalises": [{"nom": "XXX_A", "type": "entier", "import": "DocumentsVente"}]"#)
            .contains(#""DocumentsVente" is not an import with custom fields"#))
    }

    @Test func countersAndStockLastInADataFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("documents-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try TestSupport.company(extra: #"""
            , "depots": ["001"], "compteurs": {"ENT": "ENT20-00009"}, "stocks": [{"article": "A1", "depot": "001", "quantite": "1.5"}],
            "articles": [{"ART_CODE": "A1", "ART_LIB": "Article 1"}]
            """#)
        let kind = try #require(ImportCatalog.standard.kind(domain: "DocumentsStock"))
        func entry(_ registry: CompanyRegistry) async throws -> [String] {
            let clock = TestSupport.clock()
            let outcome = try await ImportTask(kind: kind, registry: registry, clock: clock, logger: Emulator(registry: registry, clock: clock).logger)
                .run(TestSupport.request(["DOC_STYPE;ART_CODE;MVT_QTE", "E;A1;2"]))
            return TestSupport.messages(TestSupport.journal(outcome))
        }
        do {
            let registry = try CompanyRegistry(fixture: fixture, dataFolder: folder)
            #expect(try await entry(registry).contains("La pièce ENT20-00009 a été créée"))
        }
        let reopened = try CompanyRegistry.open(dataFolder: folder, fallback: fixture)
        #expect(try await entry(reopened).contains("La pièce ENT20-00010 a été créée"))
        let state = try await StateDocument.build(reopened)
        let company = try #require(state["societes"]?.arrayValue?.first)
        #expect(company["stocks"] == .array([.object([("ART_CODE", "A1"), ("DEP_CODE", "001"), ("QUANTITE", "5,5")])]))
        #expect(company["compteurs"] == .object([("ENT", "ENT20-00011")]))
        #expect(company["documents_stock"]?.arrayValue?.count == 2)
    }
}
