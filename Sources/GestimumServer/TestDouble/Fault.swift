import GestimumEmulator

/// A fault armed through `POST /_emulator/faults`: which requests it fires
/// on, what it does instead of (or before) answering, and how often.
public struct Fault: Sendable {
    /// Every key optional; all given ones must hold.
    public struct Match: Sendable {
        public var method: String?
        /// DataSnap-decoded and lower-cased (`/api/rest/contacts/"importer"`).
        public var path: String?
        /// The resolved company path, lower-cased.
        public var company: String?
        public var session: String?
    }

    public indirect enum Action: Sendable {
        /// Answer this status and body instead of running the request.
        case status(Int, body: JSONValue?)
        /// Wait, then run the request (nil) or another action.
        case delay(milliseconds: Int, then: Action?)
        /// Close the connection without an answer.
        case drop
        /// Treat the request's session as expired, for good.
        case expireSession

        /// `status`, `delay`, `drop` or `expire_session`: for logs.
        public var name: String {
            switch self {
            case .status: return "status"
            case .delay: return "delay"
            case .drop: return "drop"
            case .expireSession: return "expire_session"
            }
        }
    }

    public var match: Match
    public var action: Action
    /// Hits before it stops firing; 0 is unlimited.
    public var times: Int
    /// Matching requests let through before it fires.
    public var after: Int
    /// The document as armed, for listing.
    public var document: (match: JSONValue, action: JSONValue)

    /// The longest delay a fault may ask for: 10 minutes.
    public static let longestDelay = 600_000

    /// Reads a fault document; every problem with its JSON path.
    public static func read(_ body: [UInt8]) throws(FixtureError) -> Fault {
        let document = try ControlAPI.document(body)
        let reader = JSONReader()
        var fault = Fault(match: Match(), action: .drop, times: 1, after: 0, document: (.object([]), .null))
        var action: Action?
        for (key, value) in reader.object(document, at: "", keys: ["match", "action", "times", "after"]) ?? [] {
            switch key {
            case "match":
                fault.document.match = value
                fault.match = readMatch(value, reader)
            case "action":
                fault.document.action = value
                action = readAction(value, at: "action", reader)
            case "times": fault.times = reader.integer(value, at: "times", in: 0...1_000_000_000) ?? 1
            case "after": fault.after = reader.integer(value, at: "after", in: 0...1_000_000_000) ?? 0
            default: break
            }
        }
        if case .object = document, document["action"] == nil {
            reader.fail("action", "missing (what the fault does: status, delay_ms, drop or expire_session)")
        }
        guard reader.problems.isEmpty, let action else { throw FixtureError(problems: reader.problems) }
        fault.action = action
        return fault
    }

    private static func readMatch(_ value: JSONValue, _ reader: JSONReader) -> Match {
        var match = Match()
        for (key, value) in reader.object(value, at: "match", keys: ["method", "path", "company", "session"]) ?? [] {
            let here = JSONReader.path("match", key)
            guard let text = reader.string(value, at: here) else { continue }
            switch key {
            case "method": match.method = text.uppercased()
            case "path":
                if text.hasPrefix("/") { match.path = RequestFacts.normalize(path: text) } else {
                    reader.fail(here, "\"\(text)\" must start with /")
                }
            case "company": match.company = ImportTask.resolvePath(text).lowercased()
            case "session": match.session = text
            default: break
            }
        }
        return match
    }

    private static let actionShapes = #"{"status": N, "body": …}, {"delay_ms": N, "then": …}, {"drop": true} or {"expire_session": true}"#

    private static func readAction(_ value: JSONValue, at path: String, _ reader: JSONReader) -> Action? {
        guard case let .object(pairs) = value else {
            reader.fail(path, "must be an object (\(actionShapes)), not \(JSONReader.describe(value))")
            return nil
        }
        let keys = Set(pairs.map(\.key))
        func only(_ allowed: Set<String>) -> Bool {
            for key in keys.subtracting(allowed).sorted() {
                reader.fail(JSONReader.path(path, key), "does not go with \(allowed.sorted().joined(separator: "/")) (one action per fault: \(actionShapes))")
            }
            return keys.isSubset(of: allowed)
        }
        if keys.contains("status") {
            guard only(["status", "body"]) else { return nil }
            let status = reader.integer(value["status"]!, at: JSONReader.path(path, "status"), in: 200...599)
            return status.map { .status($0, body: value["body"]) }
        }
        if keys.contains("delay_ms") {
            guard only(["delay_ms", "then"]) else { return nil }
            let milliseconds = reader.integer(value["delay_ms"]!, at: JSONReader.path(path, "delay_ms"), in: 0...longestDelay)
            var then: Action?
            if let next = value["then"] {
                then = readAction(next, at: JSONReader.path(path, "then"), reader)
                if then == nil { return nil }
            }
            return milliseconds.map { .delay(milliseconds: $0, then: then) }
        }
        if keys.contains("drop") {
            guard only(["drop"]), reader.bool(value["drop"]!, at: JSONReader.path(path, "drop")) != nil else { return nil }
            if value["drop"] != .bool(true) { reader.fail(JSONReader.path(path, "drop"), "can only be true"); return nil }
            return .drop
        }
        if keys.contains("expire_session") {
            guard only(["expire_session"]), reader.bool(value["expire_session"]!, at: JSONReader.path(path, "expire_session")) != nil
            else { return nil }
            if value["expire_session"] != .bool(true) {
                reader.fail(JSONReader.path(path, "expire_session"), "can only be true"); return nil
            }
            return .expireSession
        }
        reader.fail(path, keys.isEmpty ? "is empty; expected one of \(actionShapes)"
                    : "unknown action \(keys.sorted().joined(separator: ", ")) (expected one of \(actionShapes))")
        return nil
    }

    /// Whether the fault's match holds for a request.
    func matches(_ request: RequestFacts) -> Bool {
        if let method = match.method, method != request.method.uppercased() { return false }
        if let path = match.path, path != request.normalizedPath { return false }
        if let session = match.session, session != request.session { return false }
        if let company = match.company, company != request.company()?.lowercased() { return false }
        return true
    }
}
