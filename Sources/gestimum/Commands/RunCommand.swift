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
            Exit status: 0 when nothing failed, 1 when something failed, 64 on bad usage, \
            66 when a scenario, golden or fixture file is missing or unreadable, 73 when a report or golden file cannot be written. \
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

    @Option(help: "The target's time zone: normalized journal times must fall within each request's flight.")
    var timeZone: TimeZoneArgument?

    @Option(help: "Seconds of clock difference allowed with --time-zone.")
    var clockSkew: Double = 2

    @Flag(help: "Rewrite the golden files from the target's answers (never in CI).")
    var update = false

    @Flag(help: "With --update: accept answers with fewer journal lines, lower counts or fewer contacts.")
    var allowShrink = false

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
        let scenarios = suite.selection.apply(all)
        var failures = ExpectedFailures()
        if let expectedFailures {
            failures = try session.guarded { try ExpectedFailures.load(URL(fileURLWithPath: expectedFailures), known: Set(all.map(\.id))) }
        }
        if !update { try session.guarded { try suite.goldenStore.check(scenarios) } }

        let options = RunOptions(
            golden: suite.goldenStore, mode: compare ?? (target.controlsClock ? .strict : .normalized), jobs: suite.jobs,
            expectedFailures: failures, companyFolder: companyFolder,
            timeZone: timeZone?.timeZone, clockSkew: clockSkew)
        var results = await session.run(scenarios, options: options, verbose: verbose, maxFailures: maxFailures)

        if update {
            try session.update(results, options: options, observation: await session.observation(), allowShrink: allowShrink)
            results = await session.run(scenarios, options: options, verbose: false, quiet: true)
        }
        try await session.writeReports(results, junit: junit, json: json, html: html, options: reportOptions(options))
        let summary = RunSummary(results)
        for line in session.console(verbose: verbose, maxFailures: maxFailures).ending(results) { print(line) }
        if !summary.succeeded { throw ExitCode.failure }
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
