import ArgumentParser
import Conformance
import Foundation
import GestimumEmulator
import Testing
@testable import gestimum

/// The CLI's own types: arguments parsed by the argument parser, and the
/// exit policy's mapping from the libraries' errors.
@Suite("CLI options and exit policy")
struct OptionTests {
    @Test func shardParsesKOverN() throws {
        let shard = try #require(Shard(argument: "2/4"))
        #expect((shard.index, shard.count) == (2, 4))
        for bad in ["0/2", "3/2", "2", "a/b", "1/0", ""] { #expect(Shard(argument: bad) == nil, "\(bad)") }
    }

    @Test func timeZoneLogLevelAndTargetAreParsedByTheArgumentParser() throws {
        #expect(TimeZoneArgument(argument: "Europe/Paris")?.timeZone.identifier == "Europe/Paris")
        #expect(TimeZoneArgument(argument: "Mars/Olympus_Mons") == nil)
        #expect(LogLevelArgument(argument: "debug")?.level == .debug)
        #expect(LogLevelArgument(argument: "loud") == nil)
        #expect(LogLevelArgument.allValueStrings == ["trace", "debug", "info", "notice", "warning", "error", "critical"])
        #expect(TargetAddress(argument: "emulator") == .emulator)
        #expect(TargetAddress(argument: "http://127.0.0.1:8080") == .url(URL(string: "http://127.0.0.1:8080")!))
        for bad in ["ftp://example.org", "127.0.0.1:8080", "http://", "Emulator"] { #expect(TargetAddress(argument: bad) == nil, "\(bad)") }
    }

    @Test func usageErrorsComeFromParsing() throws {
        #expect(throws: (any Error).self) { try RunCommand.parse(["--shard", "3/2"]) }
        #expect(RunCommand.exitCode(for: catching { try RunCommand.parse(["--shard", "3/2"]) }) == ExitPolicy.usage)
        #expect(ServeCommand.exitCode(for: catching { try ServeCommand.parse(["--log-level", "loud"]) }) == ExitPolicy.usage)
        let run = try RunCommand.parse(["--shard", "2/4", "--time-zone", "Europe/Paris", "--target", "http://127.0.0.1:1"])
        #expect(run.suite.selection == ScenarioSelection(shard: (2, 4)))
        #expect(run.target == .url(URL(string: "http://127.0.0.1:1")!))
    }

    @Test func theExitPolicyMapsEachProblemToOneStatus() {
        #expect(ExitPolicy.failure(for: DataFolderError.missing(folder: "/x"))?.status == ExitPolicy.badInput)
        #expect(ExitPolicy.failure(for: DataFolderError.unreadable(file: "/x", reason: "r"))?.status == ExitPolicy.badInput)
        #expect(ExitPolicy.failure(for: DataFolderError.unwritable(path: "/x", reason: "r"))?.status == ExitPolicy.cannotWrite)
        #expect(ExitPolicy.failure(for: ScenarioProblems([ScenarioError(file: "f", "missing or unreadable")]))?.status == ExitPolicy.badInput)
        #expect(ExitPolicy.failure(for: FixtureError(problems: ["p"]))?.status == ExitPolicy.badInput)
        #expect(ExitPolicy.failure(for: CommandFailure.unavailable("u"))?.status == ExitPolicy.unavailable)
        #expect(ExitPolicy.failure(for: ValidationError("usage")) == nil)
        #expect(ExitPolicy.failure(for: ExitCode(1)) == nil)
    }

    private func catching(_ body: () throws -> Void) -> any Error {
        do { try body() } catch { return error }
        return CancellationError()
    }
}
