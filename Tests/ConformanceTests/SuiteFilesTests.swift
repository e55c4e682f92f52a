import Conformance
import Foundation
import GestimumEmulator
import Testing

/// Strict suite files (a typo must not silently test a default), the
/// `advance_seconds` step key, and `--time-zone` against a scripted clock.
@Suite("Suite files and time")
struct SuiteFilesTests {
    static let seed = "documented/seed-example"
    static let kept = "sessions/session-kept-after-1200-seconds"
    static let expired = "sessions/session-expired-after-1201-seconds"

    static func problems(_ body: () throws -> Void) -> [ScenarioError] {
        do { try body() } catch let problems as ScenarioProblems { return problems.errors } catch { Issue.record("\(error)") }
        return []
    }

    @Test func theProjectsSuiteIsClean() throws {
        let all = try SuiteLocation.loader.loadAll()
        #expect(SuiteLocation.golden.strayFiles(all).map(\.description) == [])
    }

    @Test func anUnknownKeyIsNamedWithItsFile() throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        let file = suite.scenarios.appendingPathComponent(Self.seed).appendingPathComponent("scenario.json")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: #""fixture": "demo""#, with: #""fixtur": "demo""#)
            .replacingOccurrences(of: #""request": "request.json""#, with: #""request": "request.json", "stauts": 200"#)
        try Data(text.utf8).write(to: file)
        let errors = Self.problems { _ = try suite.loader.loadAll() }
        #expect(errors.allSatisfy { $0.file == file.path })
        #expect(errors.contains { $0.problem.hasPrefix(#"unknown key "fixtur""#) })
        #expect(errors.contains { $0.problem.hasPrefix(#"unknown key "steps[0].stauts""#) })
        #expect(errors.count == 2)
    }

    @Test func anUnknownClockKeyIsAnError() throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        let file = suite.scenarios.appendingPathComponent(Self.seed).appendingPathComponent("scenario.json")
        try Data(#"{"title": "t", "provenance": "inferred", "clock": {"open_second": 5}, "steps": [{"request": "request.json", "advance_seconds": -1}]}"#.utf8).write(to: file)
        let errors = Self.problems { _ = try suite.loader.loadAll() }
        #expect(errors.map(\.problem).contains { $0.hasPrefix(#"unknown key "clock.open_second""#) })
        #expect(errors.map(\.problem).contains("steps[0].advance_seconds must be a number of seconds, 0 or more"))
    }

    @Test func goldenFilesNoStepProducesAndOrphanFoldersAreNamed() throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        let folder = suite.goldenRoot.appendingPathComponent(Self.seed)
        let fm = FileManager.default
        try fm.copyItem(at: folder.appendingPathComponent("response.json"), to: folder.appendingPathComponent("response-3.json"))
        try fm.copyItem(at: folder, to: suite.goldenRoot.appendingPathComponent("documented/renamed-away"))
        let errors = suite.golden.strayFiles(try suite.loader.loadAll())
        #expect(errors.map(\.file) == [
            suite.goldenRoot.appendingPathComponent("documented/renamed-away").path,
            folder.appendingPathComponent("response-3.json").path,
        ])
        #expect(errors.first?.problem.contains("without a scenario") == true)
        #expect(errors.last?.problem.contains("1 step") == true)
    }

    @Test func advanceSecondsAgesTheSessionInProcess() async throws {
        let suite = try TemporarySuite(copying: [Self.kept, Self.expired])
        defer { suite.remove() }
        let scenarios = try suite.loader.loadAll()
        #expect(scenarios.map { $0.steps.map(\.advanceSeconds) } == [[nil, 1201], [nil, 1200]])
        let results = try await suite.run()
        #expect(results.map(\.verdict) == [.passed, .passed], "\(results.map { ConsoleReport(colors: false).render($0) ?? "" })")
        #expect(results.map { $0.responses.map(\.status) } == [[200, 403], [200, 200]])
    }

    @Test func timeZoneComparesWithTheScriptedClockTheRunnerInstalled() async throws {
        let suite = try TemporarySuite(copying: [Self.kept, "journal/clock-continues-across-steps", Self.seed])
        defer { suite.remove() }
        let scenarios = try suite.loader.loadAll()
        for timeZone in ["Europe/Paris", "UTC", "Pacific/Auckland"] {
            let options = RunOptions(golden: suite.golden, mode: .normalized, timeZone: TimeZone(identifier: timeZone)!, clockSkew: 0)
            let results = await ConformanceRunner(target: EmulatorTarget(), options: options).run(scenarios)
            #expect(results.allSatisfy { $0.verdict == .passed }, "\(timeZone): \(results.map { ConsoleReport(colors: false).render($0) ?? "" })")
        }
    }

    /// The emulator, but its journals are an hour ahead of the clock the runner installed.
    struct HourAheadEmulator: Target {
        let inner = EmulatorTarget()
        var name: String { "emulator an hour ahead" }
        var controlsClock: Bool { true }
        var checksContentType: Bool { true }
        var runsScenariosConcurrently: Bool { true }
        func versions() async -> (webService: String?, erp: String?) { await inner.versions() }
        func begin(_ scenario: Scenario) async throws -> TargetRun {
            var shifted = scenario
            shifted.clock.startDate = scenario.clock.startDate.addingTimeInterval(3600)
            guard case let .ready(session) = try await inner.begin(shifted) else { return try await inner.begin(scenario) }
            return .ready(Session(inner: session, installedClock: scenario.clock))
        }
        struct Session: TargetSession {
            let inner: any TargetSession
            let installedClock: ScenarioClock?
            func send(_ request: EmulatorRequest) async throws -> StepResponse { try await inner.send(request) }
            func state() async throws -> JSONValue? { try await inner.state() }
        }
    }

    @Test func journalTimesOutsideTheScriptedFlightFail() async throws {
        let suite = try TemporarySuite(copying: [Self.seed])
        defer { suite.remove() }
        let options = RunOptions(golden: suite.golden, mode: .normalized, timeZone: TimeZone(identifier: "Europe/Paris")!)
        let result = await ConformanceRunner(target: HourAheadEmulator(), options: options).run(try suite.loader.load(id: Self.seed))
        #expect(result.verdict == .failed)
        #expect(result.differences.map(\.kind) == [.journal], "\(result.differences)")
    }
}
