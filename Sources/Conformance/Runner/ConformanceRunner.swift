import Foundation
import GestimumEmulator

/// What a run compares and how.
public struct RunOptions: Sendable {
    public var golden: GoldenStore
    public var mode: ComparisonMode
    /// Scenarios run at once.
    public var jobs: Int
    public var expectedFailures: ExpectedFailures
    /// The target's company folder, redacted to `C:\ProgramData\Gestimum` before comparing.
    public var companyFolder: String?
    /// The target's time zone, for normalized journal windows.
    public var timeZone: TimeZone?
    public var clockSkew: TimeInterval

    public init(golden: GoldenStore, mode: ComparisonMode, jobs: Int = 1, expectedFailures: ExpectedFailures = .init(),
                companyFolder: String? = nil, timeZone: TimeZone? = nil, clockSkew: TimeInterval = 2) {
        self.golden = golden
        self.mode = mode
        self.jobs = max(1, jobs)
        self.expectedFailures = expectedFailures
        self.companyFolder = companyFolder
        self.timeZone = timeZone
        self.clockSkew = clockSkew
    }
}

/// Replays scenarios against a target and judges each answer: status,
/// `Content-Type`, body against its golden, the built-in invariants, and the
/// final state where the scenario has a `state.json`.
public struct ConformanceRunner: Sendable {
    public let target: any Target
    public let options: RunOptions

    public init(target: any Target, options: RunOptions) {
        self.target = target
        self.options = options
    }

    /// Scenarios in a row that got no answer (refused, timed out, closed) before a run stops.
    public static let unavailableLimit = 3

    /// Runs the scenarios, `options.jobs` at a time; results in scenario order.
    /// Stops starting scenarios once ``unavailableLimit`` in a row ended
    /// without an answer: then fewer results than scenarios come back (see
    /// ``stoppedEarly(_:)``).
    public func run(_ scenarios: [Scenario], progress: @escaping @Sendable (ScenarioResult) -> Void = { _ in }) async -> [ScenarioResult] {
        await withTaskGroup(of: (Int, ScenarioResult).self) { group in
            var results = [ScenarioResult?](repeating: nil, count: scenarios.count)
            var next = 0
            var unanswered = 0
            func startNext() {
                guard next < scenarios.count, unanswered < Self.unavailableLimit else { return }
                let index = next, scenario = scenarios[index]
                next += 1
                group.addTask { (index, await self.run(scenario)) }
            }
            for _ in 0..<(target.runsScenariosConcurrently ? options.jobs : 1) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                unanswered = result.targetUnavailable ? unanswered + 1 : 0
                progress(result)
                startNext()
            }
            return results.compactMap { $0 }
        }
    }

    /// Whether a run stopped because the target stopped answering: its last
    /// ``unavailableLimit`` results all got no answer.
    public static func stoppedEarly(_ results: [ScenarioResult], of total: Int) -> Bool {
        results.count < total && results.count >= unavailableLimit && results.suffix(unavailableLimit).allSatisfy(\.targetUnavailable)
    }

    /// Runs and judges one scenario.
    public func run(_ scenario: Scenario) async -> ScenarioResult {
        let started = Date()
        var result = ScenarioResult(scenario: scenario, verdict: .passed, differences: [], responses: [], state: nil, duration: 0)
        do {
            switch try await target.begin(scenario) {
            case let .skipped(reason):
                result.verdict = .skipped(reason: reason)
            case let .ready(session):
                if let reason = try await exercise(scenario, session: session, into: &result) {
                    result.verdict = .skipped(reason: reason)
                } else {
                    result.verdict = judge(scenario.id, failed: !result.differences.isEmpty)
                }
            }
        } catch let error as TargetUnavailable {
            result.differences.append(Difference(step: result.responses.count + 1, kind: .unavailable, path: "",
                                                 expected: "a complete answer", actual: error.description))
            result.verdict = judge(scenario.id, failed: true)
        } catch {
            result.differences.append(Difference(step: result.responses.count + 1, kind: .status, path: "",
                                                 expected: "an answer", actual: "error: \(error)"))
            result.verdict = judge(scenario.id, failed: true)
        }
        result.duration = Date().timeIntervalSince(started)
        return result
    }

    private func judge(_ id: String, failed: Bool) -> Verdict {
        guard let reason = options.expectedFailures.reasons[id] else { return failed ? .failed : .passed }
        return failed ? .expectedFailure(reason: reason) : .unexpectedPass(reason: reason)
    }

    private var bodyDiffing: Diffing<JSONValue> {
        .json(journal: .journal(mode: options.mode, timeZone: options.timeZone, skew: options.clockSkew))
    }

    /// Sends the steps and judges each answer; returns a reason to skip the scenario when the target cannot play it.
    private func exercise(_ scenario: Scenario, session: any TargetSession, into result: inout ScenarioResult) async throws -> String? {
        var previousSession: String?
        var window = ScriptedWindow(clock: session.installedClock, timeZone: options.timeZone)
        for (offset, step) in scenario.steps.enumerated() {
            let number = offset + 1
            if let seconds = step.advanceSeconds {
                if let reason = try await session.advanceClock(by: seconds) { return reason }
                window?.advance(by: seconds)
            }
            var headers = step.headers
            if step.usesPreviousSession {
                guard let previousSession else {
                    result.differences.append(Difference(step: number, kind: .status, path: "",
                        expected: "a session id from step \(number - 1)'s Pragma header", actual: "(none)"))
                    return nil
                }
                headers.append(("Pragma", "dssession=\(previousSession)"))
            }
            var response = try await session.send(EmulatorRequest(method: step.method, path: step.path, headers: headers, body: step.body))
            if let flight = window?.nextFlight() {
                (response.sentAt, response.receivedAt) = flight
            }
            result.responses.append(response)
            previousSession = response.header("Pragma").flatMap(SessionTable.requestedSession(inPragma:))
            result.differences.append(contentsOf: judge(step: step, number: number, response: response, scenario: scenario))
        }
        if let expected = try? options.golden.state(scenario.id) {
            guard let actual = try await session.state() else {
                result.notes.append("state.json not checked: the target cannot report its state (no control API)")
                return nil
            }
            result.state = actual
            let context = DiffContext(step: 0, kind: .state)
            result.differences.append(contentsOf: Diffing.json(journal: .journal(mode: .strict)).diff(expected, redact(actual), context))
        } else if let actual = try? await session.state() {
            result.state = actual
        }
        return nil
    }

    private func judge(step: ScenarioStep, number: Int, response: StepResponse, scenario: Scenario) -> [Difference] {
        var differences: [Difference] = []
        if response.status != step.status {
            differences.append(Difference(step: number, kind: .status, path: "",
                                          expectedValue: .number("\(step.status)"), actualValue: .number("\(response.status)")))
        }
        if target.checksWireFormat {
            differences.append(contentsOf: WireFormat.differences(response, step: number))
        } else if target.checksContentType, response.header("Content-Type") != "application/json" {
            differences.append(Difference(step: number, kind: .contentType, path: "",
                                          expected: "application/json", actual: response.header("Content-Type") ?? "(none)"))
        }
        guard let actual = try? JSONParser.parse(response.body) else {
            let text = String(decoding: response.body.prefix(200), as: UTF8.self)
            return differences + [Difference(step: number, kind: .body, path: "$", expected: "a JSON body", actual: text)]
        }
        let routed = step.importDomain.flatMap { ImportCatalog.standard.kind(domain: $0) }
        for broken in Invariants.check(requestBody: step.body, responseBody: actual, kind: routed) {
            differences.append(Difference(step: number, kind: .invariant, path: "$.result[0]", expected: "invariant holds", actual: broken))
        }
        guard let expected = try? options.golden.response(scenario.id, step: number) else {
            return differences + [Difference(step: number, kind: .missingGolden, path: "",
                                             expected: options.golden.responseURL(scenario.id, step: number).path, actual: "(no golden file)")]
        }
        let context = DiffContext(step: number, kind: .body, sentAt: response.sentAt, receivedAt: response.receivedAt)
        return differences + bodyDiffing.diff(expected, redact(actual), context)
    }

    /// Rewrites the target's company folder to Gestimum's default one.
    public func redact(_ value: JSONValue) -> JSONValue {
        guard let folder = options.companyFolder, !folder.isEmpty else { return value }
        let from = folder.hasSuffix("\\") ? folder : folder + "\\"
        switch value {
        case let .string(text): return .string(text.replacingOccurrences(of: from, with: ImportTask.companyFolder))
        case let .array(values): return .array(values.map(redact))
        case let .object(pairs): return .object(pairs.map { (key: $0.key, value: redact($0.value)) })
        default: return value
        }
    }
}
