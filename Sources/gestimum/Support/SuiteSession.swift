import ArgumentParser
import Conformance
import Foundation
import GestimumEmulator
import Synchronization

/// What `run` and `record` share: loading with the exit-66 rule, running
/// with console progress, updating goldens through the guards, reports.
struct SuiteSession {
    let suite: SuiteOptions
    let target: any Target

    /// Exit status for a missing or unreadable scenario, golden or fixture file.
    static let noInput = ExitPolicy.badInput

    /// Missing or unreadable inputs exit 66 naming the file.
    static func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let problems as ScenarioProblems {
            FileHandle.standardError.write(Data(("error: \(problems)\n").utf8))
            throw Self.noInput
        }
    }

    func guarded<T>(_ body: () throws -> T) throws -> T { try Self.guarded(body) }

    func loadScenarios() throws -> [Scenario] {
        try guarded { try suite.loader.loadAll() }
    }

    /// Golden files are written by hand-reviewed updates only, never in CI.
    static func refuseInCI(_ what: String) throws {
        if ProcessInfo.processInfo.environment["CI"] != nil {
            throw ValidationError("\(what) refuses to run when CI is set: golden files are written by hand-reviewed updates only")
        }
    }

    /// Where goldens recorded from a URL target come from; nil for the emulator.
    func observation() async -> GoldenUpdate.Observation? {
        guard target is HTTPTarget else { return nil }
        let versions = await target.versions()
        let date = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        return GoldenUpdate.Observation(target: target.name, date: date, webServiceVersion: versions.webService, erpVersion: versions.erp)
    }

    /// Runs the scenarios, writing each one's console text as it ends.
    func run(_ scenarios: [Scenario], options: RunOptions, verbose: Bool, quiet: Bool = false) async -> [ScenarioResult] {
        let console = ConsoleReport(colors: isatty(STDOUT_FILENO) == 1, verbose: verbose)
        let output = ConsoleOutput()
        let runner = ConformanceRunner(target: target, options: options)
        let counts = Mutex((done: 0, failures: 0))
        let total = scenarios.count
        let results = await runner.run(scenarios) { result in
            let (done, failures) = counts.withLock { counts in
                counts.done += 1
                if result.verdict.failsRun { counts.failures += 1 }
                return (counts.done, counts.failures)
            }
            output.scenarioEnded(quiet ? nil : console.render(result), done: done, total: total, failures: failures)
        }
        output.finish()
        return results
    }

    /// Installed scenarios need a target that answers: a URL target that does
    /// not answer at all stops the run before it starts (exit 69), in seconds.
    func requireReachableTarget(timeout: Duration) async throws {
        guard let http = target as? HTTPTarget else { return }
        do { try await http.probe(timeout: timeout) } catch let error as TargetUnavailable {
            FileHandle.standardError.write(Data("error: cannot reach \(error.url): \(error.cause)\n".utf8))
            await http.shutdown()
            throw ExitPolicy.unavailable
        }
    }

    /// Closes the target's connections, under a deadline.
    func close() async {
        if let http = target as? HTTPTarget { await http.shutdown() }
    }

    /// Writes the goldens, unless a guard refuses; lists what changed.
    func update(_ results: [ScenarioResult], options: RunOptions, observation: GoldenUpdate.Observation?, allowShrink: Bool) throws {
        let runner = ConformanceRunner(target: target, options: options)
        let plan = GoldenUpdate.plan(results, golden: suite.goldenStore, observation: observation, redact: runner.redact)
        for line in plan.unrecorded { print("not recorded: \(line)") }
        if !plan.shrinks.isEmpty, !allowShrink {
            print("Refusing to update: these answers say less than the golden files (use --allow-shrink if that is intended):")
            for shrink in plan.shrinks { print("  \(shrink)") }
            throw ExitCode.failure
        }
        try plan.apply()
        let cwd = FileManager.default.currentDirectoryPath + "/"
        for write in plan.writes {
            print("\(write.change): \(write.url.path.hasPrefix(cwd) ? String(write.url.path.dropFirst(cwd.count)) : write.url.path)")
        }
        print("\(plan.writes.count) golden files written")
    }

    func writeReports(_ results: [ScenarioResult], junit: String?, json: String?) throws {
        if let junit {
            try Data(JUnitReport.xml(results, target: target.name).utf8).write(to: URL(fileURLWithPath: junit))
        }
        if let json {
            try Data(JSONPrettyWriter.string(JSONReport.document(results, target: target.name)).utf8).write(to: URL(fileURLWithPath: json))
        }
    }
}
