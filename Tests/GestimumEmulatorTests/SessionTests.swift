import Foundation
import Testing
@testable import GestimumEmulator

/// DataSnap sessions (spec §1, §7; decisions D5, D6).
@Suite struct SessionTests {
    private static let expired = #"{"SessionExpired":"The specified session has expired due to inactivity or was an invalid Session ID"}"#
    private static let t0 = Date(timeIntervalSince1970: 1_600_000_000)

    /// `{a}.{b}.{c}`, each a number below 1,000,000 written without padding.
    private func isSessionID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 6 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && (part == "0" || !part.hasPrefix("0"))
        }
    }

    private func sessionID(inPragma pragma: String?) -> String? {
        guard let pragma, pragma.hasPrefix("dssession="), pragma.hasSuffix(",dssessionexpires=1200000") else { return nil }
        return String(pragma.dropFirst("dssession=".count).dropLast(",dssessionexpires=1200000".count))
    }

    // MARK: The session table

    @Test func newSessionWhenNoneIsNamed() {
        let table = SessionTable(ids: .seeded())
        let a = table.session(named: nil, at: Self.t0)
        let b = table.session(named: nil, at: Self.t0)
        #expect(a.map(isSessionID) == true)
        #expect(b.map(isSessionID) == true)
        #expect(a != b)
    }

    @Test func namedLiveSessionIsKeptAndRenewed() throws {
        let table = SessionTable(ids: .seeded())
        let id = try #require(table.session(named: nil, at: Self.t0))
        #expect(table.session(named: id, at: Self.t0.addingTimeInterval(1_199.999)) == id)
        // Renewed at t0+1199.999: alive again almost 1,200 s later, 2,399 s after creation.
        #expect(table.session(named: id, at: Self.t0.addingTimeInterval(2_399.0)) == id)
    }

    @Test func sessionExpiresAfter1200000Milliseconds() throws {
        let table = SessionTable(ids: .seeded())
        let id = try #require(table.session(named: nil, at: Self.t0))
        #expect(table.session(named: id, at: Self.t0.addingTimeInterval(1_200.001)) == nil)
    }

    /// D37: "used within the last 1,200,000 ms" includes the boundary.
    @Test func sessionUsedExactly1200000MillisecondsAgoIsAlive() throws {
        let table = SessionTable(ids: .seeded())
        let id = try #require(table.session(named: nil, at: Self.t0))
        #expect(table.session(named: id, at: Self.t0.addingTimeInterval(1_200)) == id)
    }

    @Test func expiredSessionStaysDead() throws {
        let table = SessionTable(ids: .seeded())
        let id = try #require(table.session(named: nil, at: Self.t0))
        #expect(table.session(named: id, at: Self.t0.addingTimeInterval(5_000)) == nil)
        #expect(table.session(named: id, at: Self.t0.addingTimeInterval(5_001)) == nil)
    }

    @Test func unknownSessionIsRefused() {
        let table = SessionTable(ids: .seeded())
        #expect(table.session(named: "1.2.3", at: Self.t0) == nil)
        #expect(table.session(named: "", at: Self.t0) == nil)
    }

    @Test func pragmaFormat() {
        #expect(SessionTable.pragma(for: "12.345.6789") == "dssession=12.345.6789,dssessionexpires=1200000")
        #expect(SessionTable.lifetimeMilliseconds == 1_200_000)
    }

    @Test func requestedSessionInPragma() {
        #expect(SessionTable.requestedSession(inPragma: "dssession=1.2.3,dssessionexpires=1200000") == "1.2.3")
        #expect(SessionTable.requestedSession(inPragma: "dssession=4.5.6") == "4.5.6")
        #expect(SessionTable.requestedSession(inPragma: "no-cache, dssession=7.8.9") == "7.8.9")
        #expect(SessionTable.requestedSession(inPragma: "no-cache") == nil)
        #expect(SessionTable.requestedSession(inPragma: "dssessionexpires=1200000") == nil)
        #expect(SessionTable.requestedSession(inPragma: "") == nil)
    }

    // MARK: Ids (D6)

    @Test func seededIdsAreDeterministic() {
        let a = SessionIDGenerator.seeded(0)
        let b = SessionIDGenerator.seeded(0)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(Set(first).count == 5)
        #expect(first.allSatisfy(isSessionID))
        let other = SessionIDGenerator.seeded(1)
        #expect((0..<5).map { _ in other.next() } != first)
    }

    @Test func randomIdsHaveTheFormat() {
        let random = SessionIDGenerator.random()
        let ids = (0..<50).map { _ in random.next() }
        #expect(ids.allSatisfy(isSessionID))
        #expect(Set(ids).count > 1)
    }

    // MARK: Through the entry point

    private func emulator(_ clock: ScriptedClock = TestSupport.clock(), registry: CompanyRegistry? = nil) throws -> Emulator {
        Emulator(registry: try registry ?? CompanyRegistry(fixture: .demo), clock: clock, sessionIDs: .seeded())
    }

    private static let version = EmulatorRequest(method: "GET", path: "/api/rest/Outils/%22Version%22")

    private func with(_ request: EmulatorRequest, pragma: String) -> EmulatorRequest {
        var request = request
        request.headers.append(("Pragma", pragma))
        return request
    }

    @Test func everyAnswerCarriesASessionAndTheSameIdIsKept() async throws {
        let emulator = try emulator()
        let first = await emulator.handle(Self.version)
        #expect(first.status == 200)
        let id = try #require(sessionID(inPragma: first.header("Pragma")))
        #expect(isSessionID(id))

        let second = await emulator.handle(with(Self.version, pragma: "dssession=\(id),dssessionexpires=1200000"))
        #expect(second.header("Pragma") == "dssession=\(id),dssessionexpires=1200000")

        let fresh = await emulator.handle(with(Self.version, pragma: "no-cache"))
        let other = try #require(sessionID(inPragma: fresh.header("Pragma")))
        #expect(other != id)
    }

    @Test func sameSeedGivesSameIdsAcrossEmulators() async throws {
        let a = await (try emulator()).handle(Self.version).header("Pragma")
        let b = await (try emulator()).handle(Self.version).header("Pragma")
        #expect(a != nil)
        #expect(a == b)
    }

    /// D5: 403 before routing, without a Pragma header, and nothing runs.
    @Test func unknownSessionIs403AndNothingRuns() async throws {
        let registry = try CompanyRegistry(fixture: .demo)
        let emulator = try emulator(registry: registry)
        let body = TestSupport.body(lines: ["CCT_CODE;CCT_NOM", "A;a"])
        let response = await emulator.handle(.post(body, pragma: "dssession=1.2.3,dssessionexpires=1200000"))
        #expect(response.status == 403)
        #expect(TestSupport.text(response.body) == Self.expired)
        #expect(response.header("Pragma") == nil)
        #expect(response.header("Content-Type") == "application/json")
        #expect(try await TestSupport.contacts(registry).isEmpty)

        let outside = await emulator.handle(EmulatorRequest(method: "GET", path: "/ailleurs", headers: [("pragma", "dssession=9.9.9")]))
        #expect(outside.status == 403)
        #expect(TestSupport.text(outside.body) == Self.expired)
    }

    /// Expiry follows the emulator's clock: the scripted clock moves with imports.
    @Test(arguments: [(1_199.0, 200), (1_201.0, 403)])
    func sessionExpiryFollowsTheScriptedClock(_ importSeconds: Double, _ status: Int) async throws {
        let clock = TestSupport.clock("01/01/2020 08:00:00", open: 0, import: importSeconds)
        let emulator = try emulator(clock)
        let first = await emulator.handle(.post(TestSupport.body(lines: ["CCT_CODE;CCT_NOM", "A;a"])))
        let id = try #require(sessionID(inPragma: first.header("Pragma")))
        // The import moved the clock to 08:00:00 + importSeconds.
        let second = await emulator.handle(with(Self.version, pragma: "dssession=\(id)"))
        #expect(second.status == status)
        if status == 403 {
            #expect(TestSupport.text(second.body) == Self.expired)
        } else {
            #expect(second.header("Pragma") == "dssession=\(id),dssessionexpires=1200000")
        }
    }
}
