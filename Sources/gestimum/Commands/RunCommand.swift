import ArgumentParser
import Conformance
import Foundation
import GestimumEmulator

/// `gestimum run`: the conformance suite against a target.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay the scenarios against a target and compare the answers with the golden files.",
        discussion: """
            Exit status: 0 when nothing failed and nothing was skipped, 1 when something failed or \
            was skipped (--allow-skips lets skips pass), 64 on bad usage and when no scenario matches \
            the selection, 66 when a scenario, golden or fixture file is missing, unreadable or invalid \
            (an unknown key, a golden file no step produces, a golden folder without a scenario), \
            69 when the target cannot be reached (refused at the start, or 3 scenarios in a row \
            without an answer: the run stops there), 73 when a report or golden file cannot be written. \
            The output ends with the distinct differences, the conformance line per provenance, the expected \
            failures (when listed) and `N passed, N failed`.
            """
    )

    @OptionGroup var suite: SuiteOptions

    @Option(help: "emulator (in-process) or the base URL of an implementation, e.g. http://127.0.0.1:8080.")
    var target: TargetAddress = .emulator

    @Option(help: "Journal timestamps: strict or normalized. Default: strict for the emulator, normalized for a URL.")
    var compare: ComparisonMode?

    @Option(help: "File listing scenario ids expected to fail, one per line with a # reason.")
    var expectedFailures: String?

    @Option(help: "Write a JUnit XML report here.")
    var junit: String?

    @Option(help: "Write a JSON report here.")
    var json: String?

    @Option(help: "Write a self-contained HTML report here.")
    var html: String?

    @Option(help: "Show the blocks of the first N failing scenarios only (the distinct differences still cover all).")
    var maxFailures: Int?

    @Option(help: "The target's company folder, compared as C:\\ProgramData\\Gestimum.")
    var companyFolder: String?

    @Option(help: "The target's time zone: normalized journal times must fall within each request's flight (in scripted time when the runner installed the scenario's clock).")
    var timeZone: TimeZoneArgument?

    @Option(help: "Seconds of clock difference allowed with --time-zone.")
    var clockSkew: Double = 2

    @Flag(help: "Rewrite the golden files from the target's answers (never in CI).")
    var update = false

    @Flag(help: "With --update: accept answers with fewer journal lines, lower counts or fewer contacts.")
    var allowShrink = false

    @Flag(help: "Skipped scenarios do not fail the run (exit 0 when nothing failed).")
    var allowSkips = false

    @Flag(help: "Also list passing scenarios.")
    var verbose = false

    func validate() throws {
        if update { try SuiteSession.refuseInCI("--update") }
        if !clockSkew.isFinite || clockSkew < 0 { throw ValidationError("--clock-skew must be a number of seconds, 0 or more") }
        if allowShrink, !update { throw ValidationError("--allow-shrink goes with --update") }
        if let maxFailures, maxFailures < 0 { throw ValidationError("--max-failures must be 0 or more") }
    }

    func run() async throws {
        let target = suite.makeTarget(self.target)
        let session = SuiteSession(suite: suite, target: target)
        let all = try session.loadScenarios()
        try session.guarded { () throws -> Void in
            let stray = suite.goldenStore.strayFiles(all)
            if !stray.isEmpty { throw ScenarioProblems(stray) }
        }
        let scenarios = suite.selection.apply(all)
        guard !scenarios.isEmpty else {
            let what = all.isEmpty ? "\(suite.folders.scenarios) holds no scenario" : "no scenario matches \(suite.selectionDescription) (of \(all.count) scenarios)"
            FileHandle.standardError.write(Data("error: \(what): nothing to run\n".utf8))
            throw ExitPolicy.usage
        }
        var failures = ExpectedFailures()
        if let expectedFailures {
            failures = try session.guarded { try ExpectedFailures.load(URL(fileURLWithPath: expectedFailures), known: Set(all.map(\.id))) }
        }
        if !update { try session.guarded { try suite.goldenStore.check(scenarios) } }
        try await session.requireReachableTarget(timeout: .seconds(10))

        let options = RunOptions(
            golden: suite.goldenStore, mode: compare ?? (target.controlsClock ? .strict : .normalized), jobs: suite.jobs,
            expectedFailures: failures, companyFolder: companyFolder,
            timeZone: timeZone?.timeZone, clockSkew: clockSkew)
        var results = await session.run(scenarios, options: options, verbose: verbose, maxFailures: maxFailures)
        let stopped = ConformanceRunner.stoppedEarly(results, of: scenarios.count)

        if update, !stopped {
            do {
                try session.update(results, options: options, observation: await session.observation(), allowShrink: allowShrink)
            } catch {
                await session.close()
                throw error
            }
            results = await session.run(scenarios, options: options, verbose: false, quiet: true)
        }
        try await session.writeReports(results, junit: junit, json: json, html: html, options: reportOptions(options))
        await session.close()
        let summary = RunSummary(results)
        if stopped {
            let cause = results.last?.differences.first { $0.kind == .unavailable }?.actual ?? target.name
            print("Run stopped: \(ConformanceRunner.unavailableLimit) scenarios in a row got no answer (\(cause)); "
                  + "\(scenarios.count - results.count) of \(scenarios.count) scenarios were not run.")
        }
        for line in session.console(verbose: verbose, maxFailures: maxFailures).ending(results) { print(line) }
        if stopped { throw ExitPolicy.unavailable }
        if !summary.succeeded || (summary.skipped > 0 && !allowSkips) { throw ExitPolicy.failures }
    }

    /// The options a report records: those that shape the verdicts.
    private func reportOptions(_ options: RunOptions) -> [(key: String, value: JSONValue)] {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return [
            ("scenarios", .string(suite.folders.scenarios)), ("golden", .string(suite.folders.golden)),
            ("compare", .string(options.mode.rawValue)), ("filter", text(suite.filter)),
            ("tags", .array(suite.tag.map(JSONValue.string))), ("shard", text(suite.shard?.defaultValueDescription)),
            ("expected_failures", text(expectedFailures)), ("company_folder", text(companyFolder)),
            ("time_zone", text(timeZone?.timeZone.identifier)), ("clock_skew", .number(String(clockSkew))),
        ]
    }
}
