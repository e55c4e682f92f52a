import GestimumEmulator

/// What faults match a request on: method, path after DataSnap's decoding,
/// the session it names and the company its body names (read only when asked).
struct RequestFacts: Sendable {
    let method: String
    let session: String?
    private let rawPath: String
    private let body: [UInt8]

    init(_ request: EmulatorRequest) {
        method = request.method
        session = request.header("Pragma").flatMap(SessionTable.requestedSession(inPragma:))
        rawPath = request.path
        body = request.body
    }

    /// The path as faults match it (worked out only when a fault names a path).
    var normalizedPath: String { Self.normalize(path: rawPath) }

    /// The path without its query, each segment percent-decoded, lower-cased:
    /// `Contacts/%22Importer%22` and `contacts/"importer"` are one path.
    static func normalize(path: String) -> String {
        let bare = path.prefix(while: { $0 != "?" })
        return bare.split(separator: "/", omittingEmptySubsequences: false)
            .map { DataSnapRoute.percentDecode(String($0)) }.joined(separator: "/").lowercased()
    }

    /// The resolved company path the body names, if it is an import body.
    func company() -> String? {
        guard let route = DataSnapRoute(method: method, rawPath: rawPath),
              let kind = ImportCatalog.standard.kind(domain: route.className),
              let json = try? JSONParser.parse(body),
              let file = json[kind.root]?["societe"]?["fichier"]?.stringValue else { return nil }
        return ImportTask.resolvePath(file)
    }

    /// Whether the request calls one of the emulated imports.
    var isImport: Bool {
        guard let route = DataSnapRoute(method: method, rawPath: rawPath), route.methodName.lowercased() == "importer" else { return false }
        return ImportCatalog.standard.kind(domain: route.className)?.particulars.emulated ?? false
    }
}
