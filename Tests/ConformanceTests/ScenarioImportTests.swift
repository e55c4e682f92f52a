import Conformance
import Foundation
import GestimumEmulator
import Testing

/// A scenario's import, derived from its steps' paths as DataSnap routes
/// them, on the project's own scenarios.
@Suite("Scenario imports")
struct ScenarioImportTests {
    static func importOf(_ id: String) throws -> String? { try SuiteLocation.loader.load(id: id).importDomain }

    @Test func noPathMeansTheDefaultContactImport() throws {
        #expect(try Self.importOf("documented/seed-example") == "Contacts")
        #expect(try Self.importOf("versions/import-needs-erp-9") == "Contacts")
    }

    @Test func anExplicitPathNamesItsImportAsTheCatalogueSpellsIt() throws {
        #expect(try Self.importOf("clients/update-by-key") == "Clients")
        #expect(try Self.importOf("documented/tarifsfournisseursarticles-example") == "TarifsFournisseursArticles")
        #expect(try Self.importOf("protocol/class-name-uppercase") == "Contacts", "CONTACTS routes to the contact import")
    }

    @Test func anUnquotedMethodCallsTheImportOnlyWhenTheVerbAddsNoPrefix() throws {
        #expect(try Self.importOf("protocol/unquoted-get-imports") == "Contacts")
        #expect(try Self.importOf("protocol/unquoted-patch-no-prefix") == "Contacts")
        #expect(try Self.importOf("protocol/unquoted-post") == nil, "POST makes it updateImporter")
        #expect(try Self.importOf("protocol/unquoted-delete") == nil, "DELETE makes it cancelImporter")
    }

    @Test func versionScenariosAndUnknownCallsHaveNoImport() throws {
        for id in ["versions/web-service-version", "versions/erp-version-demo", "versions/erp-version-url-discrepancy",
                   "versions/version-any-verb", "versions/version-lowercase-method",
                   "protocol/unknown-class", "protocol/unknown-method", "protocol/path-outside-api-rest"] {
            #expect(try Self.importOf(id) == nil, "\(id)")
        }
    }

    @Test func theFirstStepThatCallsAnImportNamesIt() throws {
        var scenario = try SuiteLocation.loader.load(id: "versions/erp-version-url-discrepancy")
        #expect(scenario.importDomain == nil)
        scenario.steps[1].method = "GET"
        scenario.steps[1].path = "/api/rest/articles/Importer"
        #expect(scenario.importDomain == "Articles", "a later step counts when the first calls none")
        scenario.steps[0].path = "/api/rest/Pays/%22Importer%22?journal=Non"
        #expect(scenario.importDomain == "Pays", "the first import call wins")
    }

    /// The groups named after an import (`clients/`) and the `documented/{domain}-example` scenarios.
    @Test func everyImportGroupAndExampleCallsItsImport() throws {
        var checked = 0
        for scenario in try SuiteLocation.loader.loadAll() {
            let name = scenario.group == "documented"
                ? String(scenario.id.dropFirst("documented/".count)).replacingOccurrences(of: "-example", with: "")
                : scenario.group
            guard let kind = ImportCatalog.standard.kind(domain: name) else { continue }
            #expect(scenario.importDomain == kind.domain, "\(scenario.id)")
            checked += 1
        }
        #expect(checked > 100)
    }
}
