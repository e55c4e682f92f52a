/// An HTTP request as the entry point sees it: nothing decoded yet.
public struct EmulatorRequest: Sendable {
    public var method: String
    /// The raw request target, still percent-encoded (query included).
    public var path: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String = "POST", path: String = "/api/rest/Contacts/%22Importer%22",
                headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// The field `name`, compared case-insensitively; repeated lines joined with `, `.
    public func header(_ name: String) -> String? { headers.value(of: name) }
}

/// An HTTP response as the entry point gives it: bytes ready for the wire.
public struct EmulatorResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// What the answer means, for request logs; not sent.
    public var summary: ResponseSummary

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8], summary: ResponseSummary = ResponseSummary()) {
        self.status = status
        self.headers = headers
        self.body = body
        self.summary = summary
    }

    public func header(_ name: String) -> String? { headers.value(of: name) }

    /// The 413 answer to a body over `limit` bytes, given before any work (D9).
    public static func bodyTooLarge(limit: Int) -> EmulatorResponse {
        .json(413, ImportResponse.error(Messages.bodyTooLarge(limit)), session: nil)
    }

    /// A JSON answer in DataSnap's wire format.
    public static func json(_ status: Int, _ value: JSONValue, session: String?) -> EmulatorResponse {
        let reason = value["error"]?.stringValue ?? value["SessionExpired"]?.stringValue
        return json(status, bytes: DataSnapJSONWriter.bytes(value), session: session, reason: reason)
    }

    /// A JSON answer already written in DataSnap's wire format.
    static func json(_ status: Int, bytes: [UInt8], session: String?, reason: String? = nil) -> EmulatorResponse {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
        if let session { headers.append(("Pragma", SessionTable.pragma(for: session))) }
        return EmulatorResponse(status: status, headers: headers, body: bytes, summary: ResponseSummary(session: session, reason: reason))
    }
}
