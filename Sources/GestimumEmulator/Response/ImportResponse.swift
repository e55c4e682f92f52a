/// Writes an ``ImportOutcome`` as Gestimum's `{"result":[…]}` body, keys in
/// Gestimum's order, `journal` and `statistiques` only when asked (spec §7, §8).
public enum ImportResponse {
    public static func body(
        for outcome: ImportOutcome, journal wantsJournal: Bool, statistics wantsStatistics: Bool
    ) -> JSONValue {
        var result: [(key: String, value: JSONValue)]
        switch outcome {
        case let .requestError(message):
            result = [("resultat", .string(Messages.failure)), ("message", .string(message))]
        case let .taskFailure(message, journal):
            result = [("resultat", .string(Messages.failure)), ("message", .string(message))]
            if wantsJournal { result.append(("journal", .array(journal.map(JSONValue.string)))) }
        case let .completed(journal, imported, rejected):
            result = [("resultat", .string(Messages.success)), ("message", .string(Messages.finished))]
            if wantsJournal { result.append(("journal", .array(journal.map(JSONValue.string)))) }
            if wantsStatistics {
                result.append(("statistiques", .object([
                    (Messages.importedCountKey, .string(String(imported))),
                    (Messages.rejectedCountKey, .string(String(rejected))),
                ])))
            }
        }
        return wrap(.object(result))
    }

    /// DataSnap's envelope around a method's result.
    public static func wrap(_ result: JSONValue) -> JSONValue {
        .object([("result", .array([result]))])
    }

    /// DataSnap's answer to an exception: `{"error":"…"}`.
    public static func error(_ message: String) -> JSONValue {
        .object([("error", .string(message))])
    }
}
