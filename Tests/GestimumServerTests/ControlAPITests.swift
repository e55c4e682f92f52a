import Foundation
import GestimumEmulator
@testable import GestimumServer
import Logging
import Testing

/// The control API in process: the same routes and layer the server runs,
/// without a socket. Assertions are on answers, state and the request log.
@Suite("Control API")
struct ControlAPITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/fixtures")
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    static let importPath = "/api/rest/Contacts/%22Importer%22"

    static func host(dataFolder: URL? = nil, clock: any EmulatorClock = ScriptedClock()!, latency: Latency = .none) throws -> EmulatorHost {
        let registry = try CompanyRegistry(fixture: .demo, dataFolder: dataFolder)
        return EmulatorHost(Emulator(registry: registry, clock: clock, sessionIDs: .seeded(), logger: logger),
                            dataFolder: dataFolder, logger: logger, options: HostOptions(latency: latency, fixturesFolder: fixtures))
    }

    /// A control call: status and parsed answer.
    static func call(_ host: EmulatorHost, _ method: String, _ path: String, _ body: String = "") async throws -> (Int, JSONValue) {
        let response = try #require(await ControlRoutes.answer(method, path: "/_emulator/" + path, body: Array(body.utf8), host: host))
        #expect(response.header("Content-Type") == "application/json")
        return (response.status, try JSONParser.parse(response.body))
    }

    static func importBody(_ lines: [String]) -> [UInt8] {
        DataSnapJSONWriter.bytes(["importer_contacts": [
            "societe": ["fichier": "DEMO.Gestimum", "utilisateur": "DEMO"],
            "parametres": ["statistiques": "Oui", "journal": "Oui", "entete": "Oui", "fichier_contacts": .array(lines.map(JSONValue.string))],
        ]])
    }

    /// An import through the layer in front of the entry point.
    static func send(_ host: EmulatorHost, session: String? = nil, lines: [String] = ["CCT_CODE;CCT_NOM", "A;Alpha"]) async -> Served {
        await host.serve(EmulatorRequest(path: importPath, headers: session.map { [("Pragma", "dssession=\($0)")] } ?? [],
                                         body: importBody(lines)))
    }

    static func response(_ served: Served) throws -> EmulatorResponse {
        guard case let .response(response) = served.answer else { throw CancellationError() }
        return response
    }

    static func contactNumbers(_ host: EmulatorHost) async throws -> [String] {
        let state = try await StateDocument.build(host.emulator.registry)
        return (state["societes"]?.arrayValue?.first?["contacts"]?.arrayValue ?? []).compactMap { $0["CCT_NUMERO"]?.stringValue }
    }

    // MARK: Reset

    @Test func emptyNamedAndInlineResets() async throws {
        let host = try Self.host()
        _ = await Self.send(host)
        #expect(try await Self.contactNumbers(host) == ["0000000001"])
        #expect(try await Self.call(host, "POST", "reset").0 == 200)
        #expect(try await Self.contactNumbers(host).isEmpty)
        #expect(try await Self.call(host, "POST", "reset", #"{"fixture": "existing-contacts"}"#).0 == 200)
        #expect(try await Self.contactNumbers(host) == ["0000000007", "0000000041"])
        let inline = #"{"fixture": {"societes": [{"fichier": "D:\\X\\AUTRE.Gestimum", "utilisateurs": [{"code": "A"}]}]}}"#
        #expect(try await Self.call(host, "POST", "reset", inline).0 == 200)
        #expect(host.emulator.registry.companies.map(\.path) == [#"D:\X\AUTRE.Gestimum"#])
        #expect(try await Self.call(host, "POST", "reset", #"{"fixture": "demo"}"#).0 == 200)
        #expect(host.emulator.registry.companies.map(\.path) == [#"C:\ProgramData\Gestimum\DEMO.Gestimum"#])
    }

    @Test func aFixtureSQLiteWouldRejectIsA400ThatChangesNothing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-control-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let host = try Self.host(dataFolder: folder)
        _ = await Self.send(host)
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        let body = #"""
        {"fixture": {"societes": [{"fichier": "C:\\G\\A.Gestimum", "utilisateurs": [{"code": "U"}, {"code": "u"}],
          "tiers": [{"code": "T"}, {"code": "T"}], "contacts": [{"CCT_NUMERO": "1"}, {"CCT_NUMERO": "1"}]},
          {"fichier": "c:\\g\\a.gestimum", "utilisateurs": []}]}}
        """#
        let (status, answer) = try await Self.call(host, "POST", "reset", body)
        #expect(status == 400)
        let error = try #require(answer["error"]?.stringValue)
        #expect(error.contains(#"fixture.societes[0].utilisateurs[1].code: "u" repeats "U" (user codes compare case-insensitively)"#))
        #expect(error.contains(#"fixture.societes[0].tiers[1].code: "T" repeats"#))
        #expect(error.contains(#"fixture.societes[0].contacts[1].CCT_NUMERO: "1" repeats contacts[0]"#))
        #expect(error.contains("fixture.societes[1].fichier"))
        for word in ["INSERT", "UNIQUE", "SQLite", "constraint", "Fixture", "Dictionary"] { #expect(!error.contains(word)) }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() == files)
        #expect(try await Self.contactNumbers(host) == ["0000000001"])
    }

    @Test(arguments: [
        ("reset", "{", "the body is not valid JSON"),
        ("reset", #"{"fixture": 3}"#, "fixture: must be a fixture name or a fixture object, not the number 3"),
        ("reset", #"{"fixtur": "demo"}"#, "fixtur: unknown key (expected fixture or clock)"),
        ("reset", #"{"fixture": "nope"}"#, #"fixture: no fixture named "nope" (known: custom-fields, custom-fields-clients, demo, documents, ecritures, existing-contacts)"#),
        ("reset", #"{"fixture": "../demo"}"#, #"no fixture named "../demo""#),
        ("reset", #"{"clock": {"start": "31/02/2020 00:00:00"}}"#, #"clock.start: "31/02/2020 00:00:00" is not a time"#),
        ("reset", #"{"clock": {"open_seconds": -1}}"#, "clock.open_seconds: must be from 0 to 86400, not -1"),
        ("reset", #"{"fixture": {"societes": [{"fichier": "C:\\A", "utilisateurs": "DEMO"}]}}"#,
         "fixture.societes[0].utilisateurs: must be an array, not the string \"DEMO\""),
        ("clock", #"{"advance_seconds": -5}"#, "advance_seconds: must be from 0"),
        ("clock", #"{"set": "demain"}"#, #"set: "demain" is not a time written dd/MM/yyyy HH:mm:ss"#),
        ("clock", #"{"advance_seconds": 1, "set": "01/01/2020 00:00:00"}"#, "set: give advance_seconds or set, not both"),
        ("faults", #"{"action": {"status": 500}, "times": -1}"#, "times: must be from 0"),
        ("faults", #"{"action": {"explode": true}}"#, "action: unknown action explode"),
        ("faults", #"{"action": {"status": 500, "drop": true}}"#, "action.drop: does not go with"),
        ("faults", #"{"action": {"delay_ms": 10, "then": {"drop": false}}}"#, "action.then.drop: can only be true"),
        ("faults", #"{"match": {"verb": "GET"}, "action": {"drop": true}}"#, "match.verb: unknown key"),
        ("faults", #"{"times": 1}"#, "action: missing"),
        ("requests?limit=-1", "", "?limit: must be a whole number"),
    ])
    func badControlCallsNameThePathAndChangeNothing(_ path: String, _ body: String, _ expected: String) async throws {
        let host = try Self.host()
        let before = ControlRoutes.clockReading(host.clock)
        let (status, answer) = try await Self.call(host, path.hasPrefix("requests") ? "GET" : "POST", path, body)
        #expect(status == 400)
        let error = try #require(answer["error"]?.stringValue)
        #expect(error.contains(expected), "\(error)")
        #expect(host.faults.listing == ["faults": []])
        #expect(ControlRoutes.clockReading(host.clock) == before)
        #expect(host.emulator.registry.companies.map(\.path) == [#"C:\ProgramData\Gestimum\DEMO.Gestimum"#])
    }

    // MARK: Clock

    @Test func sessionsAgeWithTheEmulatorClock() async throws {
        let host = try Self.host()
        let first = try Self.response(await Self.send(host))
        let session = try #require(first.summary.session)
        #expect(try await Self.call(host, "POST", "clock", #"{"advance_seconds": 1199}"#).0 == 200)
        #expect(try Self.response(await Self.send(host, session: session, lines: ["CCT_CODE;CCT_NOM", "B;Beta"])).status == 200)
        let (_, reading) = try await Self.call(host, "POST", "clock", #"{"advance_seconds": 1201}"#)
        #expect(reading == ["now": "01/01/2020 08:40:00", "scripted": .bool(true), "open_seconds": .number("0"), "import_seconds": .number("0")])
        let expired = try Self.response(await Self.send(host, session: session, lines: ["CCT_CODE;CCT_NOM", "C;Gamma"]))
        #expect(expired.status == 403)
        #expect(String(decoding: expired.body, as: UTF8.self).contains("SessionExpired"))
        #expect(try await Self.contactNumbers(host) == ["0000000001", "0000000002"])
    }

    @Test func aSystemClockBecomesScriptedWhenSetOrAdvanced() async throws {
        let host = try Self.host(clock: SystemClock(timeZone: TimeZone(identifier: "UTC")!))
        #expect(try await Self.call(host, "GET", "clock").1["scripted"] == .bool(false))
        let (_, set) = try await Self.call(host, "POST", "clock", #"{"set": "13/09/2019 14:30:38", "open_seconds": 5, "import_seconds": 1}"#)
        #expect(set == ["now": "13/09/2019 14:30:38", "scripted": .bool(true), "open_seconds": .number("5"), "import_seconds": .number("1")])
        let answer = String(decoding: try Self.response(await Self.send(host)).body, as: UTF8.self)
        #expect(answer.contains(#""13\/09\/2019 14:30:43 Soci\u00E9t\u00E9 C:\\ProgramData\\Gestimum\\DEMO.Gestimum ouverte""#))
        // A reset without a clock goes back to the clock the server started with.
        #expect(try await Self.call(host, "POST", "reset").0 == 200)
        #expect(try await Self.call(host, "GET", "clock").1["scripted"] == .bool(false))
    }

    // MARK: Faults and the request log

    @Test func anArmed500FiresOnceThenTheImportWorks() async throws {
        let host = try Self.host()
        let (status, armed) = try await Self.call(host, "POST", "faults",
                                                  #"{"match": {"method": "post", "path": "/api/rest/contacts/\"importer\""}, "action": {"status": 500}}"#)
        #expect(status == 200)
        #expect(armed["id"] == .number("1"))
        // Version requests do not match the path.
        _ = await host.serve(EmulatorRequest(method: "GET", path: "/api/rest/Outils/%22Version%22"))
        let failed = try Self.response(await Self.send(host))
        #expect(failed.status == 500)
        #expect(String(decoding: failed.body, as: UTF8.self) == #"{"error":"Internal Server Error"}"#)
        #expect(try Self.response(await Self.send(host)).status == 200)
        #expect(try await Self.contactNumbers(host) == ["0000000001"])
        let log = try await Self.call(host, "GET", "requests").1["requests"]?.arrayValue ?? []
        #expect(log.map { $0["status"] } == [.number("200"), .number("500"), .number("200")])
        #expect(log.map { $0["fault"] } == [.null, .number("1"), .null])
        #expect(log[2]["resultat"] == "succès")
        #expect(log[2]["imported"] == .number("1"))
        #expect(log[2]["body_bytes"] == .number(String(Self.importBody(["CCT_CODE;CCT_NOM", "A;Alpha"]).count)))
        #expect(try await Self.call(host, "GET", "faults").1["faults"]?.arrayValue?.first?["hits_left"] == .number("0"))
        #expect(try await Self.call(host, "GET", "requests?limit=1").1["requests"]?.arrayValue?.count == 1)
    }

    @Test func afterTimesAndCompanyMatching() async throws {
        let host = try Self.host()
        _ = try await Self.call(host, "POST", "faults", #"{"match": {"company": "autre.gestimum"}, "action": {"status": 503}, "times": 0}"#)
        _ = try await Self.call(host, "POST", "faults", #"{"match": {"company": "DEMO.Gestimum"}, "action": {"status": 502, "body": {"x": 1}}, "times": 2, "after": 1}"#)
        var statuses: [Int] = []
        for _ in 0..<4 { statuses.append(try Self.response(await Self.send(host)).status) }
        #expect(statuses == [200, 502, 502, 200])
        #expect(try await Self.contactNumbers(host) == ["0000000001", "0000000002"])
        let listed = try await Self.call(host, "GET", "faults").1["faults"]?.arrayValue ?? []
        #expect(listed.map { $0["hits_left"] } == [.null, .number("0")])
        #expect(try await Self.call(host, "DELETE", "faults").1 == ["faults": []])
    }

    /// Faults match every import's route and read the company from that import's own root.
    @Test func pathAndCompanyMatchTheClientsImport() async throws {
        let host = try Self.host()
        func clients(_ company: String, _ code: String) async -> Served {
            let body = DataSnapJSONWriter.bytes(["importer_clients": [
                "societe": ["fichier": .string(company), "utilisateur": "DEMO"],
                "parametres": ["journal": "Oui", "entete": "Oui",
                               "fichier_clients": ["PCF_CODE;PCF_RS;CPT_NUMERO", .string("\(code);Client \(code);411\(code)")]],
            ]])
            return await host.serve(EmulatorRequest(path: "/api/rest/Clients/%22Importer%22", body: body))
        }
        _ = try await Self.call(host, "POST", "faults",
                                #"{"match": {"path": "/api/rest/clients/\"importer\"", "company": "DEMO.Gestimum"}, "action": {"status": 503}, "times": 1}"#)
        // Another route of the same company, then the route on another company: no match.
        #expect(try Self.response(await Self.send(host)).status == 200)
        #expect(try Self.response(await clients("AUTRE.Gestimum", "C1")).status == 200)
        #expect(try Self.response(await clients("DEMO.Gestimum", "C2")).status == 503)
        #expect(try Self.response(await clients("DEMO.Gestimum", "C3")).status == 200)
        let state = try await StateDocument.build(host.emulator.registry)
        let codes = (state["societes"]?.arrayValue?.first?["clients"]?.arrayValue ?? []).compactMap { $0["PCF_CODE"]?.stringValue }
        #expect(codes == ["C3"])
        let log = try await Self.call(host, "GET", "requests").1["requests"]?.arrayValue ?? []
        #expect(log.map { $0["status"] } == [.number("200"), .number("200"), .number("503"), .number("200")])
        #expect(log.map { $0["fault"] } == [.null, .null, .number("1"), .null])
        #expect(log[3]["imported"] == .number("1"))
    }

    @Test func aDelayThenADrop() async throws {
        let host = try Self.host()
        _ = try await Self.call(host, "POST", "faults", #"{"action": {"delay_ms": 50, "then": {"drop": true}}}"#)
        let started = ContinuousClock.now
        let served = await Self.send(host)
        #expect(ContinuousClock.now - started >= .milliseconds(50))
        guard case .drop = served.answer else { Issue.record("not dropped"); return }
        #expect(try await Self.contactNumbers(host).isEmpty)
        let log = try await Self.call(host, "GET", "requests").1["requests"]?.arrayValue ?? []
        #expect(log.map { $0["status"] } == [.null])
    }

    @Test func anExpiredSessionStaysExpired() async throws {
        let host = try Self.host()
        let session = try #require(try Self.response(await Self.send(host)).summary.session)
        _ = try await Self.call(host, "POST", "faults", "{\"match\": {\"session\": \"\(session)\"}, \"action\": {\"expire_session\": true}}")
        #expect(try Self.response(await Self.send(host, session: session)).status == 403)
        #expect(try Self.response(await Self.send(host, session: session)).status == 403)
        #expect(try Self.response(await Self.send(host)).status == 200)
    }

    @Test func theRequestLogKeepsTheLastThousand() async throws {
        let host = try Self.host()
        for i in 0..<1_005 { _ = await host.serve(EmulatorRequest(method: "GET", path: "/api/rest/Outils/%22Version%22?n=\(i)")) }
        let log = try await Self.call(host, "GET", "requests").1["requests"]?.arrayValue ?? []
        #expect(log.count == 1_000)
        // Oldest first: the first five went out as the last five came in.
        #expect(log.first?["path"]?.stringValue == "/api/rest/Outils/%22Version%22?n=5")
        #expect(log.last?["path"]?.stringValue == "/api/rest/Outils/%22Version%22?n=1004")
        let limited = try await Self.call(host, "GET", "requests?limit=2").1["requests"]?.arrayValue ?? []
        #expect(limited.compactMap { $0["path"]?.stringValue } == ["/api/rest/Outils/%22Version%22?n=1003", "/api/rest/Outils/%22Version%22?n=1004"])
        #expect(try await Self.call(host, "DELETE", "requests").1 == ["requests": []])
        #expect(try await Self.call(host, "POST", "reset").0 == 200)
        #expect(try await Self.call(host, "GET", "requests").1 == ["requests": []])
    }

    @Test func aResetClearsFaults() async throws {
        let host = try Self.host()
        _ = try await Self.call(host, "POST", "faults", #"{"action": {"status": 500}}"#)
        #expect(try await Self.call(host, "POST", "reset").0 == 200)
        #expect(try Self.response(await Self.send(host)).status == 200)
    }
}
