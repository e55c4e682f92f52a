import ArgumentParser
import Conformance
import Foundation

/// `gestimum record`: goldens recorded from a live implementation, marked
/// `provenance: observed` with the target, the date and its versions.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Run scenarios against a live implementation and write its answers as observed goldens.",
        discussion: "Goes through the same guards as `run --update`: refused when CI is set, and answers that say less than the goldens need --allow-shrink."
    )

    @OptionGroup var suite: SuiteOptions

    @Option(help: "The implementation's base URL, e.g. http://gestimum.local:8080.")
    var target: TargetAddress

    @Option(help: "The target's company folder, recorded as C:\\ProgramData\\Gestimum.")
    var companyFolder: String?

    @Flag(help: "Accept answers with fewer journal lines, lower counts or fewer contacts than the goldens.")
    var allowShrink = false

    func validate() throws {
        try SuiteSession.refuseInCI("record")
        if target == .emulator { throw ValidationError("record takes a URL; use `run --update` for the emulator") }
    }

    func run() async throws {
        let target = suite.makeTarget(self.target)
        let session = SuiteSession(suite: suite, target: target)
        let scenarios = suite.selection.apply(try session.loadScenarios())
        let observation = await session.observation()
        print("Recording \(scenarios.count) scenarios from \(target.name) (Version \(observation?.webServiceVersion ?? "?"), VersionERP \(observation?.erpVersion ?? "?"))")
        let options = RunOptions(golden: suite.goldenStore, mode: .normalized, jobs: suite.jobs, companyFolder: companyFolder)
        let results = await session.run(scenarios, options: options, verbose: false, quiet: true)
        try session.update(results, options: options, observation: observation, allowShrink: allowShrink)
        let summary = RunSummary(await session.run(scenarios, options: options, verbose: false))
        print(summary.closingLine)
        if !summary.succeeded { throw ExitCode.failure }
    }
}
