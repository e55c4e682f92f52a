import Foundation

/// A comparison strategy: a small value that diffs an expected value against
/// an actual one and returns the differences, or none (after
/// swift-snapshot-testing's `Diffing`). Reporting is separate.
public struct Diffing<Value>: Sendable {
    public var diff: @Sendable (_ expected: Value, _ actual: Value, _ context: DiffContext) -> [Difference]

    public init(diff: @escaping @Sendable (_ expected: Value, _ actual: Value, _ context: DiffContext) -> [Difference]) {
        self.diff = diff
    }
}

/// What a diffing may need to know about the exchange it judges.
public struct DiffContext: Sendable {
    public var step: Int
    public var kind: Difference.Kind
    /// When the request was in flight (normalized journal windows).
    public var sentAt: Date
    public var receivedAt: Date

    public init(step: Int, kind: Difference.Kind, sentAt: Date = .distantPast, receivedAt: Date = .distantFuture) {
        self.step = step
        self.kind = kind
        self.sentAt = sentAt
        self.receivedAt = receivedAt
    }
}
