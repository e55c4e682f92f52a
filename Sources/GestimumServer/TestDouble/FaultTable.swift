import GestimumEmulator
import Synchronization

/// The armed faults, in the order they were armed. The first matching
/// fault with hits left fires; a matching fault still in its `after` count
/// lets the request through and counts it.
public final class FaultTable: Sendable {
    private struct Armed {
        var id: Int
        var fault: Fault
        var fired = 0
        var passed = 0
    }

    private struct State {
        var faults: [Armed] = []
        var nextID = 1
    }

    private let state = Mutex(State())

    public init() {}

    /// Arms a fault; returns its listing (with its `id`).
    public func arm(_ fault: Fault) -> JSONValue {
        state.withLock { state in
            let armed = Armed(id: state.nextID, fault: fault)
            state.nextID += 1
            state.faults.append(armed)
            return Self.describe(armed)
        }
    }

    /// Disarms every fault; ids start again at 1.
    public func clear() {
        state.withLock { $0 = State() }
    }

    /// `{"faults": [{"id", "match", "action", "times", "after", "hits_left", "after_left"}]}`;
    /// `hits_left` is null for an unlimited fault.
    public var listing: JSONValue {
        state.withLock { state in .object([("faults", .array(state.faults.map(Self.describe)))]) }
    }

    /// The fault that fires on a request, if any, counting its hit.
    func fire(on request: RequestFacts) -> (id: Int, action: Fault.Action)? {
        state.withLock { state in
            for i in state.faults.indices where state.faults[i].fault.matches(request) {
                if state.faults[i].passed < state.faults[i].fault.after {
                    state.faults[i].passed += 1
                    continue
                }
                let times = state.faults[i].fault.times
                guard times == 0 || state.faults[i].fired < times else { continue }
                state.faults[i].fired += 1
                return (state.faults[i].id, state.faults[i].fault.action)
            }
            return nil
        }
    }

    private static func describe(_ armed: Armed) -> JSONValue {
        let fault = armed.fault
        return .object([
            ("id", .number(String(armed.id))),
            ("match", fault.document.match),
            ("action", fault.document.action),
            ("times", .number(String(fault.times))),
            ("after", .number(String(fault.after))),
            ("hits_left", fault.times == 0 ? .null : .number(String(fault.times - armed.fired))),
            ("after_left", .number(String(fault.after - armed.passed))),
        ])
    }
}
