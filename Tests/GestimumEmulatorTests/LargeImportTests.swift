import Foundation
import GRDB
import Testing
@testable import GestimumEmulator

/// Files large enough for the producer thread (``ImportTask/pipelineThreshold``),
/// and company databases written by the first schema.
@Suite struct LargeImportTests {
    @Test func aLargeFileKeepsLineOrderNumberingAndRejections() async throws {
        let registry = try CompanyRegistry(fixture: TestSupport.company(extra: #", "tiers": [{"code": "CLIENT1"}]"#))
        let count = ImportTask.pipelineThreshold * 3 + 17
        var lines = ["CCT_NUMERO;CCT_CODE;CCT_NOM;CCT_ORIGIN"]
        for i in 1...count {
            switch i {
            case _ where i % 7 == 0: lines.append(";C\(i);;")  // no name
            case 5000: lines.append("0000000002;C\(i);Changé;")  // updates record 2's contact
            case 6000: lines.append("0000099999;C\(i);Nouveau;")  // no such contact yet
            case 7001: lines.append(";C\(i);N\(i);INCONNU")
            default: lines.append(";C\(i);N\(i);CLIENT1")
            }
        }
        let outcome = try await TestSupport.run(TestSupport.request(lines), registry: registry)
        let rejectedLines = (1...count).filter { $0 % 7 == 0 || $0 == 6000 || $0 == 7001 }
        let created = count - rejectedLines.count - 1
        guard case let .completed(journal, imported, rejected) = outcome else { Issue.record("\(outcome)"); return }
        #expect(imported == created + 1)
        #expect(rejected == rejectedLines.count)
        let messages = TestSupport.messages(Array(journal))
        let rejections = messages.filter { $0.hasPrefix(Messages.lineRejectedPrefix) }
        #expect(rejections == rejectedLines.map { Messages.lineRejected($0) })
        #expect(messages.contains(Messages.unknownContact("0000099999")))
        #expect(messages.contains(Messages.unknownThirdParty("INCONNU")))

        let contacts = try await TestSupport.contacts(registry)
        #expect(contacts.count == created)
        #expect(contacts.first { $0["CCT_NUMERO"] == "0000000002" }?["CCT_NOM"] == "Changé")
        #expect(contacts.last?["CCT_NUMERO"] == String(format: "%010d", created))
        // The kept highest number: the next import continues after it.
        let next = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", "Z;z"]), registry: registry)
        guard case .completed(_, 1, 0) = next else { Issue.record("\(next)"); return }
        #expect(try await TestSupport.contacts(registry).last?["CCT_NUMERO"] == String(format: "%010d", created + 1))
    }

    @Test func aFirstSchemaDatabaseMovesCustomValuesIntoColumnsAndKeepsD31() throws {
        let queue = try DatabaseQueue()
        try CompanySchema.migrator.migrate(queue, upTo: "v1-company")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO champs_personnalises (position, nom, type, taille, valeurs) VALUES (0, 'XXX_A', 'texte', 20, '[]'), (1, 'XXX_B', 'texte', 20, '[]');
                INSERT INTO contacts (cct_numero, cct_code, cct_nom) VALUES ('0000000041', 'A', 'a'), ('12345678901', 'L', 'long'), ('X99', 'X', 'x'), ('7', 'S', 's');
                INSERT INTO contact_valeurs (cct_numero, position, valeur) VALUES ('0000000041', 1, 'b41'), ('7', 0, 'a7');
                """)
        }
        try CompanySchema.migrator.migrate(queue)
        try queue.read { db in
            let store = CompanyStore(db: db)
            #expect(try store.highestNumber() == 41)
            let contacts = try store.records(of: ImportCatalog.standard.contacts, customFields: store.customFields()["Contacts"] ?? [])
            let custom = contacts.map { contact in contact.filter { $0.key.hasPrefix("XXX_") }.map(\.value) }
            #expect(contacts.map { $0[0].value } == ["0000000041", "12345678901", "7", "X99"])
            #expect(custom == [["", "b41"], ["", ""], ["a7", ""], ["", ""]])
            #expect(try !db.tableExists("contact_valeurs"))
        }
    }
}
