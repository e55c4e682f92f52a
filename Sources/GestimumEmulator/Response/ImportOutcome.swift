/// How a contact import ended, before it is written as a response.
public enum ImportOutcome: Sendable, Equatable {
    /// The request's content was wrong; nothing was opened (spec §8).
    case requestError(String)
    /// The task could not run to the end (spec §3, §4, §8).
    case taskFailure(message: String, journal: TextLines)
    /// The task ran; some records may have been rejected (spec §7).
    case completed(journal: TextLines, imported: Int, rejected: Int)
    /// The accounting-entries task ran and wrote its report: `statistiques` are its eight counts (D81).
    case reported(journal: TextLines, report: EntryReport)

    /// The journal, when the task ran far enough to write one.
    public var journal: TextLines? {
        switch self {
        case .requestError: nil
        case let .taskFailure(_, journal), let .completed(journal, _, _), let .reported(journal, _): journal
        }
    }
}
