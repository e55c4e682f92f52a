import Foundation

/// Hands batches from the producer's thread to the store's and back, a few
/// at a time, so that memory stays bounded whatever the file's size.
final class BatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var full: [RecordBatch] = []
    private var free: [RecordBatch]
    private var finished = false
    private var cancelled = false

    init(batches: Int, width: Int, capacity: Int) {
        free = (0..<batches).map { _ in RecordBatch(width: width, capacity: capacity) }
    }

    /// Producer: an empty batch, waiting for one; nil once the store gave up.
    func takeFree() -> RecordBatch? {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty && !cancelled { condition.wait() }
        if cancelled { return nil }
        let batch = free.removeLast()
        batch.removeAll()
        return batch
    }

    /// Producer: a filled batch; `last` when no other follows.
    func send(_ batch: RecordBatch, last: Bool) {
        condition.lock()
        full.append(batch)
        if last { finished = true }
        condition.broadcast()
        condition.unlock()
    }

    /// Store: the next filled batch in order, or nil when there is none left.
    func receive() -> RecordBatch? {
        condition.lock()
        defer { condition.unlock() }
        while full.isEmpty && !finished && !cancelled { condition.wait() }
        return full.isEmpty ? nil : full.removeFirst()
    }

    /// Store: a batch it is done with.
    func recycle(_ batch: RecordBatch) {
        condition.lock()
        free.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Store: stops the producer (an error, or the end).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
