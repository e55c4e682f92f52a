import ArgumentParser
import GestimumEmulator

/// Which import the bench's large request is for: the contact import (six
/// columns), the Clients import, every one of its 85 structure fields
/// filled, or sales documents of 100 lines each (measured against a Clients
/// import of as many records, in the same run), or accounting entries of
/// two lines each (measured the same way).
enum BenchImport: String, ExpressibleByArgument, CaseIterable {
    case contacts
    case clients
    case documentsVente = "documents-vente"
    case ecritures

    /// The import's domain (its route's class).
    var domain: String {
        switch self {
        case .contacts: "Contacts"
        case .clients: "Clients"
        case .documentsVente: "DocumentsVente"
        case .ecritures: "Ecritures"
        }
    }

    /// The columns of each line of the request.
    func columns(_ rows: [[String]]) -> Int {
        switch self {
        case .documentsVente: SalesDocuments.header.split(separator: ";").count
        case .ecritures: AccountingEntries.columns
        default: rows.first?.count ?? 0
        }
    }

    /// The request body and the rows as the company stores them (for the SQLite
    /// baselines; none for documents, which are measured against Clients).
    func file(shape: BenchShape, records: Int) -> (body: [UInt8], rows: [[String]]) {
        switch self {
        case .contacts: return (shape.body(records: records), shape.rows(records: records))
        case .clients: return WideRecords(kind: ImportCatalog.standard.kind(domain: "Clients")!).file(records: records)
        case .documentsVente: return (SalesDocuments.body(lines: records), [])
        case .ecritures: return (AccountingEntries.body(lines: records), [])
        }
    }

    /// Whether the import is measured against a Clients import of as many records.
    var againstClients: Bool { self == .documentsVente || self == .ecritures }
}

/// Sales entries on the DEMO company in the GestimumComptaVariable format:
/// a customer debit and a sales credit each, every line valid (D81).
enum AccountingEntries {
    static let columns = 10

    static func body(lines: Int) -> [UInt8] {
        let kind = ImportCatalog.standard.kind(domain: "Ecritures")!
        var file: [String] = []
        file.reserveCapacity(lines)
        for i in 0..<lines {
            let entry = i / 2
            let account = i % 2 == 0 ? "411C\(entry % 500)" : "707100"
            file.append("\(i + 1),15/01/2020,VTE,\(account),,Facture \(entry),F\(entry),EUR,\(entry % 1000 + 10).50,\(i % 2 == 0 ? "D" : "C")")
        }
        let request: JSONValue = [kind.root: [
            "societe": ["fichier": "DEMO.Gestimum", "utilisateur": "DEMO"],
            "parametres": ["journal": "Non", "statistiques": "Oui", "format": "GestimumComptaVariable", kind.array: .array(file.map(JSONValue.string))],
        ]]
        return DataSnapJSONWriter.bytes(request)
    }
}

/// Sales orders on the DEMO company, 100 lines each, every line valid.
enum SalesDocuments {
    static let linesPerDocument = 100
    static let header = "DOC_STYPE;DOC_DATE;DOC_DT_PRV;PCF_CODE;REP_CODE;PRJ_CODE;DEP_CODE;DOC_REFPCF;ART_CODE;LIG_QTE;LIG_P_BRUT;LIG_REMISE;LIG_LIB"

    static func body(lines: Int) -> [UInt8] {
        let kind = ImportCatalog.standard.kind(domain: "DocumentsVente")!
        var file = [header]
        file.reserveCapacity(lines + 1)
        for i in 0..<lines {
            let document = i / linesPerDocument
            let article = i % 2 == 0 ? "A10" : "A20"
            file.append("C;15/01/2020;20/01/2020;MA0001;CO1;AFFAIRE1;001;CMD\(document);\(article);\(i % 7 + 1);\(i % 50 + 10),50;2;Ligne \(i)")
        }
        let request: JSONValue = [kind.root: [
            "societe": ["fichier": "DEMO.Gestimum", "utilisateur": "DEMO"],
            "parametres": ["journal": "Non", "statistiques": "Oui", "entete": "Oui", kind.array: .array(file.map(JSONValue.string))],
        ]]
        return DataSnapJSONWriter.bytes(request)
    }
}

/// Records of a wide import with every field given a valid value: codes the
/// DEMO company holds for references, the first allowed code, a value of
/// the field's type, and distinct keys.
struct WideRecords {
    let kind: ImportKind

    /// The DEMO company's codes for the references a wide structure has.
    static let demoCodes = ["Pays": "FR", "Devises": "EUR", "Commerciaux": "CO1", "Depots": "001", "ModesReglements": "CHQ",
                            "Tiers": "CLIENT1", "Articles": "A10", "Affaires": "AFFAIRE1", "Salaries": "BSP"]

    func value(_ field: FieldSpec, record i: Int) -> String {
        if kind.engineKey.contains(field.name) { return "C\(i)" }
        if let reference = field.reference { return Self.demoCodes[reference] ?? "" }
        if let first = field.values?.first { return first }
        switch field.type {
        case .checkbox: return "Oui"
        case .amount: return "\(i % 1000),50"
        case .decimal: return "1,5"
        case .integer, .number: return String(i % 100)
        case .date: return "15/0\(i % 9 + 1)/2020"
        case .dateTime: return "15/01/2020 10:30"
        case .unlimitedText: return "Commentaire \(i)"
        case .text, .other:
            let text = "\(field.name.split(separator: "_").last ?? "")\(i)"
            return String(text.prefix(field.maxLength ?? text.count))
        }
    }

    func file(records: Int) -> (body: [UInt8], rows: [[String]]) {
        let header = kind.fields.map(\.name).joined(separator: ";")
        var lines = [header]
        var rows: [[String]] = []
        lines.reserveCapacity(records + 1)
        rows.reserveCapacity(records)
        for i in 0..<records {
            let row = kind.fields.map { value($0, record: i) }
            lines.append(row.joined(separator: ";"))
            rows.append(row)
        }
        let request: JSONValue = [kind.root: [
            "societe": ["fichier": "DEMO.Gestimum", "utilisateur": "DEMO"],
            "parametres": ["journal": "Non", "statistiques": "Oui", "entete": "Oui", kind.array: .array(lines.map(JSONValue.string))],
        ]]
        return (DataSnapJSONWriter.bytes(request), rows)
    }
}
