import Foundation
import GestimumEmulator
import GestimumFuzzing
import Testing

/// The `request` fuzz target's comparison of the two readings of a body
/// (D66), on chosen bodies and on every request of the suite, each read as
/// the kind its root key names.
@Suite struct KeptLinesPropertyTests {
    /// Whatever the body, both readings give the same parse error, request or request error
    /// (the `request` fuzz target checks the same on every input it makes).
    @Test(arguments: [
        #"{"importer_contacts":{"parametres":{"fichier_contacts":["a",1]}}}"#,
        #"{"importer_contacts":{"parametres":{"fichier_contacts":["a","\ud800"]}}}"#,
        #"{"importer_contacts":{"parametres":{"fichier_contacts":["a" "b"]}}}"#,
        #"{"importer_contacts":{"parametres":{"fichier_contacts":["a",]}}}"#,
        #"{"importer_contacts":{"parametres":{"fichier_contacts":"a"}}}"#,
        #"{"importer_contacts":{"parametres":{"fichier_contacts":{"x":["a"]}}}}"#,
        #"{"importer_contacts":{"societe":{"fichier":"F","utilisateur":"U"},"parametres":{"fichier_contacts":[]}}}"#,
        #"{"importer_contacts":{"societe":{"fichier":"F","utilisateur":"U"},"parametres":{"fichier_contacts":["\u0000\t"]}}}"#,
        #"["importer_contacts"]"#,
        #"{"importer_contacts":{"parametres":{"fichier_contacts":["a"]}}} x"#,
    ])
    func bothReadingsAgree(_ body: String) {
        #expect(RequestDecoding.keptLinesProblem(Array(body.utf8)) == nil)
    }

    @Test func everyScenarioBodyReadsTheSame() throws {
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Scenarios").standardized
        let files = FileManager.default.enumerator(at: scenarios, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasPrefix("request") && $0.pathExtension == "json" } ?? []
        #expect(files.count > 100)
        for file in files {
            let body = try [UInt8](Data(contentsOf: file))
            // Read as the kind its root key names (contacts' bodies and the others').
            let kind = (try? JSONParser.parse(body)).map { ImportFile.kind(of: $0) } ?? ImportCatalog.standard.contacts
            #expect(RequestDecoding.keptLinesProblem(body, kind: kind) == nil, "\(file.path)")
        }
    }
}
