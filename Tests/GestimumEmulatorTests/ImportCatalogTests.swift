import Testing
@testable import GestimumEmulator

/// The 34 structure files, read back: counts and keys as transcribed from
/// the help (docs/imports.md names each page), and the engine's own data
/// consistent with them.
@Suite struct ImportCatalogTests {
    let catalog = ImportCatalog.standard

    /// Field counts of each structure page (without the `XXX_…` row), as transcribed and checked against the pages.
    static let fieldCounts: [String: Int] = [
        "Actions": 22, "AdressesTiers": 22, "Affaires": 11, "Articles": 101, "BanquesTiers": 18, "Clients": 85,
        "Commerciaux": 21, "ComposantsNomenclatures": 11, "Comptes": 19, "ComptesReporting": 3, "Contacts": 14,
        "Devises": 12, "DocumentsAchat": 56, "DocumentsStock": 21, "DocumentsVente": 56, "Ecritures": 17,
        "EquivalencesArticles": 3, "FamillesArticles": 34, "Fournisseurs": 85, "Glossaires": 3, "GrillesTarifs": 12,
        "Immobilisations": 55, "ModesReglements": 17, "NaturesComptables": 32, "Pays": 45, "Prospects": 85,
        "ReferencesClientsArticles": 6, "Salaries": 25, "SectionsAnalytiques": 5, "SousFamillesArticles": 35,
        "TarifsArticles": 10, "TarifsFournisseursArticles": 16, "Utilisateurs": 5, "Villes": 10,
    ]

    @Test func thirtyFourImportsEachWithItsFieldCount() {
        #expect(catalog.kinds.count == 34)
        #expect(Dictionary(uniqueKeysWithValues: catalog.kinds.map { ($0.domain, $0.fields.count) }) == Self.fieldCounts)
        #expect(catalog.kinds.filter { !$0.particulars.emulated }.isEmpty, "every import runs on the engine")
    }

    @Test func routesKeysAndTasksFollowTheDomain() {
        for kind in catalog.kinds {
            #expect(kind.route == "/api/rest/\(kind.domain)/%22Importer%22")
            #expect(kind.root.hasPrefix("importer_") && kind.array == "fichier_" + kind.root.dropFirst("importer_".count), "\(kind.domain)")
            #expect(kind.task == "Importer" + kind.domain, "\(kind.domain)")
            #expect(kind.erpMin == (["Contacts", "Immobilisations"].contains(kind.domain) ? 9 : 8), "\(kind.domain)")
        }
        #expect(catalog.kind(domain: "SousFamillesArticles")?.root == "importer_sousfamilles_articles")
        #expect(catalog.kind(domain: "sousfamilles") == nil)
        #expect(catalog.kind(domain: "CLIENTS")?.domain == "Clients")
    }

    @Test func namesAreUniqueAndEveryTypeIsKnown() {
        for kind in catalog.kinds where kind.domain != "Ecritures" {
            #expect(Set(kind.fields.map { $0.name.uppercased() }).count == kind.fields.count, "\(kind.domain)")
            for field in kind.fields where field.type == .other {
                // Actions' ACT_DESC is printed with no type.
                #expect(kind.domain == "Actions" && field.name == "ACT_DESC", "\(kind.domain).\(field.name): \(field.typeText)")
            }
        }
    }

    @Test func everyReferenceNamesAKnownTargetAndEveryKeyAField() {
        let lists: Set<String> = ["Tiers", "Criteres1", "Criteres2", "Fonctions", "Depots"]
        for kind in catalog.kinds {
            for field in kind.fields {
                guard let reference = field.reference else { continue }
                #expect(lists.contains(reference) || catalog.kind(domain: reference) != nil, "\(kind.domain).\(field.name) → \(reference)")
            }
            for key in kind.engineKey where kind.particulars.numbering == nil {
                #expect(kind.field(named: key) != nil, "\(kind.domain) key \(key)")
            }
        }
        // The help's keys are kept as printed where the engine uses another (D72).
        #expect(catalog.kind(domain: "ComposantsNomenclatures")?.updateKey == ["ART_CODE", "PRD_CODE", "PRJ_LIGNE"])
        #expect(catalog.kind(domain: "ComposantsNomenclatures")?.engineKey == ["ART_CODE", "PRD_CODE"])
        #expect(catalog.kind(domain: "Villes")?.updateKey == [])
        #expect(catalog.kind(domain: "Clients")?.engineKey == ["PCF_CODE"])
    }

    @Test func stateKeysAreDistinctAndClashWithNoFixtureKey() {
        let keys = catalog.kinds.map(\.stateKey)
        #expect(Set(keys).count == keys.count)
        let fixtureKeys: Set<String> = ["fichier", "utilisateurs", "connectes", "tiers", "criteres", "fonctions", "champs_personnalises", "depots"]
        #expect(fixtureKeys.isDisjoint(with: keys))
        #expect(catalog.kind(domain: "Utilisateurs")?.stateKey == "utilisateurs_erp")
    }

    /// R11's shape: keys in order, `type` as printed, lengths as integers or null.
    @Test func theJSONHasR11sShape() {
        let json = StructureDocument.json(catalog.kind(domain: "Clients")!)
        #expect(json.objectValue?.map(\.key) == ["domain", "route", "root", "array", "task", "erp_min", "parameters", "update_key",
                                                 "custom_fields", "fixed_order", "source", "fields"])
        let first = json["fields"]?.arrayValue?.first
        #expect(first.map(JSONPrettyWriter.compact)
            == #"{"name":"PCF_CODE","type":"Texte","max_length":20,"required":true,"values":null,"order":null,"reference":null}"#)
        #expect(json["parameters"] == ["tester"])
        #expect(StructureDocument.json(catalog.kind(domain: "Ecritures")!)["formats"]?.objectValue?.map(\.key)
            == ["GestimumComptaVariable", "GestimumComptaFixe", "GestimumComptaV15", "GestimumGescomV15", "EBPV5V2000", "EBPV3"])
    }
}
