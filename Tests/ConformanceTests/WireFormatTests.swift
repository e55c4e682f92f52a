import Conformance
import Foundation
import GestimumEmulator
import Testing

/// The wire check: one test per deviation from DataSnap's format, and an
/// emulator copy that writes `/` unescaped failing the suite with `wire` differences.
@Suite("Wire format")
struct WireFormatTests {
    static let pragma = ("Pragma", "dssession=123.4567.89,dssessionexpires=1200000")
    static let good = #"{"result":[{"resultat":"succ\u00E8s","message":"01\/01\/2020 \"x\" \\ \u001F"}]}"#

    static func answer(_ body: String, status: Int = 200, headers: [(String, String)] = [("Content-Type", "application/json"), pragma]) -> StepResponse {
        StepResponse(EmulatorResponse(status: status, headers: headers.map { (name: $0.0, value: $0.1) }, body: Array(body.utf8)),
                     sentAt: Date(), receivedAt: Date())
    }

    static func onlyWire(_ response: StepResponse) throws -> Difference {
        let differences = WireFormat.differences(response, step: 1)
        #expect(differences.count == 1, "\(differences)")
        let difference = try #require(differences.first)
        #expect(difference.kind == .wire)
        return difference
    }

    @Test func dataSnapsOwnFormatPasses() {
        #expect(WireFormat.differences(Self.answer(Self.good), step: 1) == [])
    }

    @Test func anUnescapedSlashIsShownWithItsBytes() throws {
        let difference = try Self.onlyWire(Self.answer(#"{"result":[{"message":"01/01\/2020"}]}"#))
        #expect(difference.path == "body")
        #expect(difference.expected == #"/ written \/"#)
        #expect(difference.actual == #"byte 25: …"result":[{"message":"01>>/<<01\/2020"}]}"#)
    }

    @Test func lowercaseHexIsADeviation() throws {
        let difference = try Self.onlyWire(Self.answer(#"{"resultat":"succ\u00e8s"}"#))
        #expect(difference.expected.contains("uppercase hex"))
        #expect(difference.actual.contains(#">>\u00e8<<"#))
    }

    @Test func rawUTF8IsADeviation() throws {
        let difference = try Self.onlyWire(Self.answer(#"{"resultat":"succès"}"#))
        #expect(difference.expected.contains("ASCII only"))
        #expect(difference.actual == #"byte 17: {"resultat":"succ>>\xC3<<\xA8s"}"#)
    }

    @Test func aPrettyPrintedBodyIsADeviation() throws {
        let difference = try Self.onlyWire(Self.answer("{\n  \"result\": []\n}"))
        #expect(difference.expected.contains("compact"))
        #expect(difference.actual.hasPrefix(#"byte 1: {>>\x0A<<"#))
    }

    @Test func aCharsetIsADeviation() throws {
        let difference = try Self.onlyWire(Self.answer(Self.good, headers: [("Content-Type", "application/json; charset=utf-8"), Self.pragma]))
        #expect(difference.path == "Content-Type")
        #expect(difference.actual == "Content-Type: application/json; charset=utf-8")
    }

    @Test func aMissingPragmaIsADeviationExceptOn403And413() throws {
        let difference = try Self.onlyWire(Self.answer(Self.good, headers: [("Content-Type", "application/json")]))
        #expect(difference.path == "Pragma")
        #expect(difference.actual == "(no Pragma header)")
        for status in [403, 413] {
            #expect(WireFormat.differences(Self.answer(Self.good, status: status, headers: [("Content-Type", "application/json")]), step: 1) == [])
        }
        let wrongExpiry = Self.answer(Self.good, headers: [("Content-Type", "application/json"), ("Pragma", "dssession=1.2.3,dssessionexpires=600000")])
        #expect(try Self.onlyWire(wrongExpiry).path == "Pragma")
    }

    @Test func shorthandAndNeedlessEscapesAreDeviations() throws {
        #expect(try Self.onlyWire(Self.answer(#"{"m":"a\nb"}"#)).actual.contains(#">>\n<<"#))
        #expect(try Self.onlyWire(Self.answer(#"{"m":"\u0041"}"#)).expected.contains("(A)"))
    }

    /// The emulator, except that its answers write `/` where DataSnap writes `\/`.
    struct SlashUnescapingEmulator: Target {
        let inner = EmulatorTarget()
        var name: String { "emulator writing /" }
        var controlsClock: Bool { true }
        var checksContentType: Bool { true }
        var checksWireFormat: Bool { true }
        var runsScenariosConcurrently: Bool { true }

        func begin(_ scenario: Scenario) async throws -> TargetRun {
            guard case let .ready(session) = try await inner.begin(scenario) else { return try await inner.begin(scenario) }
            return .ready(Session(inner: session))
        }

        func versions() async -> (webService: String?, erp: String?) { await inner.versions() }

        struct Session: TargetSession {
            let inner: any TargetSession
            func send(_ request: EmulatorRequest) async throws -> StepResponse {
                var response = try await inner.send(request)
                response.response.body = Array(String(decoding: response.body, as: UTF8.self).replacingOccurrences(of: #"\/"#, with: "/").utf8)
                return response
            }
            func state() async throws -> JSONValue? { try await inner.state() }
            func advanceClock(by seconds: Double) async throws -> String? { try await inner.advanceClock(by: seconds) }
            var installedClock: ScenarioClock? { inner.installedClock }
        }
    }

    @Test func anEmulatorLeavingSlashesUnescapedFailsWithWireDifferences() async throws {
        // Every scenario whose answers hold a slash (journal dates, paths): most of the suite.
        let scenarios = try SuiteLocation.loader.loadAll().filter { scenario in
            (1...scenario.steps.count).contains { step in
                (try? String(contentsOf: SuiteLocation.golden.responseURL(scenario.id, step: step), encoding: .utf8))?.contains("/") == true
            }
        }
        #expect(scenarios.count > 100)
        let options = RunOptions(golden: SuiteLocation.golden, mode: .strict, jobs: 2)
        let broken = await ConformanceRunner(target: SlashUnescapingEmulator(), options: options).run(scenarios)
        let faithful = await ConformanceRunner(target: EmulatorTarget(), options: options).run(scenarios)
        #expect(faithful.allSatisfy { $0.verdict == .passed })
        for result in broken {
            #expect(result.verdict == .failed, "\(result.scenario.id) passed although its dates are written 01/01/2020")
            #expect(!result.differences.isEmpty && result.differences.allSatisfy { $0.kind == .wire }, "\(result.scenario.id): \(result.differences)")
            #expect(result.differences.first?.actual.contains(">>/<<") == true)
        }
    }
}
