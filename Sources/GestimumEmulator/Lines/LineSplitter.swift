/// Turns `fichier_contacts` into logical lines of values, reading the
/// elements as the lines of a CRLF-joined text file (spec §4):
///
/// - a line break inside an element (CR LF, LF or CR) ends a line there too,
///   as it would in the file (decision D34);
/// - empty lines are skipped, except inside an open delimited value, where the
///   line break and the empty line belong to the value (D18);
/// - a value is delimited only when it starts with the delimiter; inside it
///   the separator is literal and a doubled delimiter is one delimiter
///   character; text after the closing delimiter is kept (D19).
///
/// Works on UTF-8 bytes, so separator and delimiter match as byte sequences.
public struct LineSplitter: Sendable {
    public let separator: [UInt8]
    public let delimiter: [UInt8]?

    public init(separator: String, delimiter: String?) {
        self.separator = Array(separator.utf8)
        self.delimiter = delimiter.map { Array($0.utf8) }
    }

    /// Every logical line, its values as strings.
    public func split(_ elements: TextLines) -> [SplitLine] {
        var lines: [SplitLine] = []
        lines.reserveCapacity(elements.count)
        forEachLine(elements) { line in
            if let line {
                lines.append(.values((0..<line.count).map { line.string(at: $0) }))
            } else {
                lines.append(.unclosedDelimiter)
            }
            return true
        }
        return lines
    }

    /// Calls `body` with each logical line in order, its values borrowed from
    /// one reusable buffer (no string per value), or nil for a delimiter left
    /// open at the end of the file. `body` returns false to stop.
    public func forEachLine(_ elements: TextLines, _ body: (LineValues?) throws -> Bool) rethrows {
        var state = State()
        var stopped = false
        try elements.forEachLineBytes { bytes in
            guard try feed(bytes, state: &state, body) else {
                stopped = true
                return false
            }
            // The CRLF that joins this element to the next in the file.
            if state.inDelimited {
                state.line.bytes.append(contentsOf: [0x0D, 0x0A])
            } else {
                guard try state.endLine(body) else {
                    stopped = true
                    return false
                }
            }
            return true
        }
        if !stopped, state.inDelimited { _ = try body(nil) }
    }

    private struct State {
        var line = LineValues()
        var lineHasContent = false
        var atValueStart = true
        var inDelimited = false

        mutating func endValue() {
            line.ends.append(line.bytes.count)
            atValueStart = true
        }

        mutating func endLine(_ body: (LineValues?) throws -> Bool) rethrows -> Bool {
            var goOn = true
            if lineHasContent {
                endValue()
                goOn = try body(line)
                line.removeAll()
            }
            lineHasContent = false
            atValueStart = true
            return goOn
        }
    }

    private func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private func feed(
        _ bytes: UnsafeBufferPointer<UInt8>, state: inout State, _ body: (LineValues?) throws -> Bool
    ) rethrows -> Bool {
        var i = 0
        let first = separator.first  // an empty separator never matches
        while i < bytes.count {
            let byte = bytes[i]
            if state.inDelimited {
                if let delimiter, matches(delimiter, bytes, at: i) {
                    if matches(delimiter, bytes, at: i + delimiter.count) {
                        state.line.bytes.append(contentsOf: delimiter)
                        i += 2 * delimiter.count
                    } else {
                        state.inDelimited = false
                        i += delimiter.count
                    }
                } else {
                    state.line.bytes.append(byte)
                    i += 1
                }
                continue
            }
            if byte == 0x0D || byte == 0x0A {
                guard try state.endLine(body) else { return false }
                i += (byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            state.lineHasContent = true
            if state.atValueStart, let delimiter, matches(delimiter, bytes, at: i) {
                state.inDelimited = true
                state.atValueStart = false
                i += delimiter.count
                continue
            }
            if let first, byte == first, matches(separator, bytes, at: i) {
                state.endValue()
                i += separator.count
                continue
            }
            state.atValueStart = false
            state.line.bytes.append(byte)
            i += 1
        }
        return true
    }
}

/// One logical line's values, delimiters removed, as UTF-8 byte ranges of a
/// buffer that the splitter reuses for the next line.
public struct LineValues: Sendable {
    /// Every value's bytes, one after the other.
    public fileprivate(set) var bytes: [UInt8] = []
    /// Where each value ends in ``bytes``; a value starts where the previous one ends.
    public fileprivate(set) var ends: [Int] = []

    init() {
        bytes.reserveCapacity(1024)
        ends.reserveCapacity(32)
    }

    fileprivate mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// The number of values.
    public var count: Int { ends.count }

    /// The byte range of value `index`.
    public func range(at index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Value `index` as a string.
    public func string(at index: Int) -> String {
        String(decoding: bytes[range(at: index)], as: UTF8.self)
    }
}
