/// The first half of an import: splits the file's lines, maps them onto the
/// field list and runs every check that needs no database, filling batches
/// in line order. It may run on a thread of its own while the store writes.
struct RecordProducer: Sendable {
    let lines: TextLines
    let splitter: LineSplitter
    /// The first line is the header: not a record.
    let skipsHeader: Bool
    let validator: RecordValidator
    /// Codes and numbers computed before the checks (Comptes, D78).
    var accountCodes: AccountCodes.Applied? = nil

    var fields: FieldList { validator.fields }

    /// Fills `batch` and hands it over each time it is full, then once more
    /// at the end (`last` true); `handOver` gives the next batch to fill, or
    /// nil to stop early.
    func run(into first: RecordBatch, handOver: (RecordBatch, _ last: Bool) throws -> RecordBatch?) rethrows {
        var batch = first
        var record = ImportRecord(fieldCount: validator.kind.fields.count, customFieldCount: validator.customFields.count)
        var number = skipsHeader ? -1 : 0
        var stopped = false
        try splitter.forEachLine(lines) { line in
            number += 1
            guard number > 0 else { return true }
            if let line {
                if line.count > fields.columns.count {
                    batch.appendRejected(line: number, reason: Messages.valueCount(line.count, fields.columns.count))
                } else {
                    record.load(line, fields: fields)
                    accountCodes?.complete(&record)
                    batch.appendRecord(line: number, record: record, early: validator.early(record),
                                       customReason: validator.customReason(record))
                }
            } else {
                batch.appendRejected(line: number, reason: Messages.unclosedDelimiter)
            }
            if batch.isFull {
                guard let next = try handOver(batch, false) else {
                    stopped = true
                    return false
                }
                batch = next
            }
            return true
        }
        if !stopped { _ = try handOver(batch, true) }
    }
}
