import Foundation
import GestimumEmulator

/// What the server does with a request once the layer is done.
public enum ServedAnswer: Sendable {
    case response(EmulatorResponse)
    /// Close the connection without an answer (a `drop` fault).
    case drop
}

/// One request as served, for the server log and the request log.
public struct Served: Sendable {
    public var answer: ServedAnswer
    public var entry: RequestLog.Entry
}

extension EmulatorHost {
    /// The layer in front of ``Emulator/handle(_:)``: the first armed fault
    /// that matches fires (instead of, or before, the request), the import
    /// waits as long as its journal says under `--latency realistic`, and
    /// the request is logged. The emulator itself knows none of this.
    public func serve(_ request: EmulatorRequest) async -> Served {
        let started = ContinuousClock.now
        let emulator = self.emulator
        let clock = self.clock
        let facts = RequestFacts(request)
        var entry = RequestLog.Entry(
            at: JournalTimestamp(timeZone: clock.timeZone).format(clock.now()), method: request.method, path: request.path,
            session: facts.session, status: nil, bodyBytes: request.body.count, importResult: nil, reason: nil, fault: nil,
            milliseconds: 0)
        var action: Fault.Action?
        if let fired = faults.fire(on: facts) {
            entry.fault = fired.id
            action = fired.action
        }
        var answer = ServedAnswer.drop
        while true {
            switch action {
            case nil:
                answer = .response(await handleWithLatency(request, facts: facts, emulator: emulator, clock: clock))
            case let .delay(milliseconds, then)?:
                try? await Task.sleep(for: .milliseconds(milliseconds))
                action = then
                continue
            case let .status(status, body)?:
                let value = body ?? ImportResponse.error(HTTPStatus.reason(status))
                answer = .response(.json(status, value, session: facts.session))
            case .drop?:
                answer = .drop
            case .expireSession?:
                if let session = facts.session { emulator.expireSession(session) }
                answer = .response(.json(403, .object([("SessionExpired", .string(Messages.sessionExpired))]), session: nil))
            }
            break
        }
        if case let .response(response) = answer {
            entry.status = response.status
            entry.session = response.summary.session ?? facts.session
            entry.importResult = response.summary.importResult
            entry.reason = response.status >= 400 ? response.summary.reason : nil
        }
        let elapsed = ContinuousClock.now - started
        entry.milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        requests.append(entry)
        return Served(answer: answer, entry: entry)
    }

    /// Runs the request; under realistic latency an import holds its company
    /// until the time its journal gives has passed in wall-clock time.
    private func handleWithLatency(
        _ request: EmulatorRequest, facts: RequestFacts, emulator: Emulator, clock: ControlledClock
    ) async -> EmulatorResponse {
        guard options.latency == .realistic, facts.isImport, let company = facts.company()?.lowercased() else {
            return await emulator.handle(request)
        }
        await turns.take(company)
        let started = ContinuousClock.now
        let reading = clock.reading
        let response = await emulator.handle(request)
        let seconds: Double
        switch response.summary.importResult?.reached {
        case .imported?: seconds = reading.openSeconds + reading.importSeconds
        case .opened?, .launched?, .opening?: seconds = reading.openSeconds
        case nil: seconds = 0
        }
        let deadline = started + .milliseconds(Int64((seconds * 1000).rounded()))
        try? await Task.sleep(until: deadline, clock: .continuous)
        await turns.release(company)
        return response
    }
}
