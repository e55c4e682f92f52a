import Synchronization

/// Makes DataSnap session ids `{a}.{b}.{c}`, each number below 1,000,000
/// (spec §7): random, or from a fixed seed for replayable scenarios (D6).
public final class SessionIDGenerator: Sendable {
    private let seeded: Bool
    private let state: Mutex<UInt64>

    /// Random ids.
    public static func random() -> SessionIDGenerator { SessionIDGenerator(seed: nil) }

    /// The same sequence of ids for the same seed.
    public static func seeded(_ seed: UInt64 = 0) -> SessionIDGenerator { SessionIDGenerator(seed: seed) }

    private init(seed: UInt64?) {
        seeded = seed != nil
        state = Mutex(seed ?? 0)
    }

    public func next() -> String {
        (0..<3).map { _ in String(nextNumber() % 1_000_000) }.joined(separator: ".")
    }

    private func nextNumber() -> UInt64 {
        guard seeded else { return UInt64.random(in: 0..<1_000_000) }
        return state.withLock { seed in
            // SplitMix64
            seed &+= 0x9E37_79B9_7F4A_7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
