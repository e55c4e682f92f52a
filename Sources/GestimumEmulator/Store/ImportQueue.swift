import GRDB
import Synchronization

/// The imports of one company, one at a time and first come, first served
/// (spec §3), with the small ones that queued up behind each other committed
/// together (D68).
///
/// The request that finds the company idle runs its import at once. One
/// that finds it busy waits; when its turn comes it leads: it runs the
/// imports waiting at that moment in one transaction, each inside a
/// savepoint of its own, commits, answers them, and hands the lead to the
/// next request in line.
/// Every import stays all or nothing: one that throws is rolled back to its
/// savepoint, and a failed commit fails every import of the group. A waiting
/// request is suspended, not blocked, so its thread serves other requests.
final class ImportQueue: Sendable {
    /// An import's work inside its company's write transaction.
    typealias Work = @Sendable (Database) throws -> ImportOutcome

    /// A group holds at most this many imports, so that no answer waits long behind others.
    static let groupLimit = 32

    private enum Turn: Sendable {
        case lead
        case done(Result<ImportOutcome, any Error>)
    }

    private struct Entry {
        let work: Work
        /// Large imports run alone, through GRDB's own queue (they may take seconds).
        let small: Bool
        let continuation: CheckedContinuation<Turn, Never>
    }

    private struct State {
        var leading = false
        /// A new leader's own entry is first, until it takes its group.
        var waiting: [Entry] = []
    }

    private let writer: any DatabaseWriter
    private let state = Mutex(State())

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Imports waiting for their turn.
    var waitingCount: Int {
        state.withLock { $0.waiting.count }
    }

    /// Runs `work` in its turn and returns its outcome once it is committed.
    func run(small: Bool, _ work: @escaping Work) async throws -> ImportOutcome {
        // An idle company: this request leads at once, alone, without suspending.
        let idle = state.withLock { state in
            if state.leading { return false }
            state.leading = true
            return true
        }
        if idle {
            let result = small ? commitTogether([work])[0] : await alone(work)
            handOver()
            return try result.get()
        }
        let turn = await withCheckedContinuation { (continuation: CheckedContinuation<Turn, Never>) in
            let leads = state.withLock { state in
                state.waiting.append(Entry(work: work, small: small, continuation: continuation))
                if state.leading { return false }
                state.leading = true
                return true
            }
            if leads { continuation.resume(returning: .lead) }
        }
        if case let .done(result) = turn { return try result.get() }
        // This request leads: its own entry is first in line.
        let group = state.withLock { state in
            let count = state.waiting[0].small ? state.waiting.prefix(Self.groupLimit).prefix { $0.small }.count : 1
            defer { state.waiting.removeFirst(count) }
            return Array(state.waiting.prefix(count))
        }
        let results = group[0].small ? commitTogether(group.map(\.work)) : [await alone(group[0].work)]
        for (entry, result) in zip(group, results).dropFirst() {
            entry.continuation.resume(returning: .done(result))
        }
        handOver()
        return try results[0].get()
    }

    /// Gives the lead to the first request in line, or leaves the company idle.
    private func handOver() {
        let next = state.withLock { state -> Entry? in
            if state.waiting.isEmpty { state.leading = false }
            return state.waiting.first
        }
        next?.continuation.resume(returning: .lead)
    }

    private func alone(_ work: @escaping Work) async -> Result<ImportOutcome, any Error> {
        do { return .success(try await writer.write(work)) } catch { return .failure(error) }
    }

    /// One transaction for the whole group; on this thread, where the hop to
    /// GRDB's queue and back would cost more than a small import.
    private func commitTogether(_ works: [Work]) -> [Result<ImportOutcome, any Error>] {
        do {
            return try writer.writeWithoutTransaction { db in
                try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
                do {
                    let results = works.count == 1 ? [.success(try works[0](db))] : try works.map { try Self.inSavepoint($0, db) }
                    try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                    return results
                } catch {
                    if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK TRANSACTION") }
                    throw error
                }
            }
        } catch {
            return works.map { _ in .failure(error) }
        }
    }

    /// Runs one import of a group; its own failure undoes its own changes
    /// only. Throws when the savepoint itself fails: the group then fails whole.
    private static func inSavepoint(_ work: Work, _ db: Database) throws -> Result<ImportOutcome, any Error> {
        try db.cachedStatement(sql: "SAVEPOINT import").execute()
        let result: Result<ImportOutcome, any Error>
        do {
            result = .success(try work(db))
        } catch {
            try db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT import").execute()
            result = .failure(error)
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT import").execute()
        return result
    }
}
