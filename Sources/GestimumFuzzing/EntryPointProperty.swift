import GestimumEmulator
import Logging
import Synchronization

/// The `handle` fuzz property, on ``Emulator/handle(_:)`` with in-memory
/// companies and a scripted clock: every answer has a status of the contract
/// (200, 403, 404, 413, 500), `Content-Type: application/json` and a body in
/// DataSnap's wire format (ASCII that parses and that the wire writer writes
/// back byte for byte) with the shape its status calls for; the runner's
/// built-in invariants hold for every answer; the companies' contact count
/// grows by exactly the imported count, and not at all when nothing ran
/// (decision D62).
///
/// One property object serves many inputs: the companies are rebuilt only
/// when they have grown, and each input gets a fresh emulator (new session
/// table, seeded ids) so that an input's answer depends on little else.
public final class EntryPointProperty: Sendable {
    /// The runner's invariants: the broken ones for a request body and its answer.
    public typealias InvariantCheck = @Sendable (_ requestBody: [UInt8], _ responseBody: JSONValue) -> [String]

    /// The statuses the contract allows.
    public static let statuses: Set<Int> = [200, 403, 404, 413, 500]
    /// The companies are rebuilt once they hold more contacts than this.
    public static let contactsBeforeReset = 200
    /// The body limit the emulator is given, small so the 413 path is reachable.
    public static let maxBodySize = 1024

    private struct State {
        var registry: CompanyRegistry
        var contacts: Int
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
        let registry = try CompanyRegistry(fixture: fixture)
        state = Mutex(State(registry: registry, contacts: try Self.contactCount(registry)))
    }

    /// What is wrong with the emulator's answer to the request `input` stands
    /// for (``RawRequest``), or nil.
    public func check(_ input: [UInt8]) async -> String? {
        let request = RawRequest.decode(input)
        let (registry, before) = state.withLock { ($0.registry, $0.contacts) }
        let emulator = Emulator(registry: registry, clock: clock, sessionIDs: .seeded(), logger: logger,
                                maxBodySize: Self.maxBodySize)
        let response = await emulator.handle(request)
        let after: Int
        do { after = try Self.contactCount(registry) } catch { return "the companies cannot be read: \(error)" }
        await resetIfGrown(after)
        if let problem = Self.problem(in: response, request: request, growth: after - before, invariants: invariants) {
            return "\(request.method) \(FuzzText.excerpt(request.path)) with body \(FuzzText.excerpt(request.body)): \(problem)"
        }
        return nil
    }

    private func resetIfGrown(_ count: Int) async {
        guard count > Self.contactsBeforeReset, let registry = try? CompanyRegistry(fixture: fixture),
              let fresh = try? Self.contactCount(registry) else {
            state.withLock { $0.contacts = count }
            return
        }
        state.withLock { $0 = State(registry: registry, contacts: fresh) }
    }

    static func contactCount(_ registry: CompanyRegistry) throws -> Int {
        var total = 0
        for company in registry.companies { total += try company.contactCount() }
        return total
    }

    static func problem(in response: EmulatorResponse, request: EmulatorRequest, growth: Int, invariants: InvariantCheck) -> String? {
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
        let broken = invariants(request.body, body)
        guard broken.isEmpty else { return "invariants broken: \(broken.joined(separator: "; "))" }
        return growthProblem(body, request: request, growth: growth)
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

    /// Contacts appear only through a successful import, exactly as many as
    /// it reports; with `CCT_NUMERO` in the field list some imported records
    /// are updates, so at most as many (D62).
    private static func growthProblem(_ body: JSONValue, request: EmulatorRequest, growth: Int) -> String? {
        let result = body["result"]?.arrayValue?.first
        guard result?["resultat"]?.stringValue == Messages.success, let decoded = decodedImport(request) else {
            return growth == 0 ? nil : "contacts changed by \(growth) although nothing was imported"
        }
        let kind = ImportCatalog.standard.contacts
        let splitter = LineSplitter(separator: decoded.parameters.separator, delimiter: decoded.parameters.delimiter)
        let names = ImportFile.fieldNames(decoded.parameters, kind: kind, splitter: splitter)
        let updates = names.contains { $0.uppercased().contains(kind.particulars.numbering?.field ?? "CCT_NUMERO") }
        let statistics = result?["statistiques"]?[Messages.importedCountKey]?.stringValue.flatMap { Int($0) }
        let journal = result?["journal"]?.arrayValue?.compactMap(\.stringValue)
            .compactMap { JournalTimestamp.split(line: $0)?.message }
            .first { $0.hasPrefix(Messages.importedCountPrefix) }
            .flatMap { Int($0.dropFirst(Messages.importedCountPrefix.count)) }
        guard let imported = statistics ?? journal else {
            let records = ImportFile.recordCount(decoded.parameters)
            return (0...records).contains(growth) ? nil
                : "contacts changed by \(growth) for a request of \(records) records"
        }
        if updates ? (0...imported).contains(growth) : growth == imported { return nil }
        return "\(imported) records imported but contacts changed by \(growth)"
    }

    private static func decodedImport(_ request: EmulatorRequest) -> ImportRequest? {
        guard let json = try? JSONParser.parse(request.body) else { return nil }
        return try? RequestDecoder.decode(json)
    }
}
