import Foundation
import Testing
@testable import GestimumEmulator

@Suite struct JournalTests {
    private static let utc = TimeZone(identifier: "UTC")!

    // MARK: Timestamps

    @Test func timestampFormat() {
        let stamps = JournalTimestamp(timeZone: Self.utc)
        #expect(stamps.format(Date(timeIntervalSince1970: 0)) == "01/01/1970 00:00:00")
        #expect(stamps.format(Date(timeIntervalSince1970: 1_568_385_038)) == "13/09/2019 14:30:38")
        let paris = JournalTimestamp(timeZone: TimeZone(identifier: "Europe/Paris")!)
        #expect(paris.format(Date(timeIntervalSince1970: 1_568_377_838)) == "13/09/2019 14:30:38")
    }

    /// The arithmetic path agrees with Foundation's calendar from 1600 to 9999, in zones with and without DST.
    @Test(arguments: ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Australia/Lord_Howe"])
    func timestampsByArithmeticMatchTheCalendar(_ zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var generator = SystemRandomNumberGenerator()
        let edges: [Double] = [-11_676_096_000, -11_676_096_000 + 86_399.5, -1, -0.25, 0, 951_782_400, 253_402_300_799.75, 1_711_846_800, 1_729_990_800]
        let dates = edges + (0..<2_000).map { _ in Double.random(in: -11_600_000_000 ..< 253_300_000_000, using: &generator) }
        for seconds in dates {
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%02d/%02d/%04d %02d:%02d:%02d", c.day!, c.month!, c.year!, c.hour!, c.minute!, c.second!)
            #expect(JournalTimestamp(timeZone: timeZone).format(date) == expected, "\(seconds)")
        }
    }

    @Test func timestampsBefore1600AreTheCalendars() {
        let stamps = JournalTimestamp(timeZone: Self.utc)
        // 4 October 1582 (Julian) was followed by 15 October 1582 (Gregorian).
        #expect(stamps.format(Date(timeIntervalSince1970: -12_219_292_800)) == "15/10/1582 00:00:00")
        #expect(stamps.format(Date(timeIntervalSince1970: -12_219_292_801)) == "04/10/1582 23:59:59")
    }

    @Test func timestampParse() {
        let stamps = JournalTimestamp(timeZone: Self.utc)
        #expect(stamps.parse("13/09/2019 14:30:38") == Date(timeIntervalSince1970: 1_568_385_038))
        #expect(stamps.parse("29/02/2020 00:00:00") != nil)
    }

    @Test(arguments: ["31/02/2020 00:00:00", "29/02/2019 00:00:00", "1/01/2020 00:00:00", "01/01/2020 24:00:00",
                      "01/01/2020 00:60:00", "01-01-2020 00:00:00", "01/01/2020T00:00:00", "01/01/2020 00:00:00 ", ""])
    func invalidScriptedClockStart(_ start: String) {
        #expect(ScriptedClock(start: start) == nil)
    }

    @Test func negativeDurationsAreRefused() {
        #expect(ScriptedClock(openSeconds: -1) == nil)
        #expect(ScriptedClock(importSeconds: -1) == nil)
    }

    @Test func splitLine() {
        let split = JournalTimestamp.split(line: "13/09/2019 14:30:38 Ouverture de la société X")
        #expect(split?.timestamp == "13/09/2019 14:30:38")
        #expect(split?.message == "Ouverture de la société X")
        #expect(JournalTimestamp.split(line: "trop court") == nil)
    }

    // MARK: Phases of the scripted clock

    @Test func phaseStampsOfTheScriptedClock() {
        let clock = TestSupport.clock("13/09/2019 14:30:38", open: 5, import: 1)
        var journal = Journal(timeline: clock.startImport(), timestamps: JournalTimestamp(timeZone: clock.timeZone))
        journal.write("a", at: .opening)
        journal.write("b", at: .opened)
        journal.write("c", at: .imported)
        journal.write("d", at: .opened)
        #expect(journal.lines == [
            "13/09/2019 14:30:38 a", "13/09/2019 14:30:43 b", "13/09/2019 14:30:44 c", "13/09/2019 14:30:43 d",
        ])
    }

    @Test func scriptedClockDefaults() {
        let clock = ScriptedClock()!
        #expect(JournalTimestamp(timeZone: clock.timeZone).format(clock.now()) == "01/01/2020 08:00:00")
        #expect(clock.timeZone == Self.utc)
        let timeline = clock.startImport()
        #expect(timeline.time(at: .opening) == timeline.time(at: .imported))
    }

    @Test func startIsReadInTheClocksTimeZone() {
        let paris = TimeZone(identifier: "Europe/Paris")!
        let clock = ScriptedClock(start: "13/09/2019 14:30:38", timeZone: paris)!
        #expect(clock.now() == Date(timeIntervalSince1970: 1_568_377_838))
        var journal = Journal(timeline: clock.startImport(), timestamps: JournalTimestamp(timeZone: clock.timeZone))
        journal.write("x", at: .opening)
        #expect(journal.lines == ["13/09/2019 14:30:38 x"])
    }

    @Test func stampsRollOverTheYear() async throws {
        let clock = TestSupport.clock("31/12/2019 23:59:58", open: 1, import: 2)
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", "A;a"]), registry: try CompanyRegistry(fixture: .demo), clock: clock)
        let stamps = TestSupport.journal(outcome).map { String($0.prefix(19)) }
        #expect(stamps == ["31/12/2019 23:59:58", "31/12/2019 23:59:59", "31/12/2019 23:59:59"]
            + Array(repeating: "01/01/2020 00:00:01", count: 5))
    }

    // MARK: The journal of a task

    @Test func fullJournalWithRejectionsInOrder() async throws {
        let clock = TestSupport.clock("02/03/2021 09:15:00", open: 3, import: 10)
        let outcome = try await TestSupport.run(TestSupport.request(
            ["CCT_CODE;CCT_NOM;Note", "A;a;x", ";b;y", "C;c;z", "D;;w"]), registry: try CompanyRegistry(fixture: .demo), clock: clock)
        #expect(outcome == .completed(journal: [
            #"02/03/2021 09:15:00 Ouverture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#,
            #"02/03/2021 09:15:03 Société C:\ProgramData\Gestimum\DEMO.Gestimum ouverte"#,
            "02/03/2021 09:15:03 Lancement de la tâche ImporterContacts",
            "02/03/2021 09:15:03 Le champ Note n'existe pas dans la table CONTACTS : il est ignoré",
            "02/03/2021 09:15:13 Nombre de lignes importées : 2",
            "02/03/2021 09:15:13 Nombre de lignes non importées : 2",
            "02/03/2021 09:15:13 La ligne 2 n'a pas pu être importée :",
            "02/03/2021 09:15:13 Code manquant",
            "02/03/2021 09:15:13 La ligne 4 n'a pas pu être importée :",
            "02/03/2021 09:15:13 Nom manquant",
            "02/03/2021 09:15:13 Tâche ImporterContacts terminée",
            #"02/03/2021 09:15:13 Fermeture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#,
        ], imported: 2, rejected: 2))
    }

    @Test func noLinePerCreatedContact() async throws {
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_CODE;CCT_NOM", "A;a", "B;b", "C;c", "D;d"]),
                                                registry: try CompanyRegistry(fixture: .demo))
        #expect(TestSupport.messages(TestSupport.journal(outcome)) == [
            #"Ouverture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#,
            #"Société C:\ProgramData\Gestimum\DEMO.Gestimum ouverte"#,
            "Lancement de la tâche ImporterContacts",
            "L'import a été effectué avec succès.",
            "Nombre de lignes importées : 4",
            "Nombre de lignes non importées : 0",
            "Tâche ImporterContacts terminée",
            #"Fermeture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#,
        ])
    }

    /// D32: a failure before the import, and its Fermeture, are stamped t0+open.
    @Test func failureBeforeTheImportIsStampedAtOpen() async throws {
        let clock = TestSupport.clock("10/10/2020 10:10:10", open: 7, import: 30)
        let outcome = try await TestSupport.run(TestSupport.request(["CCT_NOM;cct_nom"]), registry: try CompanyRegistry(fixture: .demo), clock: clock)
        #expect(TestSupport.journal(outcome).map { String($0.prefix(19)) }
            == ["10/10/2020 10:10:10"] + Array(repeating: "10/10/2020 10:10:17", count: 4))
        #expect(TestSupport.journal(outcome).last == #"10/10/2020 10:10:17 Fermeture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#)
    }

    // MARK: Across requests (D33)

    private func post(_ emulator: Emulator, _ body: [UInt8]) async throws -> [String] {
        let response = await emulator.handle(.post(body))
        return ImportAnswer(try JSONParser.parse(response.body))?.journal ?? []
    }

    @Test func clockContinuesAcrossImports() async throws {
        let clock = TestSupport.clock("13/09/2019 14:30:38", open: 5, import: 1)
        let emulator = Emulator(registry: try CompanyRegistry(fixture: .demo), clock: clock, sessionIDs: .seeded())
        let good = TestSupport.body(lines: ["CCT_CODE;CCT_NOM", "A;a"])

        let first = try await post(emulator, good)
        #expect(first.first?.hasPrefix("13/09/2019 14:30:38 Ouverture") == true)
        #expect(first.last?.hasPrefix("13/09/2019 14:30:44 Fermeture") == true)

        let second = try await post(emulator, good)
        #expect(second.first?.hasPrefix("13/09/2019 14:30:44 Ouverture") == true)
        #expect(second.last?.hasPrefix("13/09/2019 14:30:50 Fermeture") == true)

        // Request errors, protocol errors and the version endpoints stamp nothing and do not move the clock.
        _ = await emulator.handle(.post(Array(#"{"importer_contacts": {}}"#.utf8)))
        _ = await emulator.handle(.post(Array("{".utf8)))
        _ = await emulator.handle(EmulatorRequest(method: "GET", path: "/api/rest/Outils/%22Version%22"))
        _ = await emulator.handle(.post(good, path: "/api/rest/Contacts/Importer"))

        // A failure while opening ends at t0+open.
        let failed = try await post(emulator, TestSupport.body(lines: [], societe: #""fichier": "X.Gestimum", "utilisateur": "DEMO""#))
        #expect(failed == [
            #"13/09/2019 14:30:50 Ouverture de la société C:\ProgramData\Gestimum\X.Gestimum"#,
            #"13/09/2019 14:30:55 La société C:\ProgramData\Gestimum\X.Gestimum n'existe pas"#,
        ])

        let third = try await post(emulator, good)
        #expect(third.first?.hasPrefix("13/09/2019 14:30:55 Ouverture") == true)
        #expect(third.last?.hasPrefix("13/09/2019 14:31:01 Fermeture") == true)
    }

    @Test func journalOnlyWhenAsked() async throws {
        let emulator = Emulator(registry: try CompanyRegistry(fixture: .demo), clock: TestSupport.clock(), sessionIDs: .seeded())
        let response = await emulator.handle(.post(TestSupport.body(
            lines: ["A;a"], parametres: #""journal": "Non", "statistiques": "Oui", "noms_champs": "CCT_CODE;CCT_NOM""#)))
        #expect(TestSupport.text(response.body)
            == #"{"result":[{"resultat":"succ\u00E8s","message":"termin\u00E9","statistiques":{"nombre_lignes_import\u00E9es":"1","nombre_lignes_non_import\u00E9es":"0"}}]}"#)
        let failure = await emulator.handle(.post(TestSupport.body(
            lines: [], societe: #""fichier": "X", "utilisateur": "DEMO""#, parametres: #""statistiques": "Oui""#)))
        #expect(TestSupport.text(failure.body) == #"{"result":[{"resultat":"\u00E9chec","message":"La soci\u00E9t\u00E9 C:\\ProgramData\\Gestimum\\X n'existe pas"}]}"#)
    }
}
