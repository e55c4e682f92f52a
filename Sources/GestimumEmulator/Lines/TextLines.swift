/// Lines of text kept as one UTF-8 buffer and where each line ends in it,
/// not one `String` per line (decision D66): `fichier_contacts` and the
/// journal. A million 90-byte lines hold about 98 MB this way instead of
/// about 170 MB as strings.
public struct TextLines: Sendable, Equatable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// Every line's bytes, one after the other.
    private var bytes: [UInt8]
    /// Where each line ends in ``bytes``; a line starts where the previous one ends.
    private var ends: [Int]

    public init() {
        bytes = []
        ends = []
    }

    public init(_ lines: some Sequence<String>) {
        bytes = []
        ends = []
        for line in lines { append(line) }
    }

    public init(arrayLiteral lines: String...) {
        self.init(lines)
    }

    /// An empty list whose buffer is reserved for `byteCapacity` bytes
    /// (memory is only touched as lines are added).
    init(byteCapacity: Int) {
        bytes = []
        bytes.reserveCapacity(byteCapacity)
        ends = []
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    /// Line `index` as a string.
    public subscript(index: Int) -> String {
        String(decoding: bytes[range(at: index)], as: UTF8.self)
    }

    public mutating func append(_ line: String) {
        bytes.append(contentsOf: line.utf8)
        ends.append(bytes.count)
    }

    /// Adds a line from bytes already known to be valid UTF-8.
    mutating func append(validUTF8 line: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: line)
        ends.append(bytes.count)
    }

    /// Adds a line whose bytes were written at the end of the buffer by
    /// ``appendByte(_:)`` and ``appendText(_:)`` since the previous line ended.
    mutating func endLine() {
        ends.append(bytes.count)
    }

    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func appendText(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Calls `body` with each line's bytes in order until it returns false.
    public func forEachLineBytes(_ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            for end in ends {
                guard try body(UnsafeBufferPointer(rebasing: buffer[start..<end])) else { return }
                start = end
            }
        }
    }

    private func range(at index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }
}
