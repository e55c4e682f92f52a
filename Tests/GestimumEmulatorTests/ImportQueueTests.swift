import Dispatch
import Foundation
import GRDB
import Synchronization
import Testing
@testable import GestimumEmulator

/// Imports on one company take turns, and those that queued up behind each
/// other share one commit, each inside its own savepoint (D68).
@Suite struct ImportQueueTests {
    private struct Planted: Error {}

    /// Counts the commits of a connection.
    private final class Commits: TransactionObserver, @unchecked Sendable {
        var count = 0
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { count += 1 }
        func databaseDidRollback(_ db: Database) {}
    }

    private static let done = ImportOutcome.requestError("done")

    private static func insert(_ value: Int) -> ImportQueue.Work {
        { db in
            try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [value])
            return done
        }
    }

    @Test func importsQueuedBehindAnotherShareOneCommitAndAFailureUndoesOnlyItself() async throws {
        let writer = try DatabaseQueue()
        let commits = Commits()
        try await writer.write { db in try db.execute(sql: "CREATE TABLE t (n INTEGER)") }
        try await writer.writeWithoutTransaction { db in db.add(transactionObserver: commits, extent: .databaseLifetime) }
        let queue = ImportQueue(writer: writer)
        let entered = Mutex(false), gate = DispatchSemaphore(value: 0)

        // The first import holds its turn until the others wait. Being large,
        // it runs on the database's queue: no task thread is blocked meanwhile.
        let first = Task {
            try await queue.run(small: false) { db in
                entered.withLock { $0 = true }
                gate.wait()
                return try Self.insert(0)(db)
            }
        }
        while !entered.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(1)) }
        let second = Task { try await queue.run(small: true, Self.insert(1)) }
        while queue.waitingCount < 1 { try await Task.sleep(for: .milliseconds(1)) }
        let third = Task {
            try await queue.run(small: true) { db in
                try db.execute(sql: "INSERT INTO t (n) VALUES (2)")
                throw Planted()
            }
        }
        while queue.waitingCount < 2 { try await Task.sleep(for: .milliseconds(1)) }
        let fourth = Task { try await queue.run(small: true, Self.insert(3)) }
        while queue.waitingCount < 3 { try await Task.sleep(for: .milliseconds(1)) }
        gate.signal()

        #expect(try await first.value == Self.done)
        #expect(try await second.value == Self.done)
        await #expect(throws: Planted.self) { try await third.value }
        #expect(try await fourth.value == Self.done)
        let rows = try await writer.read { db in try Int.fetchAll(db, sql: "SELECT n FROM t ORDER BY rowid") }
        #expect(rows == [0, 1, 3])
        let commitCount = try await writer.read { _ in commits.count }
        #expect(commitCount == 2)  // the first import's, then the group's
        #expect(queue.waitingCount == 0)
    }

    @Test func aLoneImportThatThrowsLeavesNothing() async throws {
        let writer = try DatabaseQueue()
        try await writer.write { db in try db.execute(sql: "CREATE TABLE t (n INTEGER)") }
        let queue = ImportQueue(writer: writer)
        await #expect(throws: Planted.self) {
            try await queue.run(small: true) { db in
                try db.execute(sql: "INSERT INTO t (n) VALUES (1)")
                throw Planted()
            }
        }
        #expect(try await queue.run(small: false, Self.insert(2)) == Self.done)
        #expect(try await writer.read { db in try Int.fetchAll(db, sql: "SELECT n FROM t") } == [2])
    }

    @Test func concurrentImportsOnADataFolderEachGetTheirOwnNumbers() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try CompanyRegistry(fixture: TestSupport.company(extra: #", "tiers": [{"code": "CLIENT1"}]"#), dataFolder: folder)
        let requests = 40
        let outcomes = try await withThrowingTaskGroup(of: ImportOutcome.self) { group in
            for i in 0..<requests {
                group.addTask {
                    let lines = ["CCT_CODE;CCT_NOM;CCT_ORIGIN", "A\(i);a;CLIENT1", "B\(i);b;INCONNU", "C\(i);c;CLIENT1"]
                    return try await TestSupport.run(TestSupport.request(lines), registry: registry, clock: SystemClock())
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for outcome in outcomes {
            guard case .completed(_, 2, 1) = outcome else { Issue.record("\(outcome)"); continue }
        }
        let contacts = try await TestSupport.contacts(registry)
        #expect(contacts.count == 2 * requests)
        #expect(contacts.compactMap { $0["CCT_NUMERO"] } == (1...2 * requests).map { String(format: "%010d", $0) })
        #expect(Set(contacts.compactMap { $0["CCT_CODE"] }).count == 2 * requests)
    }
}
