import ArgumentParser
import GestimumEmulator

/// What the bench's large import holds: records that are all accepted, or
/// all rejected (each rejection writes two journal lines into the answer).
enum BenchShape: String, ExpressibleByArgument, CaseIterable {
    case accepted
    case rejected

    static let header = "CCT_CODE;CCT_NOM;CCT_ORIGIN;CCT_PRENOM;CCT_EMAIL;XXX_SECTEUR"

    /// Record `i` of the file: six columns, one of them a custom field.
    func line(_ i: Int) -> String {
        switch self {
        case .accepted: "C\(i);Contact numéro \(i);CLIENT\(i % 2 + 1);Prénom\(i);c\(i)@example.fr;Secteur \(i % 7)"
        case .rejected: "C\(i);;CLIENT1"  // no name: "Nom manquant"
        }
    }

    /// The request body: DEMO company, statistics on; the journal on for the rejected shape.
    func body(records: Int) -> [UInt8] {
        let lines = [Self.header] + (0..<records).map(line)
        let request: JSONValue = ["importer_contacts": [
            "societe": ["fichier": "DEMO.Gestimum", "utilisateur": "DEMO"],
            "parametres": [
                "journal": self == .rejected ? "Oui" : "Non", "statistiques": "Oui", "entete": "Oui",
                "fichier_contacts": .array(lines.map(JSONValue.string)),
            ],
        ]]
        return DataSnapJSONWriter.bytes(request)
    }

    /// The accepted rows as the contacts table stores them (number, 14
    /// standard fields, the custom field), for the SQLite baselines.
    func rows(records: Int) -> [[String]] {
        guard self == .accepted else { return [] }
        return (0..<records).map { i in
            [String(format: "%010d", i + 1), "C\(i)", "Contact numéro \(i)", "CLIENT\(i % 2 + 1)", "", "Prénom\(i)"]
                + Array(repeating: "", count: 3) + ["", "c\(i)@example.fr", "", "", "", "", "Secteur \(i % 7)"]
        }
    }
}
