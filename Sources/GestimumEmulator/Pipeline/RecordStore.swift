/// The second half of an import, on the database's thread: the checks that
/// read the company (creation or update, references, the record's number),
/// then the store, batch after batch in line order, keeping the counts, the
/// rejections and the warnings for the journal.
struct RecordStore {
    var writer: RecordWriter
    let validator: RecordValidator
    var lookup: ReferenceLookup
    private(set) var imported = 0
    private(set) var rejections: [(number: Int, reason: String)] = []
    /// Lines accepted with a warning, for the kinds whose journal shows them.
    private(set) var accepted: [(number: Int, values: [String?])] = []
    private let keepsAccepted: Bool
    /// Devises: the rate and its date are not changed by the import.
    private let rate: CurrencyRate?

    init(writer: RecordWriter, validator: RecordValidator, lookup: ReferenceLookup) {
        self.writer = writer
        self.validator = validator
        self.lookup = lookup
        keepsAccepted = !validator.kind.particulars.warnings.isEmpty
        rate = validator.kind.particulars.warnings.contains(.currencyRate) ? CurrencyRate(validator.kind) : nil
    }

    mutating func take(_ batch: RecordBatch) throws {
        let numbered = validator.kind.particulars.numbering != nil
        for i in 0..<batch.count {
            let line = batch.lineNumbers[i]
            let values = batch.values(at: i)
            let number = batch.numbers[i]
            var reason: String?
            if batch.created[i] == batch.updated[i] {
                reason = batch.created[i]
            } else if numbered {
                reason = number == nil ? batch.created[i] : batch.updated[i]
            } else {
                reason = try writer.exists(values: values) ? batch.updated[i] : batch.created[i]
            }
            if reason == nil, !validator.references.isEmpty {
                reason = try validator.referenceReason(values) { try lookup.exists($0, $1) }
            }
            if reason == nil, let number, try !writer.numberExists(number) {
                reason = Messages.unknownNumbered(validator.kind.domain, number)
            }
            if reason == nil { reason = batch.customReasons[i] }
            if let reason {
                rejections.append((line, reason))
            } else if let rate {
                try writer.store(number: number, values: rate.cleared(values)[...])
                imported += 1
                if keepsAccepted { accepted.append((line, Array(values))) }
            } else {
                try writer.store(number: number, values: values)
                imported += 1
                if keepsAccepted { accepted.append((line, Array(values))) }
            }
        }
    }
}
