import Foundation

/// What a fuzz target does with a property's answer.
public enum FuzzFailure {
    /// Prints the broken property and aborts, so that libFuzzer saves the
    /// input as a crash file (`tools/fuzz` prints how to replay it).
    public static func report(_ target: String, _ message: String) -> Never {
        FileHandle.standardError.write(Data("PROPERTY FAILED [\(target)]: \(message)\n".utf8))
        abort()
    }

    /// Runs async work to completion from libFuzzer's synchronous callback.
    public static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox<T>()
        Task {
            result.value = await work()
            done.signal()
        }
        done.wait()
        return result.value!
    }
}

/// Written by one task, read after the semaphore says it is done.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
