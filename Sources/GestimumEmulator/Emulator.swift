import Foundation
import Logging

/// The emulator's single entry point: raw HTTP in, raw HTTP out. The HTTP
/// server and the runner's in-process target both call ``handle(_:)`` and
/// nothing else, so they cannot drift.
public final class Emulator: Sendable {
    /// The default body limit (spec §8): 256 MiB.
    public static let defaultMaxBodySize = 256 * 1024 * 1024

    public let registry: CompanyRegistry
    public let clock: any EmulatorClock
    public let logger: Logger
    public let maxBodySize: Int
    /// The server's work folder (`serve --work-folder`), nil when not set:
    /// then the fixture's `dossier_travail`, else ``defaultWorkFolder`` (D81).
    public let workFolder: String?
    /// The work folder when neither the server nor the fixture sets one (D81).
    public static let defaultWorkFolder = "C:\\ProgramData\\Gestimum\\Temp"
    /// The imports the emulator answers.
    public let catalog: ImportCatalog
    private let sessions: SessionTable

    public init(registry: CompanyRegistry, clock: any EmulatorClock, sessionIDs: SessionIDGenerator = .random(),
                logger: Logger = Logger(label: "gestimum.emulator"), maxBodySize: Int = Emulator.defaultMaxBodySize,
                workFolder: String? = nil) {
        self.registry = registry
        self.workFolder = workFolder
        self.clock = clock
        self.logger = logger
        self.maxBodySize = maxBodySize
        self.catalog = .standard
        self.sessions = SessionTable(ids: sessionIDs)
    }

    /// Answers one request. Never throws: every failure is an HTTP answer.
    public func handle(_ request: EmulatorRequest) async -> EmulatorResponse {
        if request.body.count > maxBodySize {
            return .bodyTooLarge(limit: maxBodySize)
        }
        let requested = request.header("Pragma").flatMap(SessionTable.requestedSession(inPragma:))
        guard let session = sessions.session(named: requested, at: clock.now()) else {
            return .json(403, .object([("SessionExpired", .string(Messages.sessionExpired))]), session: nil)
        }
        guard let route = DataSnapRoute(method: request.method, rawPath: request.path) else {
            let path = String(request.path.prefix(while: { $0 != "?" }))
            return .json(404, ImportResponse.error(Messages.pathNotFound(path)), session: session)
        }
        if route.methodName.lowercased() == "importer", let kind = catalog.kind(domain: route.className), kind.particulars.emulated {
            return await runImport(kind, body: request.body, session: session)
        }
        if route.names("Outils", "Version") {
            return .json(200, Self.toolAnswer(Messages.webServiceVersion), session: session)
        }
        if route.names("Outils", "VersionERP") {
            return .json(200, Self.toolAnswer(registry.erpVersion), session: session)
        }
        return .json(500, ImportResponse.error(Messages.methodNotFound(route.className, route.methodName)), session: session)
    }

    /// The answer to a health check's `GET /api/rest/Outils/%22Version%22`
    /// (D77): the version, without opening or renewing a session, so that a
    /// probe every few seconds leaves the session table and the seeded
    /// session ids as they were. Nil for any other request.
    public func healthAnswer(_ request: EmulatorRequest) -> EmulatorResponse? {
        guard request.method == "GET", let route = DataSnapRoute(method: request.method, rawPath: request.path),
              route.names("Outils", "Version") else { return nil }
        return .json(200, Self.toolAnswer(Messages.webServiceVersion), session: nil)
    }

    /// Ends `session` at once: requests naming it get 403 `SessionExpired` (the control API's faults).
    public func expireSession(_ session: String) {
        sessions.expire(session)
    }

    /// The import's answer, with its result noted for the logs.
    private static func answer(_ outcome: ImportOutcome, journal: Bool, statistics: Bool, company: String?, session: String) -> EmulatorResponse {
        var response = EmulatorResponse.json(200, bytes: ImportResponse.bytes(for: outcome, journal: journal, statistics: statistics),
                                             session: session)
        switch outcome {
        case let .requestError(message):
            response.summary.importResult = .init(resultat: Messages.failure, message: message, company: company)
        case let .taskFailure(message, _):
            response.summary.importResult = .init(resultat: Messages.failure, message: message, company: company, reached: .opened)
        case let .completed(_, imported, rejected):
            response.summary.importResult = .init(resultat: Messages.success, message: Messages.finished, imported: imported,
                                                  rejected: rejected, company: company, reached: .imported)
        case let .reported(_, report):
            response.summary.importResult = .init(resultat: Messages.success, message: Messages.finished, imported: report.entryLinesImported,
                                                  rejected: report.entryLinesRejected, company: company, reached: .imported)
        }
        return response
    }

    private static func toolAnswer(_ message: String) -> JSONValue {
        ImportResponse.wrap(.object([(ImportResponse.Key.status, .string(Messages.success)), (ImportResponse.Key.message, .string(message))]))
    }

    private func runImport(_ kind: ImportKind, body: [UInt8], session: String) async -> EmulatorResponse {
        var json: JSONValue = .null  // DataSnap: an empty body is a null parameter.
        var lines: TextLines?
        if !body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            do { (json, lines) = try JSONParser.parse(body, keepingLinesAt: RequestDecoder.linesPath(kind)) } catch {
                return .json(500, ImportResponse.error(Messages.invalidJSON), session: session)
            }
        }
        guard (ERPVersion.major(of: registry.erpVersion) ?? 0) >= kind.erpMin else {
            let message = kind.domain == "Contacts" ? Messages.erpVersionTooOld : Messages.erpVersionTooOld(task: kind.task, major: kind.erpMin)
            return Self.answer(.requestError(message), journal: false, statistics: false, company: nil, session: session)
        }
        let request: ImportRequest
        do { request = try RequestDecoder.decode(json, kind: kind, lines: lines) } catch {
            return Self.answer(.requestError(error.message), journal: false, statistics: false, company: nil, session: session)
        }
        do {
            let outcome = try await ImportTask(kind: kind, registry: registry, clock: clock, logger: logger,
                                           workFolder: workFolder ?? registry.workFolder ?? Self.defaultWorkFolder).run(request)
            return Self.answer(outcome, journal: request.parameters.journal, statistics: request.parameters.statistics,
                               company: ImportTask.resolvePath(request.login.file), session: session)
        } catch {
            // A full disk or a damaged file is named with its file, never answered as a success (D74).
            let path = ImportTask.resolvePath(request.login.file)
            let file = registry.company(at: path)?.file?.path ?? path
            if let failure = StorageFailure.of(error, file: file) {
                // Notice, not error: the server's request line gives the same sentence; the CLI exits with it.
                logger.notice("import failed", metadata: ["file": "\(failure.file)", "error": "\(failure.reason)"])
                var response = EmulatorResponse.json(500, ImportResponse.error(failure.description), session: session)
                response.summary.storageFailure = failure
                return response
            }
            logger.error("import failed", metadata: ["error": "\(error)"])
            return .json(500, ImportResponse.error(FailureReason.of(error)), session: session)
        }
    }
}
