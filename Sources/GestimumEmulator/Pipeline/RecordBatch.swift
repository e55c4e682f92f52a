/// A run of consecutive lines, split and checked as far as the checks go
/// without the database, on their way to the store. Reused from batch to
/// batch: its arrays keep their storage, so records cost no allocation.
final class RecordBatch: @unchecked Sendable {
    /// Values per record: the kind's fields, then the custom fields.
    let width: Int
    let capacity: Int
    private(set) var count = 0
    /// Each record's line number (spec §4: 1 for the first record).
    private(set) var lineNumbers: [Int] = []
    /// The reasons found without the database (``RecordValidator/EarlyReasons``).
    private(set) var created: [String?] = []
    private(set) var updated: [String?] = []
    /// The number to update (numbered kinds), or nil.
    private(set) var numbers: [String?] = []
    /// A custom-field reason, checked after the number's, or nil.
    private(set) var customReasons: [String?] = []
    /// `width` values per record; nil where the file has no such column.
    private(set) var values: [String?] = []

    init(width: Int, capacity: Int) {
        self.width = width
        self.capacity = capacity
        lineNumbers.reserveCapacity(capacity)
        created.reserveCapacity(capacity)
        updated.reserveCapacity(capacity)
        numbers.reserveCapacity(capacity)
        customReasons.reserveCapacity(capacity)
        values.reserveCapacity(capacity * width)
    }

    var isFull: Bool { count == capacity }

    func removeAll() {
        count = 0
        lineNumbers.removeAll(keepingCapacity: true)
        created.removeAll(keepingCapacity: true)
        updated.removeAll(keepingCapacity: true)
        numbers.removeAll(keepingCapacity: true)
        customReasons.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// A line rejected whatever the database holds.
    func appendRejected(line: Int, reason: String) {
        lineNumbers.append(line)
        created.append(reason)
        updated.append(reason)
        numbers.append(nil)
        customReasons.append(nil)
        values.append(contentsOf: repeatElement(nil, count: width))
        count += 1
    }

    /// A record and what the early checks found.
    func appendRecord(line: Int, record: ImportRecord, early: RecordValidator.EarlyReasons, customReason: String?) {
        lineNumbers.append(line)
        created.append(early.created)
        updated.append(early.updated)
        numbers.append(record.number)
        customReasons.append(customReason)
        values.append(contentsOf: record.values)
        count += 1
    }

    /// Record `index`'s values: the kind's fields by index, then custom fields.
    func values(at index: Int) -> ArraySlice<String?> {
        values[(index * width)..<((index + 1) * width)]
    }
}
