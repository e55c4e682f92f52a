import Testing
@testable import GestimumEmulator

/// Opening the company: path, user, password and the sessions already open (spec §3).
@Suite struct CompanySessionTests {
    private static let users = #"[{"code": "DEMO", "mot_passe": ""}, {"code": "ADMIN", "mot_passe": "Secret"}, {"code": "BOB"}]"#
    private static let path = TestSupport.demoPath
    private static let lines = ["CCT_CODE;CCT_NOM", "A;a"]

    private func registry(connectes: String = "[]") throws -> CompanyRegistry {
        try CompanyRegistry(fixture: TestSupport.company(users: Self.users, extra: #", "connectes": \#(connectes)"#))
    }

    private func run(_ registry: CompanyRegistry, file: String = "DEMO.Gestimum", user: String = "DEMO", password: String = "",
                     disconnect: Bool = false, exclusive: Bool = false, lines: [String] = lines) async throws -> ImportOutcome {
        try await TestSupport.run(TestSupport.request(lines, file: file, user: user, password: password,
                                                      disconnect: disconnect, exclusive: exclusive), registry: registry)
    }

    private func failure(_ outcome: ImportOutcome) -> String? {
        if case let .taskFailure(message, _) = outcome { return message }
        return nil
    }

    private func completed(_ outcome: ImportOutcome) -> Bool {
        if case .completed = outcome { return true }
        return false
    }

    // MARK: Company path (D13)

    @Test func unknownCompanyIsNotOpenedNorClosed() async throws {
        let outcome = try await run(try registry(), file: "AUTRE.Gestimum")
        #expect(outcome == .taskFailure(message: #"La société C:\ProgramData\Gestimum\AUTRE.Gestimum n'existe pas"#, journal: [
            #"01/01/2020 08:00:00 Ouverture de la société C:\ProgramData\Gestimum\AUTRE.Gestimum"#,
            #"01/01/2020 08:00:05 La société C:\ProgramData\Gestimum\AUTRE.Gestimum n'existe pas"#,
        ]))
    }

    @Test func lookupIsCaseInsensitiveAndTheJournalShowsTheRequestSpelling() async throws {
        let outcome = try await run(try registry(), file: "demo.GESTIMUM")
        #expect(completed(outcome))
        let messages = TestSupport.messages(TestSupport.journal(outcome))
        #expect(messages.first == #"Ouverture de la société C:\ProgramData\Gestimum\demo.GESTIMUM"#)
        #expect(messages.last == #"Fermeture de la société C:\ProgramData\Gestimum\demo.GESTIMUM"#)
    }

    @Test func fichierWithABackslashIsUsedAsGiven() async throws {
        let outcome = try await run(try registry(), file: #"c:\programdata\GESTIMUM\Demo.gestimum"#)
        #expect(completed(outcome))
        #expect(TestSupport.messages(TestSupport.journal(outcome)).first == #"Ouverture de la société c:\programdata\GESTIMUM\Demo.gestimum"#)
        let other = try await run(try registry(), file: #"D:\Gestimum\DEMO.Gestimum"#)
        #expect(failure(other) == #"La société D:\Gestimum\DEMO.Gestimum n'existe pas"#)
    }

    @Test func slashIsAnOrdinaryCharacter() async throws {
        #expect(failure(try await run(try registry(), file: "C:/ProgramData/Gestimum/DEMO.Gestimum"))
            == #"La société C:\ProgramData\Gestimum\C:/ProgramData/Gestimum/DEMO.Gestimum n'existe pas"#)
        #expect(failure(try await run(try registry(), file: "../DEMO.Gestimum"))
            == #"La société C:\ProgramData\Gestimum\../DEMO.Gestimum n'existe pas"#)
    }

    // MARK: User and password (D14)

    @Test func unknownUser() async throws {
        let outcome = try await run(try registry(), user: "INCONNU")
        #expect(outcome == .taskFailure(message: "L'utilisateur INCONNU n'existe pas", journal: [
            #"01/01/2020 08:00:00 Ouverture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#,
            "01/01/2020 08:00:05 L'utilisateur INCONNU n'existe pas",
        ]))
    }

    @Test func userCodeIsCaseInsensitivePasswordIsNot() async throws {
        #expect(completed(try await run(try registry(), user: "demo")))
        #expect(completed(try await run(try registry(), user: "admin", password: "Secret")))
        #expect(failure(try await run(try registry(), user: "admin", password: "secret")) == "Mot de passe incorrect pour l'utilisateur admin")
        #expect(failure(try await run(try registry(), user: "ADMIN")) == "Mot de passe incorrect pour l'utilisateur ADMIN")
        #expect(failure(try await run(try registry(), user: "DEMO", password: "x")) == "Mot de passe incorrect pour l'utilisateur DEMO")
    }

    @Test func userWithoutPasswordInFixtureHasAnEmptyOne() async throws {
        #expect(completed(try await run(try registry(), user: "BOB")))
    }

    @Test func openingChecksRunInOrder() async throws {
        let busy = try registry(connectes: #"[{"utilisateur": "ADMIN"}, {"utilisateur": "BOB", "exclusif": true}]"#)
        #expect(failure(try await run(busy, file: "X.Gestimum", user: "NOBODY")) == #"La société C:\ProgramData\Gestimum\X.Gestimum n'existe pas"#)
        #expect(failure(try await run(busy, user: "NOBODY", password: "x")) == "L'utilisateur NOBODY n'existe pas")
        #expect(failure(try await run(busy, user: "ADMIN", password: "x", exclusive: true)) == "Mot de passe incorrect pour l'utilisateur ADMIN")
        #expect(failure(try await run(busy, user: "ADMIN", password: "Secret", exclusive: true)) == "L'utilisateur ADMIN est déjà connecté")
        #expect(failure(try await run(busy, user: "DEMO", exclusive: true)) == "Ouverture exclusive impossible : d'autres utilisateurs sont connectés")
        #expect(failure(try await run(busy, user: "DEMO")) == #"La société C:\ProgramData\Gestimum\DEMO.Gestimum est ouverte en mode exclusif"#)
    }

    // MARK: connectes and deconnecter

    @Test func alreadyConnectedWithoutDeconnecter() async throws {
        let registry = try registry(connectes: #"[{"utilisateur": "DEMO", "exclusif": false}]"#)
        let outcome = try await run(registry, user: "Demo")
        #expect(outcome == .taskFailure(message: "L'utilisateur Demo est déjà connecté", journal: [
            #"01/01/2020 08:00:00 Ouverture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#,
            "01/01/2020 08:00:05 L'utilisateur Demo est déjà connecté",
        ]))
        #expect(try await TestSupport.contacts(registry).isEmpty)
    }

    @Test func deconnecterClosesTheSessionAndGoesOn() async throws {
        let registry = try registry(connectes: #"[{"utilisateur": "demo"}]"#)
        let outcome = try await run(registry, disconnect: true)
        guard case let .completed(journal, 1, 0) = outcome else { Issue.record("\(outcome)"); return }
        #expect(Array(journal.prefix(4)) == [
            #"01/01/2020 08:00:00 Ouverture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#,
            "01/01/2020 08:00:05 Déconnexion de l'utilisateur DEMO",
            #"01/01/2020 08:00:05 Société C:\ProgramData\Gestimum\DEMO.Gestimum ouverte"#,
            "01/01/2020 08:00:05 Lancement de la tâche ImporterContacts",
        ])
        // The session is gone: the next import needs no deconnecter.
        #expect(completed(try await run(registry)))
    }

    /// D15: deconnecter Oui without a session does nothing and writes nothing.
    @Test func deconnecterWithoutSessionWritesNoLine() async throws {
        let outcome = try await run(try registry(connectes: #"[{"utilisateur": "BOB"}]"#), disconnect: true)
        #expect(completed(outcome))
        #expect(!TestSupport.messages(TestSupport.journal(outcome)).contains { $0.hasPrefix("Déconnexion") })
    }

    @Test func deconnecterClosesOnlyTheUsersSessions() async throws {
        let registry = try registry(connectes: #"[{"utilisateur": "DEMO"}, {"utilisateur": "BOB"}]"#)
        #expect(completed(try await run(registry, disconnect: true)))
        #expect(failure(try await run(registry, user: "BOB")) == "L'utilisateur BOB est déjà connecté")
    }

    // MARK: exclusif

    @Test func exclusiveWhileOthersAreConnected() async throws {
        let registry = try registry(connectes: #"[{"utilisateur": "BOB", "exclusif": false}]"#)
        let outcome = try await run(registry, exclusive: true)
        #expect(outcome == .taskFailure(message: "Ouverture exclusive impossible : d'autres utilisateurs sont connectés", journal: [
            #"01/01/2020 08:00:00 Ouverture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#,
            "01/01/2020 08:00:05 Ouverture exclusive impossible : d'autres utilisateurs sont connectés",
        ]))
        #expect(completed(try await run(registry, exclusive: false)))
    }

    @Test func exclusiveAfterClosingOwnSessionOnly() async throws {
        #expect(completed(try await run(try registry(connectes: #"[{"utilisateur": "DEMO", "exclusif": true}]"#),
                                        disconnect: true, exclusive: true)))
    }

    @Test func heldExclusivelyByAnotherUser() async throws {
        let registry = try registry(connectes: #"[{"utilisateur": "BOB", "exclusif": true}]"#)
        #expect(failure(try await run(registry)) == #"La société C:\ProgramData\Gestimum\DEMO.Gestimum est ouverte en mode exclusif"#)
        #expect(failure(try await run(registry, file: "demo.gestimum")) == #"La société C:\ProgramData\Gestimum\demo.gestimum est ouverte en mode exclusif"#)
        #expect(failure(try await run(registry, exclusive: true)) == "Ouverture exclusive impossible : d'autres utilisateurs sont connectés")
    }

    /// D16: the disconnection is kept when the task then fails.
    @Test func disconnectionIsKeptWhenTheOpeningFails() async throws {
        let registry = try registry(connectes: #"[{"utilisateur": "DEMO"}, {"utilisateur": "BOB"}]"#)
        let outcome = try await run(registry, disconnect: true, exclusive: true)
        #expect(outcome == .taskFailure(message: "Ouverture exclusive impossible : d'autres utilisateurs sont connectés", journal: [
            #"01/01/2020 08:00:00 Ouverture de la société C:\ProgramData\Gestimum\DEMO.Gestimum"#,
            "01/01/2020 08:00:05 Déconnexion de l'utilisateur DEMO",
            "01/01/2020 08:00:05 Ouverture exclusive impossible : d'autres utilisateurs sont connectés",
        ]))
        // DEMO's session is gone: without deconnecter the user is no longer "already connected".
        #expect(completed(try await run(registry)))
    }

    @Test func disconnectionIsKeptWhenTheTaskFailsOnADuplicateField() async throws {
        let registry = try registry(connectes: #"[{"utilisateur": "DEMO"}]"#)
        let outcome = try await run(registry, disconnect: true, lines: ["CCT_CODE;CCT_CODE", "A;A"])
        #expect(failure(outcome) == "Le champ CCT_CODE est présent plusieurs fois")
        #expect(TestSupport.messages(TestSupport.journal(outcome)).contains("Déconnexion de l'utilisateur DEMO"))
        #expect(completed(try await run(registry)))
        #expect(try await TestSupport.contacts(registry).count == 1)
    }

    /// D17: sessions of users unknown to the company still count as other users'.
    @Test func sessionsOfUnlistedUsersCount() async throws {
        #expect(failure(try await run(try registry(connectes: #"[{"utilisateur": "FANTOME"}]"#), exclusive: true))
            == "Ouverture exclusive impossible : d'autres utilisateurs sont connectés")
        #expect(failure(try await run(try registry(connectes: #"[{"utilisateur": "FANTOME", "exclusif": true}]"#)))
            == #"La société C:\ProgramData\Gestimum\DEMO.Gestimum est ouverte en mode exclusif"#)
        #expect(completed(try await run(try registry(connectes: #"[{"utilisateur": "FANTOME"}]"#))))
    }

    @Test func othersNonExclusiveSessionsDoNotBlock() async throws {
        #expect(completed(try await run(try registry(connectes: #"[{"utilisateur": "BOB"}, {"utilisateur": "ADMIN"}]"#))))
    }
}
