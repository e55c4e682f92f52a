import Foundation
@testable import GestimumEmulator

/// Small helpers shared by the stage tests. Everything stays in memory.
enum TestSupport {
    static let demoPath = #"C:\ProgramData\Gestimum\DEMO.Gestimum"#

    /// A fixture from inline JSON, checked like a scenario fixture.
    static func fixture(_ json: String) throws -> Fixture {
        try Fixture.decode(Data(json.utf8))
    }

    /// One company at `demoPath` with the given extra JSON members
    /// (each member starts with a comma, e.g. `, "contacts": [...]`).
    static func company(
        users: String = #"[{"code": "DEMO", "mot_passe": ""}]"#, extra: String = "", erpVersion: String? = nil
    ) throws -> Fixture {
        let version = erpVersion.map { #""erp_version": "\#($0)","# } ?? ""
        return try fixture(#"""
        {\#(version) "societes": [{"fichier": "C:\\ProgramData\\Gestimum\\DEMO.Gestimum",
          "utilisateurs": \#(users) \#(extra)}]}
        """#)
    }

    static func clock(_ start: String = "01/01/2020 08:00:00", open: Double = 5, import importSeconds: Double = 1) -> ScriptedClock {
        ScriptedClock(start: start, openSeconds: open, importSeconds: importSeconds)!
    }

    static func request(
        _ lines: [String], header: Bool = true, fieldNames: String = "", separator: String = ";",
        delimiter: String? = nil, file: String = "DEMO.Gestimum", user: String = "DEMO", password: String = "",
        disconnect: Bool = false, exclusive: Bool = false
    ) -> ImportRequest {
        ImportRequest(
            login: .init(file: file, user: user, password: password, disconnect: disconnect, exclusive: exclusive),
            parameters: .init(
                journal: true, statistics: true, header: header, fieldNames: fieldNames,
                separator: separator, delimiter: delimiter, lines: TextLines(lines)))
    }

    /// Runs the ImporterContacts task directly.
    static func run(
        _ request: ImportRequest, registry: CompanyRegistry, clock: any EmulatorClock = TestSupport.clock()
    ) async throws -> ImportOutcome {
        let logger = Emulator(registry: registry, clock: clock).logger
        return try await ImportTask(kind: ImportCatalog.standard.contacts, registry: registry, clock: clock, logger: logger).run(request)
    }

    /// The contacts of the company at `path`, each as a dictionary.
    static func contacts(_ registry: CompanyRegistry, path: String = demoPath) async throws -> [[String: String]] {
        guard let company = registry.company(at: path) else { return [] }
        return try await company.contacts().map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key, $0.value) }) }
    }

    /// The journal's messages without their timestamps.
    static func messages(_ journal: [String]) -> [String] {
        journal.map { String($0.dropFirst(20)) }
    }

    /// The journal of an outcome that has one.
    static func journal(_ outcome: ImportOutcome) -> [String] {
        outcome.journal.map(Array.init) ?? []
    }

    /// The rejection lines (`La ligne k …` and its reason) of a journal, without timestamps.
    static func rejections(_ outcome: ImportOutcome) -> [String] {
        let lines = messages(journal(outcome))
        guard let start = lines.firstIndex(where: { $0.hasPrefix("La ligne ") }) else { return [] }
        return Array(lines[start..<(lines.count - 2)])
    }

    /// An import body as the web service receives it.
    static func body(
        lines: [String], societe: String = #""fichier": "DEMO.Gestimum", "utilisateur": "DEMO""#,
        parametres: String = #""journal": "Oui", "statistiques": "Oui", "entete": "Oui""#
    ) -> [UInt8] {
        let array = "[" + lines.map { JSONPrettyWriter.quote($0) }.joined(separator: ",") + "]"
        return Array(#"""
        {"importer_contacts": {"societe": {\#(societe)},
          "parametres": {\#(parametres), "fichier_contacts": \#(array)}}}
        """#.utf8)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

extension EmulatorRequest {
    static func post(_ body: [UInt8], path: String = "/api/rest/Contacts/%22Importer%22", pragma: String? = nil) -> EmulatorRequest {
        EmulatorRequest(method: "POST", path: path, headers: pragma.map { [("Pragma", $0)] } ?? [], body: body)
    }
}
