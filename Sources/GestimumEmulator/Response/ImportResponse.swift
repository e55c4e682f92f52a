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
        case .completed(let journal, _, _), .reported(let journal, _):
            result = [(Key.status, .string(Messages.success)), (Key.message, .string(Messages.finished))]
            if wantsJournal { result.append((Key.journal, .array(journal.map(JSONValue.string)))) }
            if wantsStatistics { result.append((Key.statistics, .object(statistics(of: outcome).map { ($0.key, .string($0.value)) }))) }
        }
        return wrap(.object(result))
    }

    /// The bytes of ``body(for:journal:statistics:)`` as DataSnap writes
    /// them, with the journal written straight from its lines: a journal of
    /// two million lines is never turned into strings and a tree (D66).
    public static func bytes(
        for outcome: ImportOutcome, journal wantsJournal: Bool, statistics wantsStatistics: Bool
    ) -> [UInt8] {
        // The tree without the journal: {"result":[{resultat, message, statistiques?}]}.
        let tree = body(for: outcome, journal: false, statistics: wantsStatistics)
        let journal = wantsJournal ? outcome.journal : nil
        guard let journal, let pairs = tree[Key.result]?.arrayValue?.first?.objectValue else { return DataSnapJSONWriter.bytes(tree) }
        var out: [UInt8] = []
        out.reserveCapacity(256 + DataSnapJSONWriter.escapedLength(of: journal))
        out.append(contentsOf: Array(#"{"result":[{"#.utf8))
        func write(key: String, _ value: () -> Void) {
            if out.last != UInt8(ascii: "{") { out.append(UInt8(ascii: ",")) }
            DataSnapJSONWriter.writeString(key, into: &out)
            out.append(UInt8(ascii: ":"))
            value()
        }
        for pair in pairs where pair.key != Key.statistics {
            write(key: pair.key) { DataSnapJSONWriter.write(pair.value, into: &out) }
        }
        write(key: Key.journal) {
            out.append(UInt8(ascii: "["))
            var first = true
            journal.forEachLineBytes { line in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                DataSnapJSONWriter.writeString(utf8: line, into: &out)
                return true
            }
            out.append(UInt8(ascii: "]"))
        }
        for pair in pairs where pair.key == Key.statistics {
            write(key: pair.key) { DataSnapJSONWriter.write(pair.value, into: &out) }
        }
        out.append(contentsOf: Array("}]}".utf8))
        return out
    }

    /// `statistiques` of an import that ran: the two counts, or the entries report's eight (D81).
    private static func statistics(of outcome: ImportOutcome) -> [(key: String, value: String)] {
        switch outcome {
        case let .completed(_, imported, rejected): [(Messages.importedCountKey, String(imported)), (Messages.rejectedCountKey, String(rejected))]
        case let .reported(_, report): report.statistics
        case .requestError, .taskFailure: []
        }
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
