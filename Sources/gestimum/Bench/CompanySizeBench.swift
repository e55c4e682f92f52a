import Foundation
import GestimumEmulator

/// The documented 3-record import timed on a company of many contacts
/// against an empty one, in alternation: the cost an import must not grow.
struct CompanySizeBench {
    let runs: Int

    /// The help's example request: three contacts on two clients.
    static let documentedBody = DataSnapJSONWriter.bytes(["importer_contacts": [
        "societe": ["fichier": "DEMO.Gestimum", "utilisateur": "DEMO", "mot_passe": "", "deconnecter": "Non", "exclusif": "Non"],
        "parametres": [
            "journal": "Oui", "statistiques": "Oui", "entete": "Oui", "noms_champs": "", "separateur_champs": ";",
            "identificateur_texte": "",
            "fichier_contacts": ["CCT_CODE;CCT_NOM;CCT_ORIGIN", "CONTACT1;Contact1;CLIENT1", "CONTACT2;Contact2;CLIENT1", "CONTACT3;Contact3;CLIENT2"],
        ],
    ]])

    /// Median time on `contacts` contacts ÷ median time on none.
    func measure(contacts: Int, folder: URL) async throws -> Double {
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = try BenchEmulator.make(in: folder.appendingPathComponent("big"))
        let empty = try BenchEmulator.make(in: folder.appendingPathComponent("empty"))
        let filled = await big.handle(EmulatorRequest(body: BenchShape.accepted.body(records: contacts)))
        try Self.expectImported(filled, contacts)
        var onBig: [Double] = [], onEmpty: [Double] = []
        for _ in 0..<runs {
            onEmpty.append(try await time(empty))
            onBig.append(try await time(big))
        }
        return medianOf(onBig) / medianOf(onEmpty)
    }

    private func time(_ emulator: Emulator) async throws -> Double {
        let start = Date()
        let response = await emulator.handle(EmulatorRequest(body: Self.documentedBody))
        let seconds = Date().timeIntervalSince(start)
        try Self.expectImported(response, 3)
        return seconds
    }

    static func expectImported(_ response: EmulatorResponse, _ count: Int) throws {
        let json = try JSONParser.parse(response.body)
        guard ImportAnswer(json)?.statistics?.imported == count else {
            throw CommandFailure.failed("the import did not store \(count) records: \(DataSnapJSONWriter.string(json).prefix(300))")
        }
    }
}
