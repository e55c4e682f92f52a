import Foundation

/// Companies to install in the emulator, in the fixture shape of
/// `docs/scenario-format.md`, read straight from a ``JSONValue`` (``init(json:at:)``) and checked
/// as a whole: every problem is listed with its JSON path before anything is built.
public struct Fixture: Sendable, Equatable {
    public struct User: Sendable, Equatable {
        public var code: String
        public var mot_passe: String?
    }

    /// A session already open on the company.
    public struct Session: Sendable, Equatable {
        public var utilisateur: String
        public var exclusif: Bool?
    }

    public struct ThirdParty: Sendable, Equatable {
        public var code: String
        public var type: String?
    }

    public struct CustomFieldDefinition: Sendable, Equatable {
        public var nom: String
        public var type: CustomField.Kind
        public var taille: Int?
        public var valeurs: [String]?
        /// The import whose records have the field (default `Contacts`).
        public var importation: String?
    }

    /// One company to install: its path, users, sessions, reference data and contacts.
    public struct CompanySetup: Sendable, Equatable {
        public var fichier: String
        public var utilisateurs: [User]
        public var connectes: [Session]?
        public var tiers: [ThirdParty]?
        public var criteres: [String: [String]]?
        public var fonctions: [String]?
        public var champs_personnalises: [CustomFieldDefinition]?
        public var contacts: [[String: String]]?
        /// Depot codes (documents and third parties name them).
        public var depots: [String]?
        /// Records of the other imports, by state key (`clients`, `pays`), in fixture order.
        public var records: [(key: String, rows: [[String: String]])] = []
        /// The next document number of each prefix (`"ARC": "ARC17-00051"`, D79).
        public var compteurs: [String: String]?
        /// Stock quantities by article and depot (documents move them).
        public var stocks: [Stock]?
        /// Accounting journal codes (`VTE`, `ACH`): the entries import creates the ones it meets (D81).
        public var journaux: [String]?
        /// The accounting preferences the entries import obeys.
        public var preferences_comptables: EntryPreferences?

        public static func == (a: CompanySetup, b: CompanySetup) -> Bool {
            a.fichier == b.fichier && a.utilisateurs == b.utilisateurs && a.connectes == b.connectes && a.tiers == b.tiers
                && a.criteres == b.criteres && a.fonctions == b.fonctions && a.champs_personnalises == b.champs_personnalises
                && a.contacts == b.contacts && a.depots == b.depots && a.compteurs == b.compteurs && a.stocks == b.stocks
                && a.journaux == b.journaux && a.preferences_comptables == b.preferences_comptables
                && a.records.map(\.key) == b.records.map(\.key) && a.records.map(\.rows) == b.records.map(\.rows)
        }
    }

    /// A quantity of an article in a depot.
    public struct Stock: Sendable, Equatable {
        public var article: String
        public var depot: String
        public var quantite: String
    }

    public var erp_version: String?
    /// The server's work folder, as a Windows path (the accounting-entries report names it).
    public var dossier_travail: String?
    public var societes: [CompanySetup]

    public init(erp_version: String? = nil, societes: [CompanySetup]) {
        self.erp_version = erp_version
        self.societes = societes
    }

    /// The ERP version the server reports (spec §1).
    public var erpVersion: String { erp_version ?? Messages.defaultERPVersion }

    /// Reads and checks a fixture. `path` names where it sits (`fixture` in
    /// a reset document; empty for a fixture file); every problem is listed.
    public init(json: JSONValue, at path: String = "") throws(FixtureError) {
        let reader = JSONReader()
        var fixture = Fixture(societes: [])
        var sawCompanies = false
        for (key, value) in reader.object(json, at: path, keys: ["erp_version", "dossier_travail", "societes"]) ?? [] {
            let here = JSONReader.path(path, key)
            switch key {
            case "erp_version":
                fixture.erp_version = reader.string(value, at: here)
            case "dossier_travail":
                fixture.dossier_travail = reader.string(value, at: here)
                if fixture.dossier_travail?.isEmpty == true { reader.fail(here, "must name a folder") }
            case "societes":
                sawCompanies = true
                for (i, element) in (reader.array(value, at: here) ?? []).enumerated() {
                    if let company = Self.readCompany(element, at: JSONReader.path(here, i), reader) {
                        fixture.societes.append(company)
                    }
                }
            default: break
            }
        }
        if case .object = json, !sawCompanies {
            reader.fail(JSONReader.path(path, "societes"), "missing (a fixture lists its companies)")
        }
        if reader.problems.isEmpty { fixture.check(at: path, reader) }
        guard reader.problems.isEmpty else { throw FixtureError(problems: reader.problems) }
        self = fixture
    }

    /// Parses and checks a fixture file's bytes.
    public static func decode(_ data: Data) throws(FixtureError) -> Fixture {
        let json: JSONValue
        do { json = try JSONParser.parse(Array(data)) } catch {
            throw FixtureError(problems: ["not valid JSON (byte \(error.offset))"])
        }
        return try Fixture(json: json)
    }

    /// The embedded DEMO company of the documented example, read once.
    public static let demo: Fixture = {
        guard let url = Bundle.module.url(forResource: "demo", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let fixture = try? decode(data)
        else { preconditionFailure("the embedded demo fixture is part of the build") }
        return fixture
    }()

    // MARK: Reading

    private static func readCompany(_ value: JSONValue, at path: String, _ reader: JSONReader) -> CompanySetup? {
        let keys = ["fichier", "utilisateurs", "connectes", "tiers", "criteres", "fonctions", "champs_personnalises", "contacts", "depots",
                    "compteurs", "stocks", "journaux", "preferences_comptables"]
            + ImportCatalog.standard.kinds.filter { $0.storesRecords && $0.stateKey != "contacts" }
            .map(\.stateKey)
        guard let pairs = reader.object(value, at: path, keys: keys) else { return nil }
        let before = reader.problems.count
        var company = CompanySetup(fichier: "", utilisateurs: [])
        var seen: Set<String> = []
        for (key, value) in pairs {
            seen.insert(key)
            let here = JSONReader.path(path, key)
            func each<T>(_ read: (JSONValue, String) -> T?) -> [T] {
                (reader.array(value, at: here) ?? []).enumerated().compactMap { read($0.element, JSONReader.path(here, $0.offset)) }
            }
            switch key {
            case "fichier": company.fichier = reader.string(value, at: here) ?? ""
            case "utilisateurs":
                company.utilisateurs = each { value, at in
                    guard let pairs = reader.object(value, at: at, keys: ["code", "mot_passe"]) else { return nil }
                    var user = User(code: "", mot_passe: nil)
                    for (key, value) in pairs {
                        if key == "code" { user.code = reader.string(value, at: JSONReader.path(at, key)) ?? "" }
                        if key == "mot_passe" { user.mot_passe = reader.string(value, at: JSONReader.path(at, key)) }
                    }
                    if value["code"] == nil { reader.fail(JSONReader.path(at, "code"), "missing") }
                    return user
                }
            case "connectes":
                company.connectes = each { value, at in
                    guard let pairs = reader.object(value, at: at, keys: ["utilisateur", "exclusif"]) else { return nil }
                    var session = Session(utilisateur: "", exclusif: nil)
                    for (key, value) in pairs {
                        if key == "utilisateur" { session.utilisateur = reader.string(value, at: JSONReader.path(at, key)) ?? "" }
                        if key == "exclusif" { session.exclusif = reader.bool(value, at: JSONReader.path(at, key)) }
                    }
                    if value["utilisateur"] == nil { reader.fail(JSONReader.path(at, "utilisateur"), "missing") }
                    return session
                }
            case "tiers":
                company.tiers = each { value, at in
                    guard let pairs = reader.object(value, at: at, keys: ["code", "type"]) else { return nil }
                    var party = ThirdParty(code: "", type: nil)
                    for (key, value) in pairs {
                        if key == "code" { party.code = reader.string(value, at: JSONReader.path(at, key)) ?? "" }
                        if key == "type" { party.type = reader.string(value, at: JSONReader.path(at, key)) }
                    }
                    if value["code"] == nil { reader.fail(JSONReader.path(at, "code"), "missing") }
                    return party
                }
            case "criteres":
                guard case let .object(numbers) = value else {
                    reader.fail(here, "must be an object, not \(JSONReader.describe(value))")
                    continue
                }
                var criteria: [String: [String]] = [:]
                for (number, codes) in numbers {
                    guard number == "1" || number == "2" else {
                        reader.fail(JSONReader.path(here, number), "unknown criterion (only \"1\" and \"2\" exist)")
                        continue
                    }
                    criteria[number] = reader.strings(codes, at: JSONReader.path(here, number))
                }
                company.criteres = criteria
            case "fonctions":
                company.fonctions = reader.strings(value, at: here)
            case "champs_personnalises":
                company.champs_personnalises = each { value, at in readCustomField(value, at: at, reader) }
            case "depots":
                company.depots = reader.strings(value, at: here)
            case "journaux":
                company.journaux = reader.strings(value, at: here)
            case "preferences_comptables":
                var preferences = EntryPreferences()
                for (key, flag) in reader.object(value, at: here, keys: EntryPreferences.keys) ?? [] {
                    let on = reader.bool(flag, at: JSONReader.path(here, key)) ?? false
                    switch key {
                    case "ecritures_desequilibrees": preferences.unbalancedAllowed = on
                    case "libelle_obligatoire": preferences.labelRequired = on
                    default: preferences.pieceRequired = on
                    }
                }
                company.preferences_comptables = preferences
            case "compteurs":
                guard case let .object(pairs) = value else {
                    reader.fail(here, "must be an object of prefixes and next numbers, not \(JSONReader.describe(value))")
                    continue
                }
                var counters: [String: String] = [:]
                for (prefix, next) in pairs { counters[prefix] = reader.string(next, at: JSONReader.path(here, prefix)) }
                company.compteurs = counters
            case "stocks":
                company.stocks = each { value, at in
                    guard let pairs = reader.object(value, at: at, keys: ["article", "depot", "quantite"]) else { return nil }
                    var stock = Stock(article: "", depot: "", quantite: "")
                    for (key, value) in pairs {
                        let text = reader.string(value, at: JSONReader.path(at, key)) ?? ""
                        switch key {
                        case "article": stock.article = text
                        case "depot": stock.depot = text
                        default:
                            if DocumentNumbers.decimal(text) == nil { reader.fail(JSONReader.path(at, key), "\"\(text)\" is not a number") }
                            stock.quantite = text
                        }
                    }
                    for key in ["article", "depot", "quantite"] where value[key] == nil { reader.fail(JSONReader.path(at, key), "missing") }
                    return stock
                }
            case "contacts":
                company.contacts = each { value, at in
                    guard case let .object(fields) = value else {
                        reader.fail(at, "must be an object, not \(JSONReader.describe(value))")
                        return nil
                    }
                    var contact: [String: String] = [:]
                    for (name, text) in fields {
                        contact[name] = reader.string(text, at: JSONReader.path(at, name))
                    }
                    return contact
                }
            default:
                let rows: [[String: String]] = each { value, at in
                    guard case let .object(fields) = value else {
                        reader.fail(at, "must be an object, not \(JSONReader.describe(value))")
                        return nil
                    }
                    var row: [String: String] = [:]
                    for (name, text) in fields { row[name] = reader.string(text, at: JSONReader.path(at, name)) }
                    return row
                }
                company.records.append((key, rows))
            }
        }
        if !seen.contains("fichier") { reader.fail(JSONReader.path(path, "fichier"), "missing (the company's Windows path)") }
        if !seen.contains("utilisateurs") { reader.fail(JSONReader.path(path, "utilisateurs"), "missing (the company's users)") }
        return reader.problems.count == before ? company : nil
    }

    private static func readCustomField(_ value: JSONValue, at path: String, _ reader: JSONReader) -> CustomFieldDefinition? {
        guard let pairs = reader.object(value, at: path, keys: ["nom", "type", "taille", "valeurs", "import"]) else { return nil }
        var field = CustomFieldDefinition(nom: "", type: .text, taille: nil, valeurs: nil, importation: nil)
        var kind: CustomField.Kind?
        for (key, value) in pairs {
            let here = JSONReader.path(path, key)
            switch key {
            case "nom": field.nom = reader.string(value, at: here) ?? ""
            case "type":
                guard let name = reader.string(value, at: here) else { continue }
                kind = CustomField.Kind(rawValue: name)
                if kind == nil {
                    reader.fail(here, "unknown type \"\(name)\" (expected \(JSONReader.list(CustomField.Kind.allCases.map(\.rawValue))))")
                }
            case "taille": field.taille = reader.integer(value, at: here, in: 1...Int(Int32.max))
            case "valeurs": field.valeurs = reader.strings(value, at: here)
            case "import":
                field.importation = reader.string(value, at: here)
                if let name = field.importation, !(ImportCatalog.standard.kind(domain: name).map { $0.customFields && $0.storesRecords } ?? false) {
                    reader.fail(here, "\"\(name)\" is not an import with custom fields")
                }
            default: break
            }
        }
        if value["nom"] == nil { reader.fail(JSONReader.path(path, "nom"), "missing") }
        if value["type"] == nil { reader.fail(JSONReader.path(path, "type"), "missing") }
        field.type = kind ?? .text
        return kind == nil ? nil : field
    }

    // MARK: Checking

    /// The rules a database would enforce, checked before one is built, so
    /// that a bad fixture is a list of sentences and never a half-built company.
    private func check(at path: String, _ reader: JSONReader) {
        if erp_version != nil, ERPVersion.major(of: erpVersion) == nil {
            reader.fail(JSONReader.path(path, "erp_version"), "\"\(erpVersion)\" does not start with a version number")
        }
        var companies: [String: Int] = [:]
        for (i, company) in societes.enumerated() {
            let place = JSONReader.path(JSONReader.path(path, "societes"), i)
            let file = JSONReader.path(place, "fichier")
            if let first = companies[company.fichier.lowercased()] {
                reader.fail(file, "\"\(company.fichier)\" repeats societes[\(first)] (company paths compare case-insensitively)")
            } else {
                companies[company.fichier.lowercased()] = i
            }
            if !company.fichier.contains("\\") {
                reader.fail(file, "\"\(company.fichier)\" must be a full Windows path (with a \\)")
            }
            func unique(_ list: String, _ codes: [String], _ key: String?, folding: (String) -> String, _ why: String) {
                var seen: [String: Int] = [:]
                for (j, code) in codes.enumerated() {
                    var here = JSONReader.path(JSONReader.path(place, list), j)
                    if let key { here = JSONReader.path(here, key) }
                    if code.isEmpty { reader.fail(here, "must not be empty"); continue }
                    if let first = seen[folding(code)] {
                        let firstCode = codes[first]
                        reader.fail(here, "\"\(code)\" repeats \(firstCode == code ? "" : "\"\(firstCode)\" ")\(why)")
                    } else {
                        seen[folding(code)] = j
                    }
                }
            }
            let exact = { (code: String) in code }
            unique("utilisateurs", company.utilisateurs.map(\.code), "code",
                   folding: { $0.lowercased() }, "(user codes compare case-insensitively)")
            unique("tiers", (company.tiers ?? []).map(\.code), "code", folding: exact, "(third-party codes are unique)")
            for number in ["1", "2"] {
                unique("criteres.\(number)", company.criteres?[number] ?? [], nil, folding: exact, "(criterion codes are unique)")
            }
            unique("fonctions", company.fonctions ?? [], nil, folding: exact, "(function codes are unique)")
            unique("stocks", (company.stocks ?? []).map { "\($0.article) in depot \($0.depot)" }, nil, folding: exact,
                   "(one quantity per article and depot)")
            let definitions = company.champs_personnalises ?? []
            unique("champs_personnalises", definitions.map(\.nom), "nom",
                   folding: { $0.uppercased() }, "(custom field names compare case-insensitively)")
            for (j, field) in definitions.enumerated() {
                let here = JSONReader.path(JSONReader.path(place, "champs_personnalises"), j)
                if !field.nom.uppercased().hasPrefix("XXX_") {
                    reader.fail(JSONReader.path(here, "nom"), "\"\(field.nom)\" must start with XXX_")
                }
                if field.type == .text, field.taille == nil {
                    reader.fail(JSONReader.path(here, "taille"), "missing (a texte field needs its length)")
                }
                if field.type != .text, field.taille != nil {
                    reader.fail(JSONReader.path(here, "taille"), "only texte fields have a length")
                }
                if field.type == .list, (field.valeurs ?? []).isEmpty {
                    reader.fail(JSONReader.path(here, "valeurs"), "missing (a liste field needs its values)")
                }
                if field.type != .list, field.valeurs != nil {
                    reader.fail(JSONReader.path(here, "valeurs"), "only liste fields have values")
                }
            }
            let contactKind = ImportCatalog.standard.contacts
            let numberName = contactKind.particulars.numbering?.field ?? ""
            let customNames = definitions.filter { ($0.importation ?? "Contacts") == "Contacts" }.map { $0.nom.uppercased() }
            let known = Set(contactKind.fields.map { $0.name.uppercased() } + [numberName] + customNames)
            var numbers: [String: Int] = [:]
            for (j, contact) in (company.contacts ?? []).enumerated() {
                let here = JSONReader.path(JSONReader.path(place, "contacts"), j)
                var names: Set<String> = []
                for key in contact.keys.sorted() {
                    if !known.contains(key.uppercased()) {
                        reader.fail(JSONReader.path(here, key), "unknown field (not a CONTACTS field nor one of the company's custom fields)")
                    } else if !names.insert(key.uppercased()).inserted {
                        reader.fail(JSONReader.path(here, key), "given twice (field names compare case-insensitively)")
                    }
                }
                let number = contact.first(where: { $0.key.uppercased() == numberName })?.value ?? ""
                if number.isEmpty {
                    reader.fail(JSONReader.path(here, numberName), "missing (every stored contact has its number)")
                } else if let first = numbers[number] {
                    reader.fail(JSONReader.path(here, numberName), "\"\(number)\" repeats contacts[\(first)]")
                } else {
                    numbers[number] = j
                }
            }
            for (key, rows) in company.records {
                guard let kind = ImportCatalog.standard.kind(stateKey: key) else { continue }
                let names = Set(kind.fields.map { $0.name.uppercased() }
                    + definitions.filter { $0.importation == kind.domain }.map { $0.nom.uppercased() })
                for (j, row) in rows.enumerated() {
                    let here = JSONReader.path(JSONReader.path(place, key), j)
                    for name in row.keys.sorted() where !names.contains(name.uppercased()) {
                        reader.fail(JSONReader.path(here, name), "unknown field (not a field of the \(kind.domain) structure nor a custom field of it)")
                    }
                    for i in kind.keyIndexes.prefix(1) where (row.first { $0.key.uppercased() == kind.fields[i].name.uppercased() }?.value ?? "").isEmpty {
                        reader.fail(JSONReader.path(here, kind.fields[i].name), "missing (the record's key)")
                    }
                }
            }
        }
    }

    // MARK: Writing

    /// The fixture as a JSON document of the same shape (reset bodies, files for `--setup-command`).
    public var json: JSONValue {
        var document: [(key: String, value: JSONValue)] = []
        if let erp_version { document.append(("erp_version", .string(erp_version))) }
        if let dossier_travail { document.append(("dossier_travail", .string(dossier_travail))) }
        document.append(("societes", .array(societes.map(\.json))))
        return .object(document)
    }
}

extension Fixture.CompanySetup {
    var json: JSONValue {
        typealias Pairs = [(key: String, value: JSONValue)]
        func object(_ pairs: Pairs) -> JSONValue { .object(pairs) }
        var pairs: Pairs = [("fichier", .string(fichier))]
        pairs.append(("utilisateurs", .array(utilisateurs.map { user in
            var members: Pairs = [("code", .string(user.code))]
            if let password = user.mot_passe { members.append(("mot_passe", .string(password))) }
            return object(members)
        })))
        if let connectes {
            pairs.append(("connectes", .array(connectes.map { session in
                var members: Pairs = [("utilisateur", .string(session.utilisateur))]
                if let exclusive = session.exclusif { members.append(("exclusif", .bool(exclusive))) }
                return object(members)
            })))
        }
        if let tiers {
            pairs.append(("tiers", .array(tiers.map { party in
                var members: Pairs = [("code", .string(party.code))]
                if let type = party.type { members.append(("type", .string(type))) }
                return object(members)
            })))
        }
        if let criteres {
            var members: Pairs = []
            for number in criteres.keys.sorted() {
                members.append((key: number, value: .array((criteres[number] ?? []).map(JSONValue.string))))
            }
            pairs.append(("criteres", object(members)))
        }
        if let fonctions { pairs.append(("fonctions", .array(fonctions.map(JSONValue.string)))) }
        if let champs_personnalises {
            pairs.append(("champs_personnalises", .array(champs_personnalises.map { field in
                var members: Pairs = [("nom", .string(field.nom)), ("type", .string(field.type.rawValue))]
                if let taille = field.taille { members.append(("taille", .number(String(taille)))) }
                if let valeurs = field.valeurs { members.append(("valeurs", .array(valeurs.map(JSONValue.string)))) }
                if let importation = field.importation { members.append(("import", .string(importation))) }
                return object(members)
            })))
        }
        if let contacts {
            let kind = ImportCatalog.standard.contacts
            let rank = { (key: String) -> Int in
                key.uppercased() == kind.particulars.numbering?.field ? -1 : kind.fieldIndex[key.uppercased()] ?? Int.max
            }
            pairs.append(("contacts", .array(contacts.map { contact in
                var members: Pairs = []
                for key in contact.keys.sorted(by: { (rank($0), $0) < (rank($1), $1) }) {
                    members.append((key: key, value: .string(contact[key] ?? "")))
                }
                return object(members)
            })))
        }
        if let depots { pairs.append(("depots", .array(depots.map(JSONValue.string)))) }
        if let journaux { pairs.append(("journaux", .array(journaux.map(JSONValue.string)))) }
        if let preferences = preferences_comptables {
            pairs.append(("preferences_comptables", object([
                ("ecritures_desequilibrees", .bool(preferences.unbalancedAllowed)), ("libelle_obligatoire", .bool(preferences.labelRequired)),
                ("piece_obligatoire", .bool(preferences.pieceRequired)),
            ])))
        }
        if let compteurs { pairs.append(("compteurs", object(compteurs.keys.sorted().map { (key: $0, value: .string(compteurs[$0] ?? "")) }))) }
        if let stocks {
            pairs.append(("stocks", .array(stocks.map {
                object([("article", .string($0.article)), ("depot", .string($0.depot)), ("quantite", .string($0.quantite))])
            })))
        }
        for (key, rows) in records {
            let kind = ImportCatalog.standard.kind(stateKey: key)
            let rank = { (name: String) -> Int in kind?.fieldIndex[name.uppercased()] ?? Int.max }
            pairs.append((key, .array(rows.map { row in
                object(row.keys.sorted(by: { (rank($0), $0) < (rank($1), $1) }).map { (key: $0, value: .string(row[$0] ?? "")) })
            })))
        }
        return object(pairs)
    }
}

/// A fixture that cannot be installed, with every problem found, each
/// naming its JSON path.
public struct FixtureError: Error, Equatable, Sendable, CustomStringConvertible {
    public let problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public var description: String { problems.joined(separator: "; ") }
}
