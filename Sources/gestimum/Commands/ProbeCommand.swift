import ArgumentParser
import Conformance
import Foundation
import GestimumServer

/// `gestimum probe`: one `GET` of the web service's version, for a health
/// check where no curl is at hand (the container image has only the binary).
/// Our server answers it outside its test double (D77): a health check that
/// runs every few seconds neither fires a fault nor shows in the request log.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Check that a server answers GET /api/rest/Outils/%22Version%22 with 200 (a health check).",
        discussion: """
            Prints one line. Exit status: 0 when the server answered 200, 1 when it answered another \
            status, 64 on bad usage, 69 when no complete answer came within --timeout.
            """
    )

    @Argument(help: "The server's base URL.")
    var url: TargetAddress = .url(URL(string: "http://127.0.0.1:8080")!)

    @Option(help: "Seconds to wait for the whole answer.")
    var timeout: Double = 5

    func validate() throws {
        if case .emulator = url { throw ValidationError("probe needs a server's base URL, e.g. http://127.0.0.1:8080") }
        if !timeout.isFinite || timeout <= 0 || timeout > 3600 {
            throw ValidationError("--timeout must be a number of seconds above 0 (at most an hour), got \(timeout)")
        }
    }

    func run() async throws {
        guard case let .url(base) = url else { return }
        let limit = Duration.milliseconds(Int64((timeout * 1000).rounded(.up)))
        let target = HTTPTarget(baseURL: base, fixturesFolder: URL(fileURLWithPath: "/nonexistent"), timeout: limit)
        let path = "/api/rest/Outils/%22Version%22"
        let answer: StepResponse
        do {
            // The header keeps the probe out of the test double: no fault, no log line (D77).
            answer = try await target.exchange(method: "GET", path: path, headers: [(EmulatorServer.probeHeader.rawName, "1")], body: nil)
        } catch let error as TargetUnavailable {
            await target.shutdown()
            // The run's wording names its own option; this command's is --timeout.
            let cause = error.cause.replacingOccurrences(of: "(--request-timeout)", with: "(--timeout)")
            throw CommandFailure.unavailable("cannot reach \(error.url): \(cause)")
        }
        await target.shutdown()
        guard answer.status == 200 else {
            throw CommandFailure.failed("\(base.absoluteString) answered GET \(path) with status \(answer.status), not 200")
        }
        print("\(base.absoluteString) answers GET \(path) with 200")
    }
}
