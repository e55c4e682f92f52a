/// DataSnap's wire format (behaviour spec §7), checked on the bytes a target
/// sent: compact, ASCII only, `/` written `\/`, control characters and every
/// character above U+007F as `\u` with four uppercase hex digits (no `\n`
/// shorthand), `Content-Type: application/json` without parameters, and a
/// `Pragma: dssession=…,dssessionexpires=1200000` on every answer but the 403
/// and the 413. Each check returns a ``Difference`` of kind `wire`, or nil.
public enum WireFormat {
    /// Every deviation of one answer: headers first, then the body's first offending bytes.
    public static func differences(_ response: StepResponse, step: Int) -> [Difference] {
        [contentType(response, step: step), pragma(response, step: step), body(response.body, step: step)].compactMap { $0 }
    }

    public static func contentType(_ response: StepResponse, step: Int) -> Difference? {
        let values = response.headers.filter { $0.name.lowercased() == "content-type" }.map(\.value)
        guard values != ["application/json"] else { return nil }
        let actual = values.isEmpty ? "(no Content-Type header)" : values.map { "Content-Type: \($0)" }.joined(separator: ", ")
        return Difference(step: step, kind: .wire, path: "Content-Type", expected: "Content-Type: application/json (no parameters)", actual: actual)
    }

    public static func pragma(_ response: StepResponse, step: Int) -> Difference? {
        guard response.status != 403, response.status != 413 else { return nil }
        let values = response.headers.filter { $0.name.lowercased() == "pragma" }.map(\.value)
        if values.count == 1, isSessionPragma(values[0]) { return nil }
        let actual = values.isEmpty ? "(no Pragma header)" : values.map { "Pragma: \($0)" }.joined(separator: ", ")
        return Difference(step: step, kind: .wire, path: "Pragma",
                          expected: "Pragma: dssession={a}.{b}.{c},dssessionexpires=1200000", actual: actual)
    }

    /// `dssession=` three dot-separated numbers `,dssessionexpires=1200000`.
    static func isSessionPragma(_ value: String) -> Bool {
        let prefix = "dssession=", suffix = ",dssessionexpires=1200000"
        guard value.hasPrefix(prefix), value.hasSuffix(suffix), value.count > prefix.count + suffix.count else { return false }
        let id = value.dropFirst(prefix.count).dropLast(suffix.count).split(separator: ".", omittingEmptySubsequences: false)
        return id.count == 3 && id.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// The body's first deviation, scanning its bytes once.
    public static func body(_ bytes: [UInt8], step: Int) -> Difference? {
        guard let (offset, length, rule) = firstDeviation(bytes) else { return nil }
        return Difference(step: step, kind: .wire, path: "body", expected: rule,
                          actual: "byte \(offset): " + excerpt(bytes, offset: offset, length: length))
    }

    /// Where the body first breaks the format, how many bytes, and the rule it breaks.
    static func firstDeviation(_ bytes: [UInt8]) -> (Int, Int, String)? {
        var inString = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 0x80 {
                return (i, 1, "ASCII only: characters above U+007F written \\uXXXX (e.g. \\u00E8)")
            }
            if !inString {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D: return (i, 1, "compact JSON: no white space outside strings")
                case UInt8(ascii: "\""): inString = true
                default: break
                }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = false
            case UInt8(ascii: "/"): return (i, 1, "/ written \\/")
            case 0x00...0x1F, 0x7F: return (i, 1, "control characters written \\u00XX")
            case UInt8(ascii: "\\"):
                guard i + 1 < bytes.count else { return (i, 1, "a complete escape") }
                switch bytes[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    i += 2
                    continue
                case UInt8(ascii: "u"):
                    guard i + 5 < bytes.count else { return (i, bytes.count - i, "\\u and four uppercase hex digits") }
                    let digits = bytes[(i + 2)...(i + 5)]
                    if digits.contains(where: { (0x61...0x66).contains($0) }) {
                        return (i, 6, "\\u escapes with uppercase hex digits (\\u00E8, not \\u00e8)")
                    }
                    guard let code = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) else {
                        return (i, 6, "\\u and four uppercase hex digits")
                    }
                    if (0x20...0x7E).contains(code) {
                        let plain = code == 0x22 || code == 0x5C || code == 0x2F ? "\\\(Character(Unicode.Scalar(code)!))" : String(Character(Unicode.Scalar(code)!))
                        return (i, 6, "printable ASCII written as itself (\(plain))")
                    }
                    i += 6
                    continue
                default:
                    return (i, 2, "control characters written \\u00XX (no \\n, \\t, \\r, \\b or \\f shorthand)")
                }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The offending bytes between `>>` and `<<`, with up to 24 bytes either side; bytes outside
    /// printable ASCII shown as `\xNN`.
    static func excerpt(_ bytes: [UInt8], offset: Int, length: Int) -> String {
        func show(_ slice: ArraySlice<UInt8>) -> String {
            slice.map { (0x20...0x7E).contains($0) ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true).leftPadded(2) }
                .joined()
        }
        let start = max(0, offset - 24), end = min(bytes.count, offset + length)
        let after = min(bytes.count, end + 24)
        return (start > 0 ? "…" : "") + show(bytes[start..<offset]) + ">>" + show(bytes[offset..<end]) + "<<"
            + show(bytes[end..<after]) + (after < bytes.count ? "…" : "")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
