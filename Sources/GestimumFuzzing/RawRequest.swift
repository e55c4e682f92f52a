import GestimumEmulator

/// How a `handle` fuzz input stands for an HTTP request: a request line
/// `METHOD PATH`, header lines `Name: value`, an empty line, then the body,
/// the way a request looks on the wire (lines end with LF or CR LF).
///
/// An input that starts with a byte outside printable ASCII (a selector: no
/// method starts with one) chooses its path among ``routes`` (the byte
/// modulo their count); what follows is read as above, the request line's
/// path, if any, added after the chosen one (`?query`, `/segment`): every
/// route is one byte away from any input.
public enum RawRequest {
    /// The paths a selector byte chooses from: the route of every import the
    /// emulator runs, then paths that are not one of them (the tools, the
    /// sub-families URL the help prints but the server lacks, an unquoted
    /// method, an unknown class, paths outside `/api/rest/`).
    public static let routes: [String] = ImportCatalog.standard.kinds.filter(\.particulars.emulated).map(\.route) + [
        "/api/rest/Outils/%22Version%22", "/api/rest/Outils/%22VersionERP%22", "/api/rest/Outils/Version",
        "/api/rest/SousFamilles/%22Importer%22", "/api/rest/Contacts/Importer", "/api/rest/Unknown/%22Importer%22", "/api/rest/", "/datasnap/rest/Contacts/%22Importer%22",
    ]
    /// Whether an input starting with `byte` chooses its route with it.
    public static func isSelector(_ byte: UInt8) -> Bool { byte < 0x20 || byte > 0x7E }

    public static func decode(_ input: [UInt8]) -> EmulatorRequest {
        var bytes = input[...], route: String?
        if let first = input.first, isSelector(first) {
            route = routes[Int(first) % routes.count]
            bytes = input.dropFirst()
        }
        var request = decodeRaw(Array(bytes))
        if let route { request.path = route + request.path }
        return request
    }

    private static func decodeRaw(_ bytes: [UInt8]) -> EmulatorRequest {
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
    /// regression files), for a method that starts with printable ASCII.
    public static func encode(_ request: EmulatorRequest) -> [UInt8] {
        var text = "\(request.method) \(request.path)\r\n"
        for header in request.headers { text += "\(header.name): \(header.value)\r\n" }
        return Array((text + "\r\n").utf8) + request.body
    }

    /// The input that ``decode(_:)`` reads back as `request` sent to `routes[route]`.
    public static func encode(_ request: EmulatorRequest, route: Int) -> [UInt8] {
        var rest = request
        rest.path = ""
        let selector = (UInt8.min...UInt8.max).first { isSelector($0) && Int($0) % routes.count == route % routes.count }!
        return [selector] + encode(rest)
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
