import GestimumEmulator

/// The runner's built-in invariants (scenario-format.md), checked on every
/// answer whatever the golden says: the journal's counts, the statistics,
/// the records the request holds and the rejection lines must agree.
public enum Invariants {
    /// The broken invariants of one import answer, as sentences; empty when
    /// all hold. `kind`: the import the request was routed to; nil reads it
    /// from the body's root key (a body can name more than one).
    public static func check(requestBody: [UInt8], responseBody: JSONValue, kind routed: ImportKind? = nil) -> [String] {
        guard let answer = ImportAnswer(responseBody), answer.succeeded else { return [] }
        let kind = routed ?? (try? JSONParser.parse(requestBody)).map { ImportFile.kind(of: $0) } ?? ImportCatalog.standard.contacts
        if !kind.particulars.entryFormats.isEmpty { return checkEntryReport(requestBody: requestBody, responseBody: responseBody, answer: answer, kind: kind) }
        var broken: [String] = []
        let stats = answer.statistics
        let statImported = stats?.imported
        let statRejected = stats?.rejected
        let journal = answer.journalMessages
        var journalImported: Int?, journalRejected: Int?
        if let journal {
            journalImported = count(in: journal, prefix: Messages.importedCountPrefix)
            journalRejected = count(in: journal, prefix: Messages.rejectedCountPrefix)
            if journalImported == nil { broken.append("the journal has no \"\(Messages.importedCountPrefix)…\" line") }
            if journalRejected == nil { broken.append("the journal has no \"\(Messages.rejectedCountPrefix)…\" line") }
        }
        if stats != nil, statImported == nil || statRejected == nil {
            broken.append("statistiques must hold both counts as strings of digits")
        }
        if let j = journalImported, let s = statImported, j != s {
            broken.append("journal says \(j) imported, statistiques say \(s)")
        }
        if let j = journalRejected, let s = statRejected, j != s {
            broken.append("journal says \(j) not imported, statistiques say \(s)")
        }
        let imported = journalImported ?? statImported, rejected = journalRejected ?? statRejected
        if let imported, let rejected, let records = recordCount(requestBody, kind: kind), imported + rejected != records {
            broken.append("\(imported) imported + \(rejected) not imported ≠ \(records) records in the request")
        }
        if let journal, let rejected, let rules = kind.particulars.documents, let imported {
            broken.append(contentsOf: checkDocuments(journal, imported: imported, rejected: rejected, rules: rules))
        } else if let journal, let rejected {
            broken.append(contentsOf: checkRejections(journal, rejected: rejected, successLine: kind.particulars.successLine))
        }
        return broken
    }

    /// The accounting-entries report (D81): its counts agree with its `ERR`
    /// and `AV` lines, with `statistiques`, and with the lines the request holds.
    private static func checkEntryReport(requestBody: [UInt8], responseBody: JSONValue, answer: ImportAnswer, kind: ImportKind) -> [String] {
        typealias Text = Messages.EntryReportText
        typealias Key = Messages.EntryStatisticsKey
        var broken: [String] = []
        let statistics = responseBody[ImportResponse.Key.result]?.arrayValue?.first?[ImportResponse.Key.statistics]
        let stat = { (key: String) -> Int? in statistics?[key]?.stringValue.flatMap { Int($0) } }
        if statistics != nil {
            let keys = [Key.errors, Key.warnings, Key.entryLinesImported, Key.entryLinesRejected, Key.dueDateLinesImported,
                        Key.dueDateLinesRejected, Key.analyticLinesImported, Key.analyticLinesRejected]
            for key in keys where stat(key) == nil { broken.append("statistiques must hold \(key) as a string of digits") }
        }
        var counts: [String: Int] = [:]
        if let journal = answer.journalMessages {
            let pairs = [(Text.entryLinesImportablePrefix, Key.entryLinesImported), (Text.entryLinesRejectablePrefix, Key.entryLinesRejected),
                         (Text.dueDateLinesImportablePrefix, Key.dueDateLinesImported), (Text.dueDateLinesRejectablePrefix, Key.dueDateLinesRejected),
                         (Text.errorCountPrefix, Key.errors), (Text.warningCountPrefix, Key.warnings)]
            for (prefix, key) in pairs {
                guard let n = count(in: journal, prefix: prefix) else {
                    broken.append("the report has no \"\(prefix)…\" line")
                    continue
                }
                counts[key] = n
                if let s = stat(key), s != n { broken.append("the report says \(prefix)\(n), statistiques say \(key) \(s)") }
            }
            // `ERR E3 : …` and `AV H2 : …`, not the legend's `ERR : …` and `AV : …`.
            let errors = journal.filter { $0.hasPrefix(Text.errorTag + " ") && !$0.hasPrefix(Text.errorTag + " : ") }.count
            let warnings = journal.filter { $0.hasPrefix(Text.warningTag + " ") && !$0.hasPrefix(Text.warningTag + " : ") }.count
            if let n = counts[Key.errors], n != errors { broken.append("the report counts \(n) errors and lists \(errors)") }
            if let n = counts[Key.warnings], n != warnings { broken.append("the report counts \(n) warnings and lists \(warnings)") }
        }
        for key in [Key.analyticLinesImported, Key.analyticLinesRejected] { if let n = stat(key) { counts[key] = n } }
        guard let json = try? JSONParser.parse(requestBody), let request = try? RequestDecoder.decode(json, kind: kind),
              let format = request.parameters.entries.flatMap({ kind.entryFormat(named: $0.format) }) else { return broken }
        let lines = format.recordCounts(request.parameters.lines)
        let checks: [(EntryFormat.Record, String, String, String)] = [
            (.entry, Key.entryLinesImported, Key.entryLinesRejected, "entry"),
            (.dueDate, Key.dueDateLinesImported, Key.dueDateLinesRejected, "due-date"),
        ] + (format.records[.analytic] != nil ? [(.analytic, Key.analyticLinesImported, Key.analyticLinesRejected, "analytic")] : [])
        for (record, imported, rejected, name) in checks {
            guard let i = counts[imported], let r = counts[rejected] else { continue }
            let held = lines[record] ?? 0
            if i + r != held { broken.append("\(i) \(name) lines importable + \(r) rejectable ≠ \(held) in the request") }
        }
        return broken
    }

    private static func count(in journal: [String], prefix: String) -> Int? {
        journal.first { $0.hasPrefix(prefix) }.flatMap { Int($0.dropFirst(prefix.count)) }
    }

    /// A document import's journal (D79): a `La pièce … a été créée` line for
    /// each document created, at most one per imported line; a document not
    /// created for any line not imported; the success line when all were.
    private static func checkDocuments(_ journal: [String], imported: Int, rejected: Int, rules: DocumentRules) -> [String] {
        var broken: [String] = []
        let createdLines = journal.filter { $0.hasPrefix(Messages.documentCreatedPrefix) && $0.hasSuffix(Messages.documentCreatedSuffix) }.count
        let notCreated = journal.filter { $0 == rules.notCreated }.count
        if createdLines > imported { broken.append("\(createdLines) documents created from \(imported) lines imported") }
        if imported > 0, createdLines == 0 { broken.append("\(imported) lines imported but no document created") }
        if rejected > 0, notCreated == 0 { broken.append("\(rejected) lines not imported but no document left out") }
        if notCreated > rejected { broken.append("\(notCreated) documents left out for \(rejected) lines not imported") }
        if journal.contains(where: { $0.hasPrefix(Messages.lineRejectedPrefix) && $0.hasSuffix(Messages.lineRejectedSuffix) }) {
            broken.append("a document import's journal names its lines as \"Ligne k : …\", not \"\(Messages.lineRejectedPrefix)…\"")
        }
        if journal.contains(Messages.importSucceeded) != (rejected == 0) {
            broken.append(rejected == 0 ? "no success line although nothing was rejected"
                                        : "success line present although \(rejected) lines were not imported")
        }
        return broken
    }

    private static func checkRejections(_ journal: [String], rejected: Int, successLine: Bool) -> [String] {
        var broken: [String] = []
        var numbers: [Int] = []
        for (i, line) in journal.enumerated() where line.hasPrefix(Messages.lineRejectedPrefix) && line.hasSuffix(Messages.lineRejectedSuffix) {
            let middle = line.dropFirst(Messages.lineRejectedPrefix.count).dropLast(Messages.lineRejectedSuffix.count)
            guard let k = Int(middle) else { continue }
            numbers.append(k)
            let next = i + 1 < journal.count ? journal[i + 1] : nil
            if next == nil || next!.hasPrefix(Messages.taskFinishedBare("")) || next!.hasPrefix(Messages.lineRejectedPrefix) && next!.hasSuffix(Messages.lineRejectedSuffix) {
                broken.append("rejection of line \(k) is not followed by a reason")
            }
        }
        if numbers.count != rejected {
            broken.append("\(numbers.count) rejection lines for \(rejected) records not imported")
        }
        if zip(numbers, numbers.dropFirst()).contains(where: { $0 >= $1 }) {
            broken.append("rejected line numbers do not increase: \(numbers.map(String.init).joined(separator: ", "))")
        }
        let hasSuccess = journal.contains(Messages.importSucceeded)
        if !successLine {
            // GrillesTarifs' documented journal has no success line (R9).
            if hasSuccess { broken.append("success line present although this import's journal has none") }
        } else if hasSuccess != (rejected == 0) {
            broken.append(hasSuccess ? "success line present although \(rejected) records were rejected"
                                     : "no success line although nothing was rejected")
        }
        return broken
    }

    /// How many records the request holds, split as in spec §4; nil when it
    /// is not a valid import request (of `kind`, or of the kind its root names).
    public static func recordCount(_ body: [UInt8], kind: ImportKind? = nil) -> Int? {
        guard let json = try? JSONParser.parse(body) else { return nil }
        guard let request = try? RequestDecoder.decode(json, kind: kind ?? ImportFile.kind(of: json)) else { return nil }
        return ImportFile.recordCount(request.parameters)
    }
}
