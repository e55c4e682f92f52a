/// Writes JSON the way DataSnap puts it on the wire: compact, ASCII only,
/// `/` escaped as `\/`, control characters and everything above U+007F as
/// `\uXXXX` with uppercase hex (UTF-16 units, so surrogate pairs beyond the
/// BMP; decision D8).
public enum DataSnapJSONWriter {
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return out
    }

    public static func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .number(n): out.append(contentsOf: n.utf8)
        case let .string(s): writeString(s, into: &out)
        case let .array(elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            out.append(UInt8(ascii: "{"))
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(pair.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(pair.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { writeString(utf8: $0, into: &out) }
    }

    /// Writes valid UTF-8 text as a JSON string, each scalar above U+007F as
    /// its UTF-16 units, decoded straight from the bytes.
    static func writeString(utf8 text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var i = 0
        while i < text.count {
            let lead = text[i]
            if lead < 0x80 {
                writeUnit(UInt16(lead), into: &out)
                i += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length where i + k < text.count { scalar = scalar << 6 | UInt32(text[i + k] & 0x3F) }
            if scalar >= 0x10000 {
                let offset = scalar - 0x10000
                writeUnit(UInt16(0xD800 + (offset >> 10)), into: &out)
                writeUnit(UInt16(0xDC00 + (offset & 0x3FF)), into: &out)
            } else {
                writeUnit(UInt16(scalar), into: &out)
            }
            i += length
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The bytes `lines` take as a JSON array's strings, commas included (valid UTF-8 assumed).
    static func escapedLength(of lines: TextLines) -> Int {
        var total = 2 * lines.count + max(0, lines.count - 1)
        lines.forEachLineBytes { line in
            for byte in line {
                switch byte {
                case 0x22, 0x5C, 0x2F: total += 2
                case 0x20..<0x7F: total += 1
                case 0x80..<0xC0: break  // continuation bytes: counted with their lead
                case 0xF0...: total += 12  // two UTF-16 units
                default: total += 6  // a control character or a one-unit scalar
                }
            }
            return true
        }
        return total
    }

    @inline(__always)
    private static func writeUnit(_ unit: UInt16, into out: inout [UInt8]) {
        switch unit {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x2F: out.append(contentsOf: [0x5C, 0x2F])
        case 0x20..<0x7F: out.append(UInt8(unit))
        default:
            out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
            out.append(hexDigits[Int(unit >> 12) & 0xF])
            out.append(hexDigits[Int(unit >> 8) & 0xF])
            out.append(hexDigits[Int(unit >> 4) & 0xF])
            out.append(hexDigits[Int(unit) & 0xF])
        }
    }
}
