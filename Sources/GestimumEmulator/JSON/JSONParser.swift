/// A strict RFC 8259 parser producing ``JSONValue`` with key order kept.
///
/// Invalid UTF-8, lone surrogate escapes, nesting deeper than
/// ``maximumDepth`` and trailing content are all invalid (decision D7).
public struct JSONParser {
    public struct Invalid: Error, Equatable, Sendable {
        /// Byte offset where parsing failed.
        public let offset: Int
    }

    public static let maximumDepth = 512

    /// Parses one JSON document, surrounded by optional white space.
    public static func parse(_ bytes: some Collection<UInt8>) throws(Invalid) -> JSONValue {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { (buffer) throws(Invalid) -> JSONValue in
            var parser = Cursor(bytes: buffer)
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.index == buffer.count else { throw Invalid(offset: parser.index) }
            return value
        }
    }

    public static func parse(_ text: String) throws(Invalid) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses like ``parse(_:)``, except for the array of strings found by
    /// following `path`'s keys from the top (each key's first pair, as
    /// ``JSONValue/subscript(_:)`` does): its strings are kept as
    /// ``TextLines`` and the tree holds an empty array in its place
    /// (decision D66). An array there holding anything but strings stays in
    /// the tree; the answer is the same as ``parse(_:)``'s in every other way.
    public static func parse(_ bytes: [UInt8], keepingLinesAt path: [String]) throws(Invalid) -> (value: JSONValue, lines: TextLines?) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Invalid) -> (value: JSONValue, lines: TextLines?) in
            var parser = Cursor(bytes: buffer)
            parser.linesPath = path
            parser.skipWhitespace()
            let value = try parser.value(depth: 0, path: path.isEmpty ? nil : 0)
            parser.skipWhitespace()
            guard parser.index == buffer.count else { throw Invalid(offset: parser.index) }
            return (value, parser.lines)
        }
    }
}

private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// The bytes of a string with escapes, reused from string to string.
    var scratch: [UInt8] = []
    /// Where the array kept as lines is, and its lines once read.
    var linesPath: [String] = []
    var lines: TextLines?

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func fail() -> JSONParser.Invalid { JSONParser.Invalid(offset: index) }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func expect(_ literal: StaticString) throws(JSONParser.Invalid) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail() }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { throw fail() }
        index += count
    }

    /// `path`: how many keys of ``linesPath`` lead here, nil when off that path.
    mutating func value(depth: Int, path: Int? = nil) throws(JSONParser.Invalid) -> JSONValue {
        guard index < bytes.count else { throw fail() }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < JSONParser.maximumDepth else { throw fail() }
            if bytes[index] == UInt8(ascii: "{") {
                return try object(depth: depth + 1, path: path.flatMap { $0 < linesPath.count ? $0 : nil })
            }
            if path == linesPath.count, lines == nil, let kept = keptLines() { lines = kept; return .array([]) }
            return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return .number(try number())
        }
    }

    mutating func object(depth: Int, path: Int? = nil) throws(JSONParser.Invalid) -> JSONValue {
        index += 1
        var pairs: [(key: String, value: JSONValue)] = []
        var pathKeySeen = false
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(pairs) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail() }
            let key = try string()
            var next: Int?
            if let path, !pathKeySeen, key == linesPath[path] {
                pathKeySeen = true
                next = path + 1
            }
            skipWhitespace()
            try expect(":")
            skipWhitespace()
            pairs.append((key: key, value: try value(depth: depth, path: next)))
            skipWhitespace()
            guard index < bytes.count else { throw fail() }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(pairs) }
            throw fail()
        }
    }

    mutating func array(depth: Int) throws(JSONParser.Invalid) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw fail() }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw fail()
        }
    }

    /// The array at the cursor read as lines, or nil (cursor unmoved) when it
    /// is anything but a valid array of strings: the tree then reads it.
    mutating func keptLines() -> TextLines? {
        let start = index
        var kept = TextLines(byteCapacity: bytes.count - index)
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return kept }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { break }
            let read: Void? = try? stringBytes { line in
                guard Self.isValidUTF8(line) else { return nil }
                kept.append(validUTF8: line)
                return ()
            }
            guard read != nil else { break }
            skipWhitespace()
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return kept }
            break
        }
        index = start
        return nil
    }

    mutating func number() throws(JSONParser.Invalid) -> String {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { skipDigits() }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    mutating func string() throws(JSONParser.Invalid) -> String {
        try stringBytes { String(validating: $0, as: UTF8.self) }
    }

    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains(where: { $0 >= 0x80 }) || String(validating: bytes, as: UTF8.self) != nil
    }

    /// Reads the string at the cursor and hands `take` its decoded bytes
    /// (UTF-8 not yet checked); `take` returns nil when it refuses them.
    mutating func stringBytes<Result>(_ take: (UnsafeBufferPointer<UInt8>) -> Result?) throws(JSONParser.Invalid) -> Result {
        index += 1
        let start = index
        // Fast path: no escape before the closing quote.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                guard let result = take(slice) else { throw fail() }
                return result
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail() }
            index += 1
        }
        var scalars = scratch
        scratch = []
        defer { scratch = scalars }
        scalars.removeAll(keepingCapacity: true)
        scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let result = scalars.withUnsafeBufferPointer(take) else { throw fail() }
                return result
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw fail() }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape()
                    UTF8.encode(scalar) { scalars.append($0) }
                default: throw fail()
                }
            default:
                if byte < 0x20 { throw fail() }
                scalars.append(byte)
                index += 1
            }
        }
        throw fail()
    }

    mutating func hex4() throws(JSONParser.Invalid) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw fail()
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    mutating func unicodeEscape() throws(JSONParser.Invalid) -> Unicode.Scalar {
        let high = try hex4()
        if (0xDC00...0xDFFF).contains(high) { throw fail() }
        if (0xD800...0xDBFF).contains(high) {
            guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw fail() }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail() }
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(combined) else { throw fail() }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw fail() }
        return scalar
    }
}
