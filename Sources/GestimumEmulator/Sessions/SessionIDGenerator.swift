import Synchronization

/// Makes DataSnap session ids `{a}.{b}.{c}`, each number below 1,000,000
/// (spec §7): random, or from a fixed seed for replayable scenarios (D6).
public final class SessionIDGenerator: Sendable {
    private let state: Mutex<UInt64>

    /// Random ids: the sequence starts from a random seed.
    public static func random() -> SessionIDGenerator { SessionIDGenerator(seed: UInt64.random(in: 0...UInt64.max)) }

    /// The same sequence of ids for the same seed.
    public static func seeded(_ seed: UInt64 = 0) -> SessionIDGenerator { SessionIDGenerator(seed: seed) }

    private init(seed: UInt64) {
        state = Mutex(seed)
    }

    public func next() -> String {
        "\(nextNumber() % 1_000_000).\(nextNumber() % 1_000_000).\(nextNumber() % 1_000_000)"
    }

    private func nextNumber() -> UInt64 {
        state.withLock { seed in
            // SplitMix64
            seed &+= 0x9E37_79B9_7F4A_7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
