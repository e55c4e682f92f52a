/// Writes an ``ImportOutcome`` as Gestimum's `{"result":[…]}` body, keys in
/// Gestimum's order, `journal` and `statistiques` only when asked (spec §7, §8).
public enum ImportResponse {
    /// The body's keys, shared with ``ImportAnswer`` which reads them back.
    public enum Key {
        public static let result = "result"
        public static let status = "resultat"
        public static let message = "message"
        public static let journal = "journal"
        public static let statistics = "statistiques"
        public static let error = "error"
    }

    public static func body(
        for outcome: ImportOutcome, journal wantsJournal: Bool, statistics wantsStatistics: Bool
    ) -> JSONValue {
        var result: [(key: String, value: JSONValue)]
        switch outcome {
        case let .requestError(message):
            result = [(Key.status, .string(Messages.failure)), (Key.message, .string(message))]
        case let .taskFailure(message, journal):
            result = [(Key.status, .string(Messages.failure)), (Key.message, .string(message))]
            if wantsJournal { result.append((Key.journal, .array(journal.map(JSONValue.string)))) }
        case let .completed(journal, imported, rejected):
            result = [(Key.status, .string(Messages.success)), (Key.message, .string(Messages.finished))]
            if wantsJournal { result.append((Key.journal, .array(journal.map(JSONValue.string)))) }
            if wantsStatistics {
                result.append((Key.statistics, .object([
                    (Messages.importedCountKey, .string(String(imported))),
                    (Messages.rejectedCountKey, .string(String(rejected))),
                ])))
            }
        }
        return wrap(.object(result))
    }

    /// DataSnap's envelope around a method's result.
    public static func wrap(_ result: JSONValue) -> JSONValue {
        .object([(Key.result, .array([result]))])
    }

    /// DataSnap's answer to an exception: `{"error":"…"}`.
    public static func error(_ message: String) -> JSONValue {
        .object([(Key.error, .string(message))])
    }
}
