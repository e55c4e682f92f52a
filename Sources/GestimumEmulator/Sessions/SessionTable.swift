import Foundation
import Synchronization

/// DataSnap's sessions: issued ids and when each was last used (spec §1).
public final class SessionTable: Sendable {
    /// `dssessionexpires`, in milliseconds.
    public static let lifetimeMilliseconds = 1_200_000

    private let ids: SessionIDGenerator
    private let lastUse = Mutex<[String: Date]>([:])

    public init(ids: SessionIDGenerator) { self.ids = ids }

    /// The session a request runs in: the one it names if still alive
    /// (renewed), a new one if it names none, nil if it names a dead one.
    public func session(named requested: String?, at now: Date) -> String? {
        lastUse.withLock { table in
            guard let requested else {
                if table.count >= 1024, table.count.isMultiple(of: 1024) { Self.evictExpired(&table, at: now) }
                var id = ids.next()
                while table[id] != nil { id = ids.next() }
                table[id] = now
                return id
            }
            guard let last = table[requested],
                  now.timeIntervalSince(last) * 1000 <= Double(Self.lifetimeMilliseconds)
            else { return nil }
            table[requested] = max(last, now)
            return requested
        }
    }

    /// Forgets sessions that can no longer be renewed, so a long-running server does not grow.
    private static func evictExpired(_ table: inout [String: Date], at now: Date) {
        table = table.filter { now.timeIntervalSince($0.value) * 1000 <= Double(lifetimeMilliseconds) }
    }

    /// The `dssession` id in a `Pragma` header value, if any.
    public static func requestedSession(inPragma pragma: String) -> String? {
        for part in pragma.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "dssession" {
                return pair[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The `Pragma` value every answer carries.
    public static func pragma(for id: String) -> String {
        "dssession=\(id),dssessionexpires=\(lifetimeMilliseconds)"
    }
}
