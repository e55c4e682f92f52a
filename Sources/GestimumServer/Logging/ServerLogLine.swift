import GestimumEmulator
import Logging

/// The one `info` line the server writes per request: method, path, status,
/// session, duration, and for imports `resultat`, `message` (the échec text
/// when it failed), imported and rejected counts; for 4xx/5xx the reason.
struct ServerLogLine {
    let message: Logger.Message
    let metadata: Logger.Metadata

    init(_ entry: RequestLog.Entry) {
        message = "\(entry.method) \(entry.path) \(entry.status.map(String.init) ?? "dropped")"
        var metadata: Logger.Metadata = [
            "method": .string(entry.method), "path": .string(entry.path),
            "status": entry.status.map { .stringConvertible($0) } ?? .string("dropped"),
            "ms": .stringConvertible(entry.milliseconds),
        ]
        if let session = entry.session { metadata["session"] = .string(session) }
        if let result = entry.importResult {
            metadata["resultat"] = .string(result.resultat)
            metadata["message"] = .string(result.message)
            if let imported = result.imported { metadata["imported"] = .stringConvertible(imported) }
            if let rejected = result.rejected { metadata["rejected"] = .stringConvertible(rejected) }
        }
        if let reason = entry.reason { metadata["reason"] = .string(reason) }
        if let fault = entry.fault { metadata["fault"] = .stringConvertible(fault) }
        self.metadata = metadata
    }

    func write(to logger: Logger) {
        logger.info(message, metadata: metadata)
    }
}
