/// What an answer means, for the request log and the server log: the
/// session it ran in, the error text of a 4xx/5xx, and an import's result.
public struct ResponseSummary: Sendable, Equatable {
    /// An import's result, whether or not the request asked for statistics.
    public struct ImportResult: Sendable, Equatable {
        public var resultat: String
        public var message: String
        public var imported: Int?
        public var rejected: Int?
        /// The resolved company path, once the request was read.
        public var company: String?
        /// The last phase the journal stamped: nil before the company was
        /// opened, `.opened` for a failure while opening, `.imported` after an import.
        public var reached: ImportPhase?

        public init(resultat: String, message: String, imported: Int? = nil, rejected: Int? = nil,
                    company: String? = nil, reached: ImportPhase? = nil) {
            self.resultat = resultat
            self.message = message
            self.imported = imported
            self.rejected = rejected
            self.company = company
            self.reached = reached
        }
    }

    public var session: String?
    /// The `{"error"}` or `SessionExpired` text.
    public var reason: String?
    public var importResult: ImportResult?
    /// The company database that could not be written or was found damaged (D74).
    public var storageFailure: StorageFailure?

    public init(session: String? = nil, reason: String? = nil, importResult: ImportResult? = nil) {
        self.session = session
        self.reason = reason
        self.importResult = importResult
    }
}
