import GestimumEmulator

/// How a `handle` fuzz input stands for an HTTP request: a request line
/// `METHOD PATH`, header lines `Name: value`, an empty line, then the body,
/// the way a request looks on the wire (lines end with LF or CR LF).
public enum RawRequest {
    public static func decode(_ bytes: [UInt8]) -> EmulatorRequest {
        var head = bytes[...], body: ArraySlice<UInt8> = []
        if let end = blankLine(in: bytes) {
            head = bytes[..<end.start]
            body = bytes[end.bodyStart...]
        }
        var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }[...]
        let requestLine = lines.popFirst() ?? ""
        let method = requestLine.prefix(while: { $0 != " " })
        let path = requestLine.dropFirst(method.count).drop(while: { $0 == " " })
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop(while: { $0 == " " })))
        }
        return EmulatorRequest(method: String(method), path: String(path), headers: headers, body: Array(body))
    }

    /// The input that ``decode(_:)`` reads back as `request` (seed corpora,
    /// regression files).
    public static func encode(_ request: EmulatorRequest) -> [UInt8] {
        var text = "\(request.method) \(request.path)\r\n"
        for header in request.headers { text += "\(header.name): \(header.value)\r\n" }
        return Array((text + "\r\n").utf8) + request.body
    }

    private static func blankLine(in bytes: [UInt8]) -> (start: Int, bodyStart: Int)? {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }
}
