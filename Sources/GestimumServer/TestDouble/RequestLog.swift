import GestimumEmulator
import Synchronization

/// The last requests the emulator answered, oldest first, for connector
/// tests to assert what their connector sent and how often (the control
/// API's `GET /_emulator/requests`). Control calls are not listed.
public final class RequestLog: Sendable {
    /// One answered request.
    public struct Entry: Sendable {
        /// The emulator's clock when the request arrived, `dd/MM/yyyy HH:mm:ss`.
        public var at: String
        public var method: String
        public var path: String
        public var session: String?
        /// nil when a fault dropped the connection.
        public var status: Int?
        /// The request body's size.
        public var bodyBytes: Int
        public var importResult: ResponseSummary.ImportResult?
        /// The `{"error"}` or `SessionExpired` text of a 4xx/5xx.
        public var reason: String?
        /// The fault that fired, if any.
        public var fault: Int?
        public var milliseconds: Int

        public var json: JSONValue {
            var pairs: [(key: String, value: JSONValue)] = [
                ("at", .string(at)), ("method", .string(method)), ("path", .string(path)),
                ("session", session.map(JSONValue.string) ?? .null),
                ("status", status.map { .number(String($0)) } ?? .null),
                ("body_bytes", .number(String(bodyBytes))),
            ]
            if let result = importResult {
                pairs.append(("resultat", .string(result.resultat)))
                pairs.append(("message", .string(result.message)))
                if let imported = result.imported { pairs.append(("imported", .number(String(imported)))) }
                if let rejected = result.rejected { pairs.append(("rejected", .number(String(rejected)))) }
            }
            if let reason { pairs.append(("error", .string(reason))) }
            pairs.append(("fault", fault.map { .number(String($0)) } ?? .null))
            return .object(pairs)
        }
    }

    /// How many requests are kept.
    public static let capacity = 1_000

    /// A ring: once full, the oldest entry is overwritten in place.
    private struct Ring {
        var entries: [Entry] = []
        var oldest = 0

        var inOrder: [Entry] { Array(entries[oldest...] + entries[..<oldest]) }
    }

    private let ring = Mutex(Ring())

    public init() {}

    public func append(_ entry: Entry) {
        ring.withLock { ring in
            if ring.entries.count < Self.capacity {
                ring.entries.append(entry)
            } else {
                ring.entries[ring.oldest] = entry
                ring.oldest = (ring.oldest + 1) % Self.capacity
            }
        }
    }

    public func clear() { ring.withLock { $0 = Ring() } }

    /// `{"requests": […]}`, the last `limit` ones (all kept ones by default), oldest first.
    public func listing(limit: Int? = nil) -> JSONValue {
        let kept = ring.withLock { $0.inOrder }
        let shown = limit.map { Array(kept.suffix(max(0, $0))) } ?? kept
        return .object([("requests", .array(shown.map(\.json)))])
    }
}
