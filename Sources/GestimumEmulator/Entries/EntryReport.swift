/// The accounting-entries import's report: what it counted, its errors and
/// warnings, written in the journal as the help's answer shows and as the
/// eight `statistiques` (RequeteCréationEcritures.md, « Retour »).
public struct EntryReport: Sendable, Equatable {
    public var entryLinesImported = 0
    public var entryLinesRejected = 0
    public var dueDateLinesImported = 0
    public var dueDateLinesRejected = 0
    public var analyticLinesImported = 0
    public var analyticLinesRejected = 0
    /// `ERR {letter}{line} : {message}`, in line order.
    public private(set) var errors: [Note] = []
    /// `AV {letter}{line} : {message}`, in line order.
    public private(set) var warnings: [Note] = []

    /// One error or warning about one line of a file (D81).
    public struct Note: Sendable, Equatable {
        /// The legend's letter (`E`, `H`, `S`), or the accounts file's word.
        public var letter: String
        /// The line's number in its file (1 for its first element).
        public var line: Int
        public var message: String
    }

    public init() {}

    /// The legend's letter of a record type (`E` entry line, `H` due date, `S` analytic section).
    static func letter(_ record: EntryFormat.Record) -> String {
        switch record {
        case .entry: Messages.EntryReportText.entryLetter
        case .dueDate: Messages.EntryReportText.dueDateLetter
        case .analytic: Messages.EntryReportText.analyticLetter
        case .account: Messages.EntryReportText.accountWord
        }
    }

    mutating func error(_ record: EntryFormat.Record, line: Int, _ message: String) {
        errors.append(Note(letter: Self.letter(record), line: line, message: message))
    }

    mutating func warning(_ record: EntryFormat.Record, line: Int, _ message: String) {
        warnings.append(Note(letter: Self.letter(record), line: line, message: message))
    }

    /// Puts the notes in file order: the accounts file's first, then by line (stable).
    mutating func sort() {
        func key(_ note: Note, _ offset: Int) -> (Int, Int, Int) { (note.letter == Messages.EntryReportText.accountWord ? 0 : 1, note.line, offset) }
        errors = errors.enumerated().sorted { key($0.element, $0.offset) < key($1.element, $1.offset) }.map(\.element)
        warnings = warnings.enumerated().sorted { key($0.element, $0.offset) < key($1.element, $1.offset) }.map(\.element)
    }

    /// The report's journal lines, from `Ci-dessous le rapport d'import :` to the legend's last line.
    func journalLines(workFile: String) -> [String] {
        typealias Text = Messages.EntryReportText
        var lines = [Text.heading, Text.rule, Text.summary,
                     Text.entryLinesImportable(entryLinesImported), Text.entryLinesRejectable(entryLinesRejected),
                     Text.dueDateLinesImportable(dueDateLinesImported), Text.dueDateLinesRejectable(dueDateLinesRejected),
                     Text.errorCount(errors.count)]
        lines += errors.map { Text.error($0.letter, $0.line, $0.message) }
        lines.append(Text.warningCount(warnings.count))
        lines += warnings.map { Text.warning($0.letter, $0.line, $0.message) }
        lines += [Text.rule, Text.importedFile(workFile)] + Text.legend
        return lines
    }

    /// `statistiques`, keys in the documented order, values as strings of digits.
    public var statistics: [(key: String, value: String)] {
        typealias Key = Messages.EntryStatisticsKey
        return [
            (Key.errors, String(errors.count)), (Key.warnings, String(warnings.count)),
            (Key.entryLinesImported, String(entryLinesImported)), (Key.entryLinesRejected, String(entryLinesRejected)),
            (Key.dueDateLinesImported, String(dueDateLinesImported)), (Key.dueDateLinesRejected, String(dueDateLinesRejected)),
            (Key.analyticLinesImported, String(analyticLinesImported)), (Key.analyticLinesRejected, String(analyticLinesRejected)),
        ]
    }

    /// The work folder and stamp of a report's `Fichier d'écritures importé : …` message; nil for any other message.
    public static func workFileParts(_ message: String) -> (folder: String, stamp: String)? {
        let prefix = Messages.EntryReportText.importedFile("")
        let suffix = "\\" + Messages.EntryReportText.workFileName
        guard message.hasPrefix(prefix), message.hasSuffix(suffix) else { return nil }
        let path = message.dropFirst(prefix.count).dropLast(suffix.count)
        let parts = path.split(separator: "\\", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        return (parts.dropLast(2).joined(separator: "\\"), String(parts[parts.count - 1]))
    }

    /// The working file the report names: `{folder}\ImporterEcritures\{stamp}\Ecritures.txt`.
    static func workFile(folder: String, task: String, stamp: String) -> String {
        let base = folder.hasSuffix("\\") ? String(folder.dropLast()) : folder
        return "\(base)\\\(task)\\\(stamp)\\\(Messages.EntryReportText.workFileName)"
    }
}
