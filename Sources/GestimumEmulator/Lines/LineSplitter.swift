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

    public func split(_ elements: [String]) -> [SplitLine] {
        var state = State()
        var lines: [SplitLine] = []
        lines.reserveCapacity(elements.count)
        for element in elements {
            var element = element
            element.withUTF8 { bytes in feed(bytes, state: &state, into: &lines) }
            // The CRLF that joins this element to the next in the file.
            if state.inDelimited {
                state.value.append(contentsOf: [0x0D, 0x0A])
            } else {
                state.endLine(into: &lines)
            }
        }
        if state.inDelimited { lines.append(.unclosedDelimiter) }
        return lines
    }

    private struct State {
        var values: [String] = []
        var value: [UInt8] = []
        var lineHasContent = false
        var atValueStart = true
        var inDelimited = false

        mutating func endValue() {
            values.append(String(decoding: value, as: UTF8.self))
            value.removeAll(keepingCapacity: true)
            atValueStart = true
        }

        mutating func endLine(into lines: inout [SplitLine]) {
            if lineHasContent {
                endValue()
                lines.append(.values(values))
                values = []
            }
            lineHasContent = false
            atValueStart = true
        }
    }

    private func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private func feed(_ bytes: UnsafeBufferPointer<UInt8>, state: inout State, into lines: inout [SplitLine]) {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if state.inDelimited {
                if let delimiter, matches(delimiter, bytes, at: i) {
                    if matches(delimiter, bytes, at: i + delimiter.count) {
                        state.value.append(contentsOf: delimiter)
                        i += 2 * delimiter.count
                    } else {
                        state.inDelimited = false
                        i += delimiter.count
                    }
                } else {
                    state.value.append(byte)
                    i += 1
                }
                continue
            }
            if byte == 0x0D || byte == 0x0A {
                state.endLine(into: &lines)
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
            if matches(separator, bytes, at: i) {
                state.endValue()
                i += separator.count
                continue
            }
            state.atValueStart = false
            state.value.append(byte)
            i += 1
        }
    }
}
