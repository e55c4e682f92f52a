import Conformance
import Foundation
import GestimumEmulator
import Testing

/// A run never hangs: targets that refuse, never answer or close in the
/// middle of an answer end each request within `--request-timeout` (short
/// here), with a cause a person can read. Each test finishing in seconds is
/// the proof of the deadline; the time limit only stops a regression from
/// hanging `swift test`.
@Suite("Deadlines", .serialized, .timeLimit(.minutes(1)))
struct DeadlineTests {
    static let seed = "documented/seed-example"

    static func target(_ url: URL, timeout: Duration = .seconds(1)) -> HTTPTarget {
        HTTPTarget(baseURL: url, setupCommand: "true", fixturesFolder: SuiteLocation.loader.fixturesFolder, timeout: timeout)
    }

    /// No Swift type names, no NIO or Foundation error text.
    static func expectReadable(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for raw in ["NIO", "Error", "NSCocoaErrorDomain", "HTTPClient", "Optional(", "errno"] {
            #expect(!text.contains(raw), "\(text) contains \(raw)", sourceLocation: sourceLocation)
        }
    }

    @Test func aRefusingTargetIsUnavailableAtOnceNamingTheURL() async throws {
        let url = URL(string: "http://127.0.0.1:\(BrokenServer.refusingPort())")!
        let target = Self.target(url, timeout: .seconds(20))
        defer { Task { await target.shutdown() } }
        let error = try await #require(throws: TargetUnavailable.self) { try await target.probe(timeout: .seconds(20)) }
        #expect(error.url.hasPrefix(url.absoluteString))
        #expect(error.cause.contains("refused"))
        Self.expectReadable(error.description)
    }

    @Test func aTargetThatNeverAnswersTimesOut() async throws {
        let server = try BrokenServer(.silent)
        defer { server.stop() }
        let target = Self.target(server.url)
        let error = try await #require(throws: TargetUnavailable.self) {
            try await target.exchange(method: "POST", path: "/api/rest/Contacts/%22Importer%22", body: Array("{}".utf8))
        }
        #expect(error.cause.contains("no complete answer within 1 s"))
        Self.expectReadable(error.description)
        await target.shutdown()
    }

    @Test func aTargetThatClosesMidAnswerIsAConnectionFailure() async throws {
        let server = try BrokenServer(.closesMidAnswer)
        defer { server.stop() }
        let target = Self.target(server.url)
        let error = try await #require(throws: TargetUnavailable.self) {
            try await target.exchange(method: "GET", path: "/api/rest/Outils/%22Version%22", body: nil)
        }
        #expect(error.cause.contains("closed") || error.cause.contains("reset"), "\(error.cause)")
        Self.expectReadable(error.description)
        await target.shutdown()
    }

    @Test func threeScenariosInARowWithoutAnAnswerStopTheRun() async throws {
        let server = try BrokenServer(.silent)
        defer { server.stop() }
        let target = Self.target(server.url)
        let scenarios = Array(try SuiteLocation.loader.loadAll().prefix(6))
        let results = await ConformanceRunner(target: target, options: RunOptions(golden: SuiteLocation.golden, mode: .normalized))
            .run(scenarios)
        #expect(results.map(\.scenario.id) == scenarios.prefix(3).map(\.id))
        #expect(results.allSatisfy { $0.verdict == .failed && $0.targetUnavailable })
        #expect(ConformanceRunner.stoppedEarly(results, of: scenarios.count))
        for result in results { Self.expectReadable(result.differences.map(\.actual).joined()) }
        await target.shutdown()
    }

    @Test func aDeadlineReturnsEvenWhenTheOperationIgnoresCancellation() async throws {
        await #expect(throws: DeadlineExceeded.self) {
            try await withDeadline(.milliseconds(200)) { () async throws -> Int in
                // Never resumes and ignores cancellation, like a shutdown that never calls back.
                await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
                return 1
            }
        }
    }
}
