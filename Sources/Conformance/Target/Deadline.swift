import Synchronization

/// The time an operation was given ran out.
public struct DeadlineExceeded: Error, Sendable {
    public let duration: Duration
}

/// Runs `operation` and gives up when `duration` has passed: the caller gets
/// ``DeadlineExceeded`` then, even when the operation ignores cancellation
/// (it is cancelled and left to finish on its own). No await of the runner
/// is left without a deadline this way, client shutdown included.
public func withDeadline<T: Sendable>(_ duration: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let race = DeadlineRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            race.start(continuation, tasks: [
                Task { do { race.finish(.success(try await operation())) } catch { race.finish(.failure(error)) } },
                Task {
                    try? await Task.sleep(for: duration)
                    if !Task.isCancelled { race.finish(.failure(DeadlineExceeded(duration: duration))) }
                },
            ])
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The first of the operation, the timer and cancellation to finish resumes the caller; the others are cancelled.
private final class DeadlineRace<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var tasks: [Task<Void, Never>] = []
        var early: Result<T, any Error>?
    }
    private let state = Mutex(State())

    func start(_ continuation: CheckedContinuation<T, any Error>, tasks: [Task<Void, Never>]) {
        let early = state.withLock { state -> Result<T, any Error>? in
            state.tasks = tasks
            if let early = state.early { return early }
            state.continuation = continuation
            return nil
        }
        if let early {
            tasks.forEach { $0.cancel() }
            continuation.resume(with: early)
        }
    }

    func finish(_ result: Result<T, any Error>) {
        let (continuation, tasks) = state.withLock { state -> (CheckedContinuation<T, any Error>?, [Task<Void, Never>]) in
            guard let continuation = state.continuation else {
                if state.early == nil, state.tasks.isEmpty { state.early = result }
                return (nil, [])
            }
            state.continuation = nil
            return (continuation, state.tasks)
        }
        guard let continuation else { return }
        tasks.forEach { $0.cancel() }
        continuation.resume(with: result)
    }
}
