import GestimumEmulator
import Logging
import Synchronization

/// The `handle` fuzz property, on ``Emulator/handle(_:)`` with in-memory
/// companies and a scripted clock: every answer has a status of the contract
/// (200, 403, 404, 413, 500), `Content-Type: application/json` and a body in
/// DataSnap's wire format (ASCII that parses and that the wire writer writes
/// back byte for byte) with the shape its status calls for; the runner's
/// built-in invariants hold for every answer; and records appear only
/// through a successful import (decision D62): for each kind the request
/// names (its route's, and those its body's root keys name), the companies'
/// records of that kind (``CompanyDatabase/recordCount(of:)``) grow by
/// exactly the count the import of the route's kind reports, by at most
/// that count when a line can update a record (the file names a field of
/// the kind's key) and not at all under `tester` or when nothing ran.
///
/// One property object serves many inputs: the companies are rebuilt only
/// when they have grown, and each input gets a fresh emulator (new session
/// table, seeded ids) so that an input's answer depends on little else.
public final class EntryPointProperty: Sendable {
    /// The runner's invariants: the broken ones for a request body, its answer
    /// and the import it was routed to (nil: the one the body's root names).
    public typealias InvariantCheck = @Sendable (_ requestBody: [UInt8], _ responseBody: JSONValue, _ kind: ImportKind?) -> [String]

    /// The statuses the contract allows.
    public static let statuses: Set<Int> = [200, 403, 404, 413, 500]
    /// The companies are rebuilt once this many records have been added since they were built.
    public static let recordsBeforeReset = 200
    /// The body limit the emulator is given, small so the 413 path is reachable.
    public static let maxBodySize = 1024

    private struct State {
        var registry: CompanyRegistry
        var added: Int
    }

    private let fixture: Fixture
    private let invariants: InvariantCheck
    private let clock: ScriptedClock
    private let logger = Logger(label: "gestimum.fuzz", factory: { _ in SwiftLogNoOpLogHandler() })
    private let state: Mutex<State>

    public init(fixture: Fixture = .demo, invariants: @escaping InvariantCheck) async throws {
        self.fixture = fixture
        self.invariants = invariants
        clock = ScriptedClock()!
        state = Mutex(State(registry: try CompanyRegistry(fixture: fixture), added: 0))
    }

    /// What is wrong with the emulator's answer to the request `input` stands
    /// for (``RawRequest``), or nil.
    public func check(_ input: [UInt8]) async -> String? {
        let request = RawRequest.decode(input)
        let registry = state.withLock { $0.registry }
        let routed = Self.routedKind(request)
        let watched = Self.watchedKinds(request, routed: routed)
        let emulator = Emulator(registry: registry, clock: clock, sessionIDs: .seeded(), logger: logger,
                                maxBodySize: Self.maxBodySize)
        let before: [Int], after: [Int]
        do { before = try Self.counts(watched, in: registry) } catch { return "the companies cannot be read: \(error)" }
        let response = await emulator.handle(request)
        do { after = try Self.counts(watched, in: registry) } catch { return "the companies cannot be read: \(error)" }
        let growth: [(kind: ImportKind, growth: Int)] = watched.indices.map { (kind: watched[$0], growth: after[$0] - before[$0]) }
        resetIfGrown(growth.map(\.growth).filter { $0 > 0 }.reduce(0, +))
        if let problem = Self.problem(in: response, request: request, routed: routed, growth: growth, invariants: invariants) {
            return "\(request.method) \(FuzzText.excerpt(request.path)) with body \(FuzzText.excerpt(request.body)): \(problem)"
        }
        return nil
    }

    private func resetIfGrown(_ added: Int) {
        let total = state.withLock { state in
            state.added += added
            return state.added
        }
        guard total > Self.recordsBeforeReset, let registry = try? CompanyRegistry(fixture: fixture) else { return }
        state.withLock { $0 = State(registry: registry, added: 0) }
    }

    /// The emulated import the request's route names, if any (as ``Emulator/handle(_:)`` routes it).
    public static func routedKind(_ request: EmulatorRequest) -> ImportKind? {
        guard let route = DataSnapRoute(method: request.method, rawPath: request.path),
              route.methodName.lowercased() == "importer",
              let kind = ImportCatalog.standard.kind(domain: route.className), kind.particulars.emulated else { return nil }
        return kind
    }

    /// The kinds whose records are counted: the route's, and every emulated
    /// kind a root key of the body names (contacts when none is named).
    static func watchedKinds(_ request: EmulatorRequest, routed: ImportKind?) -> [ImportKind] {
        var kinds: [ImportKind] = routed.map { [$0] } ?? []
        if let pairs = (try? JSONParser.parse(request.body))?.objectValue {
            for pair in pairs {
                if let kind = ImportCatalog.standard.kinds.first(where: { $0.root == pair.key && $0.particulars.emulated }),
                   !kinds.contains(where: { $0.domain == kind.domain }) { kinds.append(kind) }
            }
        }
        return kinds.isEmpty ? [ImportCatalog.standard.contacts] : kinds
    }

    /// How many records of each kind the companies hold together.
    static func counts(_ kinds: [ImportKind], in registry: CompanyRegistry) throws -> [Int] {
        try kinds.map { kind in try registry.companies.reduce(0) { $0 + (try $1.recordCount(of: kind)) } }
    }

    static func problem(in response: EmulatorResponse, request: EmulatorRequest, routed: ImportKind?,
                        growth: [(kind: ImportKind, growth: Int)], invariants: InvariantCheck) -> String? {
        guard statuses.contains(response.status) else { return "status \(response.status) is not one of the contract's" }
        guard response.header("Content-Type") == "application/json" else {
            return "Content-Type \(response.header("Content-Type") ?? "missing"), not application/json"
        }
        if let offset = response.body.firstIndex(where: { $0 >= 0x80 }) {
            return "the body is not ASCII at byte \(offset): \(FuzzText.excerpt(response.body))"
        }
        guard let body = try? JSONParser.parse(response.body) else {
            return "the body does not parse: \(FuzzText.excerpt(response.body))"
        }
        guard DataSnapJSONWriter.bytes(body) == response.body else {
            return "the body is not as DataSnap writes it: \(FuzzText.excerpt(response.body))"
        }
        if let problem = shapeProblem(body, status: response.status) { return "\(problem): \(FuzzText.excerpt(response.body))" }
        let broken = invariants(request.body, body, routed)
        guard broken.isEmpty else { return "invariants broken: \(broken.joined(separator: "; "))" }
        for (kind, change) in growth {
            if let problem = growthProblem(body, request: request, kind: kind, routed: routed, growth: change) { return problem }
        }
        return nil
    }

    /// 403: `{"SessionExpired":…}`; 404, 413, 500: `{"error":…}`; 200: `{"result":[{"resultat","message",…}]}`.
    private static func shapeProblem(_ body: JSONValue, status: Int) -> String? {
        let keys = body.objectValue?.map(\.key) ?? []
        switch status {
        case 403:
            return keys == ["SessionExpired"] && body["SessionExpired"]?.stringValue == Messages.sessionExpired
                ? nil : "a 403 answer that is not the expired-session object"
        case 200:
            guard keys == ["result"], let results = body["result"]?.arrayValue, results.count == 1,
                  let result = results.first, let resultKeys = result.objectValue?.map(\.key),
                  Array(resultKeys.prefix(2)) == ["resultat", "message"], result["message"]?.stringValue != nil,
                  let resultat = result["resultat"]?.stringValue, [Messages.success, Messages.failure].contains(resultat)
            else { return "a 200 answer that is not {\"result\":[{\"resultat\",\"message\",…}]}" }
            let known = ["resultat", "message", "journal", "statistiques"]
            return resultKeys.allSatisfy(known.contains) && resultKeys == known.filter(resultKeys.contains)
                ? nil : "result keys \(resultKeys) out of the spec's order"
        default:
            return keys == ["error"] && body["error"]?.stringValue != nil ? nil : "a \(status) answer that is not {\"error\":…}"
        }
    }

    /// A kind's records appear only through a successful import of that
    /// kind, as many as it reports; at most as many when a line can update a
    /// record (the file names a field of the kind's key, contacts'
    /// `CCT_NUMERO` among them), none under `tester` (D62).
    private static func growthProblem(_ body: JSONValue, request: EmulatorRequest, kind: ImportKind, routed: ImportKind?,
                                      growth: Int) -> String? {
        let result = body["result"]?.arrayValue?.first
        guard routed?.domain == kind.domain, result?["resultat"]?.stringValue == Messages.success,
              let decoded = decodedImport(request, kind: kind) else {
            return growth == 0 ? nil : "\(kind.domain) records changed by \(growth) although no \(kind.domain) import ran"
        }
        if decoded.isTest {
            return growth == 0 ? nil : "\(kind.domain) records changed by \(growth) under tester"
        }
        if !kind.particulars.entryFormats.isEmpty {
            // Entries: at least one and at most one per imported entry line, none when no line was imported (D81).
            let lines = result?["statistiques"]?[Messages.EntryStatisticsKey.entryLinesImported]?.stringValue.flatMap { Int($0) }
            guard let lines else { return growth >= 0 ? nil : "\(kind.domain) entries changed by \(growth)" }
            return (lines == 0 ? growth == 0 : (1...lines).contains(growth)) ? nil
                : "\(lines) entry lines imported but \(kind.domain) entries changed by \(growth)"
        }
        let splitter = LineSplitter(separator: decoded.parameters.separator, delimiter: decoded.parameters.delimiter)
        let names = ImportFile.fieldNames(decoded.parameters, kind: kind, splitter: splitter).map { $0.uppercased() }
        let keys = (kind.engineKey + (kind.particulars.numbering.map { [$0.field] } ?? [])).map { $0.uppercased() }
        // A key the request computes (Comptes' `calculer_numero_compte`, D78) can name a stored record too.
        let computesKey = kind.particulars.accountCodes != nil && decoded.parameters.options.contains("calculer_numero_compte")
        let updates = computesKey || names.contains { name in keys.contains { name.contains($0) } }
        let statistics = result?["statistiques"]?[Messages.importedCountKey]?.stringValue.flatMap { Int($0) }
        let journal = result?["journal"]?.arrayValue?.compactMap(\.stringValue)
            .compactMap { JournalTimestamp.split(line: $0)?.message }
            .first { $0.hasPrefix(Messages.importedCountPrefix) }
            .flatMap { Int($0.dropFirst(Messages.importedCountPrefix.count)) }
        guard let imported = statistics ?? journal else {
            let records = ImportFile.recordCount(decoded.parameters)
            return growth >= 0 && growth <= records ? nil
                : "\(kind.domain) records changed by \(growth) for a request of \(records) records"
        }
        if updates ? growth >= 0 && growth <= imported : growth == imported { return nil }
        return "\(imported) records imported but \(kind.domain) records changed by \(growth)"
            + (updates ? "" : " (the file names no field of the key \(keys.joined(separator: ", ")))")
    }

    private static func decodedImport(_ request: EmulatorRequest, kind: ImportKind) -> ImportRequest? {
        guard let json = try? JSONParser.parse(request.body) else { return nil }
        return try? RequestDecoder.decode(json, kind: kind)
    }
}
