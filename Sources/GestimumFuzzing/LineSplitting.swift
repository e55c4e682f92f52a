import GestimumEmulator

/// The `lines` fuzz property, on `fichier_contacts` split by ``LineSplitter``:
///
/// - an unclosed delimited value can only be the last record;
/// - CRLF joins: the elements split one by one give the same records as the
///   text file they stand for (the elements joined with CR LF) split whole;
/// - without a delimiter, every byte that is not a line break is kept;
/// - lossless: the records written back as lines, values quoted where
///   needed, split again give the same records.
///
/// The lossless check needs a separator and a delimiter that can be told
/// apart: neither is a line break and neither begins the other (decision D61).
public enum LineSplitting {
    /// One fuzz input: the separator, the delimiter and the elements,
    /// separated by NUL bytes; read as the request decoder would (an empty
    /// separator is `;`, an empty delimiter is none, and a longer one keeps
    /// its first character so every input is a request the decoder accepts).
    public struct Input: Equatable, Sendable {
        public var separator: String
        public var delimiter: String?
        public var elements: [String]

        public init(separator: String, delimiter: String?, elements: [String]) {
            self.separator = separator
            self.delimiter = delimiter
            self.elements = elements
        }

        public init(_ bytes: [UInt8]) {
            let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            let separator = parts.first?.first.map(String.init) ?? ""
            let delimiter = parts.count > 1 ? parts[1].first.map(String.init) : nil
            self.init(separator: separator.isEmpty ? ";" : separator, delimiter: delimiter,
                      elements: Array(parts.dropFirst(2)))
        }

        /// The bytes ``init(_:)`` reads back as this input.
        public var bytes: [UInt8] {
            ([separator, delimiter ?? ""] + elements).map { Array($0.utf8) }.joined(separator: [0]).map { $0 }
        }
    }

    /// What is wrong with the line splitter on `input`, or nil.
    public static func check(_ input: [UInt8]) -> String? {
        check(Input(input))
    }

    public static func check(_ input: Input) -> String? {
        let splitter = LineSplitter(separator: input.separator, delimiter: input.delimiter)
        let records = splitter.split(TextLines(input.elements))
        if let index = records.firstIndex(of: .unclosedDelimiter), index != records.count - 1 {
            return "an unclosed value is record \(index + 1) of \(records.count), not the last: \(describe(records))"
        }
        let file = splitter.split([input.elements.joined(separator: "\r\n")])
        guard file == records else {
            return "split element by element \(describe(records)), but the CRLF-joined file splits as \(describe(file))"
        }
        if input.delimiter == nil, let problem = contentKept(input, records: records) { return problem }
        guard let written = write(records, splitter: splitter) else { return nil }
        let again = splitter.split(TextLines(written))
        guard again == records else {
            let lines = written.map { FuzzText.excerpt($0) }.joined(separator: ", ")
            return "records \(describe(records)) written back as [\(lines)] split as \(describe(again))"
        }
        return nil
    }

    /// Without a delimiter nothing may be lost: every byte that is not a line
    /// break is in a value or a separator.
    private static func contentKept(_ input: Input, records: [SplitLine]) -> String? {
        let separator = input.separator.utf8.count
        let read = input.elements.reduce(0) { $0 + $1.utf8.count(where: { $0 != 0x0D && $0 != 0x0A }) }
        let kept = records.reduce(0) { total, record in
            guard case let .values(values) = record else { return total }
            return total + values.reduce(0) { $0 + $1.utf8.count } + (values.count - 1) * separator
        }
        return read == kept ? nil : "\(read) bytes of text (line breaks aside) but \(kept) in the records \(describe(records))"
    }

    /// `[a, b] [c] unclosed`: each record's values, excerpted.
    static func describe(_ records: [SplitLine]) -> String {
        records.map { record in
            guard case let .values(values) = record else { return "unclosed" }
            return "[" + values.map { FuzzText.excerpt($0) }.joined(separator: ", ") + "]"
        }.joined(separator: " ")
    }

    /// The records as one element each, values joined by the separator and
    /// delimited when they would not split back as they are; nil when the
    /// separator and delimiter cannot be told apart (D61).
    static func write(_ records: [SplitLine], splitter: LineSplitter) -> [String]? {
        let separator = splitter.separator, delimiter = splitter.delimiter
        let lineBreaks: [UInt8] = [0x0D, 0x0A]
        guard !separator.contains(where: lineBreaks.contains) else { return nil }
        if let delimiter {
            guard !delimiter.contains(where: lineBreaks.contains),
                  !delimiter.starts(with: separator), !separator.starts(with: delimiter) else { return nil }
        }
        var lines: [String] = []
        for record in records {
            switch record {
            case .unclosedDelimiter:
                guard let delimiter else { return nil }
                lines.append(String(decoding: delimiter, as: UTF8.self))
            case let .values(values):
                let fields = values.map { value -> [UInt8] in
                    let bytes = Array(value.utf8)
                    guard let delimiter, needsDelimiters(bytes, alone: values.count == 1, separator: separator, delimiter: delimiter)
                    else { return bytes }
                    return delimiter + doubling(delimiter, in: bytes) + delimiter
                }
                lines.append(String(decoding: fields.joined(separator: separator).map { $0 }, as: UTF8.self))
            }
        }
        return lines
    }

    /// A value needs delimiters when it is a lone empty value (an empty line
    /// is skipped), holds a line break, or holds the first byte of the
    /// separator or of the delimiter (over-quoting is harmless; missing a
    /// partial match is not).
    private static func needsDelimiters(_ value: [UInt8], alone: Bool, separator: [UInt8], delimiter: [UInt8]) -> Bool {
        if value.isEmpty { return alone }
        return value.contains { $0 == 0x0D || $0 == 0x0A || $0 == separator.first || $0 == delimiter.first }
    }

    private static func doubling(_ delimiter: [UInt8], in value: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < value.count {
            if value[i...].starts(with: delimiter) {
                out += delimiter + delimiter
                i += delimiter.count
            } else {
                out.append(value[i])
                i += 1
            }
        }
        return out
    }
}
