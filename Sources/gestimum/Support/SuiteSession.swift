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

    /// The console reporter of a run on this target.
    func console(verbose: Bool, maxFailures: Int? = nil) -> ConsoleReport {
        ConsoleReport(colors: isatty(STDOUT_FILENO) == 1, verbose: verbose, maxFailures: maxFailures, replay: Replay(target: target))
    }

    func run(_ scenarios: [Scenario], options: RunOptions, verbose: Bool, quiet: Bool = false, maxFailures: Int? = nil) async -> [ScenarioResult] {
        let console = console(verbose: verbose, maxFailures: maxFailures)
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

    /// What the reports say about the run: target, versions (the target's and the suite's), date, options.
    func runInfo(options: [(key: String, value: JSONValue)]) async -> RunInfo {
        let versions = await target.versions()
        let suiteVersion = SuiteDigest.of([URL(fileURLWithPath: suite.folders.scenarios), URL(fileURLWithPath: suite.folders.golden)])
        return RunInfo(target: target.name,
                       versions: [("web_service", versions.webService), ("erp", versions.erp), ("suite", suiteVersion)],
                       options: options)
    }

    /// Writes the asked-for reports; an unwritable file exits 73 naming it.
    func writeReports(_ results: [ScenarioResult], junit: String?, json: String?, html: String? = nil,
                      options: [(key: String, value: JSONValue)] = []) async throws {
        let replay = Replay(target: target)
        if let junit { try Self.write(JUnitReport.xml(results, target: target.name, replay: replay), to: junit, what: "JUnit report") }
        guard json != nil || html != nil else { return }
        let info = await runInfo(options: options)
        if let json { try Self.write(JSONPrettyWriter.string(JSONReport.document(results, run: info)), to: json, what: "JSON report") }
        if let html { try Self.write(HTMLReport.page(results, run: info, replay: replay), to: html, what: "HTML report") }
    }

    /// Writes a report file, or exits 73 naming it and saying why.
    static func write(_ text: String, to path: String, what: String) throws(CommandFailure) {
        try OutputFile.write(Data(text.utf8), to: path, what: what)
    }
}
