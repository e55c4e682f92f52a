/// A run of consecutive lines, split and checked as far as the checks go
/// without the database, on their way to the store. Reused from batch to
/// batch: its arrays keep their storage, so records cost no allocation.
final class RecordBatch: @unchecked Sendable {
    /// Values per record: the standard fields, then the custom fields.
    let width: Int
    let capacity: Int
    private(set) var count = 0
    /// Each record's line number (spec §4: 1 for the first record).
    private(set) var lineNumbers: [Int] = []
    /// A reason found before the contact-number check, or nil.
    private(set) var earlyReasons: [String?] = []
    /// The number to update, or nil for a creation.
    private(set) var numbers: [String?] = []
    /// A reason found by the checks after the contact-number check, or nil.
    private(set) var lateReasons: [String?] = []
    /// `width` values per record; nil where the file has no such column.
    private(set) var values: [String?] = []

    init(width: Int, capacity: Int) {
        self.width = width
        self.capacity = capacity
        lineNumbers.reserveCapacity(capacity)
        earlyReasons.reserveCapacity(capacity)
        numbers.reserveCapacity(capacity)
        lateReasons.reserveCapacity(capacity)
        values.reserveCapacity(capacity * width)
    }

    var isFull: Bool { count == capacity }

    func removeAll() {
        count = 0
        lineNumbers.removeAll(keepingCapacity: true)
        earlyReasons.removeAll(keepingCapacity: true)
        numbers.removeAll(keepingCapacity: true)
        lateReasons.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// A line rejected without the database.
    func appendRejected(line: Int, reason: String) {
        lineNumbers.append(line)
        earlyReasons.append(reason)
        numbers.append(nil)
        lateReasons.append(nil)
        values.append(contentsOf: repeatElement(nil, count: width))
        count += 1
    }

    /// A record that passed the checks before the contact number's.
    func appendRecord(line: Int, record: ContactRecord, lateReason: String?) {
        lineNumbers.append(line)
        earlyReasons.append(nil)
        numbers.append(record.number)
        lateReasons.append(lateReason)
        values.append(contentsOf: record.standard)
        values.append(contentsOf: record.custom)
        count += 1
    }

    /// Record `index`'s values: standard fields by position, then custom fields.
    func values(at index: Int) -> ArraySlice<String?> {
        values[(index * width)..<((index + 1) * width)]
    }
}
