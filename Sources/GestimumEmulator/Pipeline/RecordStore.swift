/// The second half of an import, on the database's thread: the contact
/// number check, then the store, batch after batch in line order, keeping
/// the counts and the rejections for the journal.
struct RecordStore {
    var writer: ContactWriter
    private(set) var imported = 0
    private(set) var rejections: [(number: Int, reason: String)] = []

    init(writer: ContactWriter) {
        self.writer = writer
    }

    mutating func take(_ batch: RecordBatch) throws {
        for i in 0..<batch.count {
            let line = batch.lineNumbers[i]
            if let reason = batch.earlyReasons[i] {
                rejections.append((line, reason))
            } else if let number = batch.numbers[i], try !writer.contactExists(number) {
                rejections.append((line, Messages.unknownContact(number)))
            } else if let reason = batch.lateReasons[i] {
                rejections.append((line, reason))
            } else {
                try writer.store(number: batch.numbers[i], values: batch.values(at: i))
                imported += 1
            }
        }
    }
}
