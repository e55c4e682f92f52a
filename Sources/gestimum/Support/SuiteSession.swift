import ArgumentParser
import Conformance
import Foundation
import GestimumEmulator

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

    func run(_ scenarios: [Scenario], options: RunOptions, verbose: Bool, quiet: Bool = false) async -> [ScenarioResult] {
        let console = ConsoleReport(colors: isatty(STDOUT_FILENO) == 1, verbose: verbose)
        let runner = ConformanceRunner(target: target, options: options)
        return await runner.run(scenarios) { result in
            if !quiet, let text = console.render(result) { print(text) }
        }
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
        do { try plan.apply() } catch {
            throw CommandFailure.cannotWrite("cannot write the golden files: \(FailureReason.of(error))")
        }
        let cwd = FileManager.default.currentDirectoryPath + "/"
        for write in plan.writes {
            print("\(write.change): \(write.url.path.hasPrefix(cwd) ? String(write.url.path.dropFirst(cwd.count)) : write.url.path)")
        }
        print("\(plan.writes.count) golden files written")
    }

    /// Writes the reports asked for; one that cannot be written stops the command with 73.
    func writeReports(_ results: [ScenarioResult], junit: String?, json: String?) throws(CommandFailure) {
        if let junit {
            try OutputFile.write(Data(JUnitReport.xml(results, target: target.name).utf8), to: junit, what: "JUnit report")
        }
        if let json {
            try OutputFile.write(Data(JSONPrettyWriter.string(JSONReport.document(results, target: target.name)).utf8), to: json, what: "JSON report")
        }
    }
}
