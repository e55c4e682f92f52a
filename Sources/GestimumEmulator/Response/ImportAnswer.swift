/// An answer's `{"result":[{…}]}` body read back into the fields
/// ``ImportResponse`` writes, with the same keys: for the checks, the update
/// guard, the HTTP target and the bench, instead of walking the JSON by hand.
public struct ImportAnswer: Sendable, Equatable {
    /// The two counts of `statistiques`, nil when not a string of digits; for
    /// accounting entries, the entry lines imported and rejected (D81).
    public struct Statistics: Sendable, Equatable {
        public var imported: Int?
        public var rejected: Int?

        public init(imported: Int?, rejected: Int?) {
            self.imported = imported
            self.rejected = rejected
        }
    }

    /// `resultat`: ``Messages/success`` or ``Messages/failure``.
    public var status: String?
    public var message: String?
    /// The journal's lines, nil when the answer has no journal.
    public var journal: [String]?
    /// nil when the answer has no `statistiques`.
    public var statistics: Statistics?

    /// Whether `resultat` says the import ran (some records may have been rejected).
    public var succeeded: Bool { status == Messages.success }

    /// The journal's messages without their timestamps.
    public var journalMessages: [String]? {
        journal?.map { JournalTimestamp.split(line: $0)?.message ?? $0 }
    }

    /// Reads `body`; nil when it is not a DataSnap result (`{"error":…}`, another shape).
    public init?(_ body: JSONValue) {
        guard let result = body[ImportResponse.Key.result]?.arrayValue?.first, case .object = result else { return nil }
        status = result[ImportResponse.Key.status]?.stringValue
        message = result[ImportResponse.Key.message]?.stringValue
        journal = result[ImportResponse.Key.journal]?.arrayValue?.compactMap(\.stringValue)
        statistics = result[ImportResponse.Key.statistics].map { statistics in
            let count = { (key: String) in statistics[key]?.stringValue.flatMap { Int($0) } }
            return Statistics(imported: count(Messages.importedCountKey) ?? count(Messages.EntryStatisticsKey.entryLinesImported),
                              rejected: count(Messages.rejectedCountKey) ?? count(Messages.EntryStatisticsKey.entryLinesRejected))
        }
    }
}
