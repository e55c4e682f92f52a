import AsyncHTTPClient
import Conformance
import Foundation
import GestimumEmulator
import GestimumServer
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@Suite("HTTP server on loopback", .serialized)
struct ServerTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let loader = ScenarioLoader(root: repository.appendingPathComponent("Scenarios"))
    static let golden = GoldenStore(root: repository.appendingPathComponent("Golden"))
    static let importPath = "/api/rest/Contacts/%22Importer%22"

    static func post(_ base: URL, _ path: String = importPath, body: [UInt8], headers: [(String, String)] = []) async throws -> StepResponse {
        let target = HTTPTarget(baseURL: base, fixturesFolder: loader.fixturesFolder)
        return try await target.exchange(method: "POST", path: path, headers: headers, body: body)
    }

    /// Runs the server in HummingbirdTesting's live mode (a free loopback
    /// port) for the duration of `body`, which gets its base URL and host.
    static func serving<T: Sendable>(
        fixture: Fixture = .demo, clock: any EmulatorClock = ScriptedClock()!, maxBodySize: Int = Emulator.defaultMaxBodySize,
        control: Bool = true, _ body: @Sendable (URL, EmulatorHost) async throws -> T
    ) async throws -> T {
        let logger = Logger(label: "test.server", factory: { _ in SwiftLogNoOpLogHandler() })
        let emulator = Emulator(registry: try CompanyRegistry(fixture: fixture), clock: clock, sessionIDs: .seeded(),
                                logger: logger, maxBodySize: maxBodySize)
        let host = EmulatorHost(emulator, dataFolder: nil, logger: logger)
        let configuration = ServerConfiguration(maxBodySize: maxBodySize, control: control)
        let app = EmulatorServer.application(host: host, configuration: configuration, logger: logger)
        return try await app.test(.live) { client in
            let port = try #require(client.port)
            return try await body(URL(string: "http://localhost:\(port)")!, host)
        }
    }

    @Test func theWholeSuiteGivesTheSameVerdictsOverHTTP() async throws {
        let scenarios = try Self.loader.loadAll()
        let inProcess = await ConformanceRunner(target: EmulatorTarget(), options: RunOptions(golden: Self.golden, mode: .strict, jobs: 2)).run(scenarios)
        let overHTTP = try await Self.serving { base, _ in
            let target = HTTPTarget(baseURL: base, fixturesFolder: Self.loader.fixturesFolder)
            return await ConformanceRunner(target: target, options: RunOptions(golden: Self.golden, mode: .strict)).run(scenarios)
        }
        #expect(overHTTP.count == inProcess.count)
        // The wire check is on for URL targets: passing means DataSnap's bytes and headers too,
        // and the control API moves the server's clock for the advance_seconds scenarios.
        for (local, remote) in zip(inProcess, overHTTP) {
            #expect(local.verdict == remote.verdict, "\(remote.scenario.id): \(ConsoleReport(colors: false).render(remote) ?? "")")
        }
        #expect(RunSummary(overHTTP).closingLine == "\(scenarios.count) passed, 0 failed")
    }

    @Test func theWireFormatOnRawBytes() async throws {
        let body = try Self.loader.load(id: "documented/seed-example").steps[0].body
        let response = try await Self.serving { base, _ in try await Self.post(base, body: body) }
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        let pragma = try #require(response.header("Pragma"))
        #expect(pragma.wholeMatch(of: /dssession=\d{1,6}\.\d{1,6}\.\d{1,6},dssessionexpires=1200000/) != nil)
        #expect(response.body.allSatisfy { $0 < 0x80 })
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.hasPrefix(#"{"result":[{"resultat":"succ\u00E8s","message":"termin\u00E9","journal":["01\/01\/2020 08:00:00 Ouverture de la soci\u00E9t\u00E9 C:\\ProgramData\\Gestimum\\DEMO.Gestimum","#))
        #expect(text.hasSuffix(#""statistiques":{"nombre_lignes_import\u00E9es":"3","nombre_lignes_non_import\u00E9es":"0"}}]}"#))
        #expect(!text.contains(" :\""))
    }

    /// Answers over one MiB go to the wire in pieces (D66): the same bytes as in process, with their length.
    @Test func aLargeAnswerComesInPiecesWithTheSameBytes() async throws {
        let lines = ["CCT_CODE;CCT_NOM"] + (0..<40_000).map { "C\($0);" }
        let body = Array(#"{"importer_contacts":{"societe":{"fichier":"DEMO.Gestimum","utilisateur":"DEMO"},"parametres":{"journal":"Oui","fichier_contacts":"#.utf8)
            + DataSnapJSONWriter.bytes(.array(lines.map(JSONValue.string))) + Array("}}}".utf8)
        let local = await Emulator(registry: try CompanyRegistry(fixture: .demo), clock: ScriptedClock()!, sessionIDs: .seeded())
            .handle(EmulatorRequest(body: body))
        #expect(local.body.count > EmulatorServer.responseChunk)
        let remote = try await Self.serving { base, _ in try await Self.post(base, body: body) }
        #expect(remote.status == 200)
        #expect(remote.header("Content-Length") == String(local.body.count))
        #expect(remote.body == local.body)
    }

    @Test func aBodyOverTheLimitGets413BeforeAnyWork() async throws {
        let body = Array(repeating: UInt8(ascii: " "), count: 5_000)
        let (response, state) = try await Self.serving(maxBodySize: 4_096) { base, host in
            (try await Self.post(base, body: body), try await StateDocument.build(host.emulator.registry))
        }
        #expect(response.status == 413)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":"Le corps de la requ\u00EAte d\u00E9passe la taille maximale (4096 octets)"}"#)
        #expect(state["societes"]?.arrayValue?.first?["contacts"]?.arrayValue?.isEmpty == true)
    }

    @Test func theControlAPIIsOffByDefault() async throws {
        let response = try await Self.serving(control: false) { base, _ in
            try await HTTPTarget(baseURL: base, fixturesFolder: Self.loader.fixturesFolder).exchange(method: "GET", path: "/_emulator/state", body: nil)
        }
        #expect(response.status == 404)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":"\/_emulator\/state not found"}"#)
    }

    @Test func aHealthProbeFiresNoFaultAndIsNotLogged() async throws {
        let version = "/api/rest/Outils/%22Version%22"
        let (probe, plain, log) = try await Self.serving { base, _ in
            let target = HTTPTarget(baseURL: base, fixturesFolder: Self.loader.fixturesFolder)
            let armed = try await target.exchange(method: "POST", path: "/_emulator/faults", body: Array(#"{"match": {}, "action": {"status": 503}}"#.utf8))
            #expect(armed.status == 200)
            let probe = try await target.exchange(method: "GET", path: version, headers: [(EmulatorServer.probeHeader.rawName, "1")], body: nil)
            let plain = try await target.exchange(method: "GET", path: version, body: nil)
            let log = try JSONParser.parse(try await target.exchange(method: "GET", path: "/_emulator/requests", body: nil).body)
            return (probe, plain, log)
        }
        #expect(probe.status == 200)
        #expect(String(decoding: probe.body, as: UTF8.self).contains("succ"))
        #expect(probe.header("Pragma") == nil)
        #expect(plain.status == 503)
        #expect(log["requests"]?.arrayValue?.map { $0["status"] } == [.number("503")])
    }

    @Test func withoutControlOrSetupCommandScenariosAreSkippedWithTheReason() async throws {
        let scenario = try Self.loader.load(id: "documented/seed-example")
        let result = try await Self.serving(control: false) { base, _ in
            await ConformanceRunner(target: HTTPTarget(baseURL: base, fixturesFolder: Self.loader.fixturesFolder),
                                    options: RunOptions(golden: Self.golden, mode: .normalized)).run(scenario)
        }
        guard case let .skipped(reason) = result.verdict else { Issue.record("not skipped: \(result.verdict)"); return }
        #expect(reason.contains("no control API"))
    }

    @Test func fiftyParallelImportsOnOneCompanyLoseAndDoubleNothing() async throws {
        let numbers = try await Self.serving(clock: SystemClock()) { base, host in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for batch in 0..<50 {
                    group.addTask {
                        let lines = ["CCT_CODE;CCT_NOM"] + (0..<100).map { "B\(batch)C\($0);Contact \(batch)-\($0)" }
                        let request: JSONValue = ["importer_contacts": [
                            "societe": ["fichier": "DEMO.Gestimum", "utilisateur": "DEMO"],
                            "parametres": ["statistiques": "Oui", "entete": "Oui", "fichier_contacts": .array(lines.map(JSONValue.string))],
                        ]]
                        let response = try await Self.post(base, body: DataSnapJSONWriter.bytes(request))
                        return ImportAnswer(try JSONParser.parse(response.body))?.statistics?.imported ?? -1
                    }
                }
                var imported = 0
                for try await count in group { imported += count }
                #expect(imported == 5_000)
                let state = try await StateDocument.build(host.emulator.registry)
                return (state["societes"]?.arrayValue?.first?["contacts"]?.arrayValue ?? []).map { contact in
                    (contact["CCT_NUMERO"]?.stringValue ?? "", contact["CCT_CODE"]?.stringValue ?? "")
                }
            }
        }
        #expect(numbers.count == 5_000)
        #expect(numbers.map(\.0) == (1...5_000).map { String(format: "%010d", $0) })
        #expect(Set(numbers.map(\.1)).count == 5_000)
    }

    @Test func aResetInstallsAFixtureAndAScriptedClock() async throws {
        let fixture = try ScenarioLoader.readJSON(Self.loader.fixturesFolder.appendingPathComponent("existing-contacts.json"))
        let reset: JSONValue = ["fixture": fixture, "clock": ["start": "13/09/2019 14:30:38", "open_seconds": .number("5"), "import_seconds": .number("1")]]
        let (status, state, answer) = try await Self.serving(clock: SystemClock()) { base, _ in
            let target = HTTPTarget(baseURL: base, fixturesFolder: Self.loader.fixturesFolder)
            let status = try await target.exchange(method: "POST", path: "/_emulator/reset", body: DataSnapJSONWriter.bytes(reset)).status
            let state = try JSONParser.parse(try await target.exchange(method: "GET", path: "/_emulator/state", body: nil).body)
            let body = try Self.loader.load(id: "documented/seed-example").steps[0].body
            return (status, state, String(decoding: try await Self.post(base, body: body).body, as: UTF8.self))
        }
        #expect(status == 200)
        let numbers = state["societes"]?.arrayValue?.first?["contacts"]?.arrayValue?.compactMap { $0["CCT_NUMERO"]?.stringValue }
        #expect(numbers == ["0000000007", "0000000041"])
        #expect(answer.contains(#""13\/09\/2019 14:30:44 Nombre de lignes import\u00E9es : 3""#))
    }

    @Test(.timeLimit(.minutes(1))) func aServerThatDiesMidRunStopsItAfterThreeUnansweredScenarios() async throws {
        let scenarios = Array(try Self.loader.loadAll().filter { $0.group == "fields" }.prefix(10))
        let logger = Logger(label: "test.server", factory: { _ in SwiftLogNoOpLogHandler() })
        let host = EmulatorHost(Emulator(registry: try CompanyRegistry(fixture: .demo), clock: ScriptedClock()!, sessionIDs: .seeded(), logger: logger),
                                dataFolder: nil, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = EmulatorServer.application(host: host, configuration: ServerConfiguration(port: 0, control: true), logger: logger) {
            continuation.yield($0)
        }
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let target = HTTPTarget(baseURL: URL(string: "http://127.0.0.1:\(port)")!, fixturesFolder: Self.loader.fixturesFolder, timeout: .seconds(2))
        let results = await ConformanceRunner(target: target, options: RunOptions(golden: Self.golden, mode: .normalized))
            .run(scenarios) { result in
                // The server goes away once three scenarios have passed.
                if result.verdict == .passed, result.scenario.id == scenarios[2].id { server.cancel() }
            }
        await target.shutdown()
        #expect(results.prefix(3).allSatisfy { $0.verdict == .passed })
        #expect(results.suffix(3).allSatisfy { $0.targetUnavailable }, "\(results.map { ($0.scenario.id, $0.differences.map(\.actual)) })")
        #expect(ConformanceRunner.stoppedEarly(results, of: scenarios.count))
        #expect(results.count < scenarios.count)
    }
}
