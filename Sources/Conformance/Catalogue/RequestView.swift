import GestimumEmulator

/// What the catalogue shows of a step's request body: the lines of its
/// import (`fichier_contacts`, `fichier_clients`, …) and the parameters
/// that differ from the documented example, or, for a body of another
/// shape, the body as sent.
enum RequestView: Equatable {
    /// The step sends no body.
    case none
    /// An import request: its lines, the key that holds them, and how its parameters differ.
    case lines([String], key: String, differences: [ParameterDifference])
    /// Anything else (not JSON, not the usual shape, duplicate keys): the
    /// body's text, with invalid UTF-8 and control characters made visible.
    case raw([String], validUTF8: Bool)

    static let rawLineLimit = 40

    init(body: [UInt8]) {
        guard !body.isEmpty else { self = .none; return }
        if let value = try? JSONParser.parse(body), !Self.hasDuplicateKeys(value) {
            let kind = ImportFile.kind(of: value)
            if let request = value[kind.root],
               request["societe"]?.objectValue != nil, let parametres = request["parametres"], parametres.objectValue != nil,
               let array = parametres[kind.array]?.arrayValue {
                let lines = array.compactMap(\.stringValue)
                if lines.count == array.count {
                    self = .lines(lines, key: kind.array, differences: ParameterDifference.between(value, and: Self.documentedExample(kind), kind: kind))
                    return
                }
            }
        }
        self = .raw(Self.rawLines(body), validUTF8: String(validatingUTF8Bytes: body) != nil)
    }

    /// The request of the help's example (spec §2), without its lines, under `kind`'s root key.
    static func documentedExample(_ kind: ImportKind) -> JSONValue {
        guard case let .object(pairs) = contactExample, let body = pairs.first?.value else { return contactExample }
        return .object([(kind.root, body)])
    }

    private static let contactExample: JSONValue = [
        "importer_contacts": [
            "societe": [
                "fichier": "DEMO.Gestimum", "utilisateur": "DEMO", "mot_passe": "",
                "deconnecter": "Non", "exclusif": "Non",
            ],
            "parametres": [
                "journal": "Oui", "statistiques": "Oui", "entete": "Oui", "noms_champs": "",
                "separateur_champs": ";", "identificateur_texte": "",
            ],
        ],
    ]

    static func hasDuplicateKeys(_ value: JSONValue) -> Bool {
        switch value {
        case let .array(elements): return elements.contains(where: hasDuplicateKeys)
        case let .object(pairs):
            return Set(pairs.map(\.key)).count != pairs.count || pairs.contains { hasDuplicateKeys($0.value) }
        default: return false
        }
    }

    /// The body's lines (LF or CR LF), control characters other than tab
    /// shown as their Unicode control pictures (␀, ␍, …).
    static func rawLines(_ body: [UInt8]) -> [String] {
        let text = String(decoding: body, as: UTF8.self)
        var lines: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                if current.unicodeScalars.last == "\u{240D}" { current.unicodeScalars.removeLast() }
                lines.append(current)
                current = ""
            case 0x09: current.unicodeScalars.append(scalar)
            case 0x00..<0x20: current.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: current += "\u{2421}"
            default: current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    /// The bytes as UTF-8 text, or nil when they are not valid UTF-8.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var text = ""
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = text
    }
}

/// One way a request's parameters differ from the documented example.
struct ParameterDifference: Equatable {
    enum Kind: Equatable {
        /// The example has the key, the request does not.
        case absent
        /// Both have it, with different values.
        case changed(JSONValue)
        /// The request has a key the example does not.
        case extra(JSONValue)
    }

    /// Dotted path below the import's root key (`parametres.entete`); a key
    /// beside it is written `/key`.
    var path: String
    var kind: Kind

    /// The differences between a request and the example, the lines
    /// aside: the example's keys in its order, then extra keys in the request's.
    static func between(_ request: JSONValue, and example: JSONValue, kind: ImportKind) -> [ParameterDifference] {
        var found: [ParameterDifference] = []
        compare(request[kind.root] ?? .null, example[kind.root] ?? .null, path: "", lines: kind.array, into: &found)
        for pair in request.objectValue ?? [] where pair.key != kind.root {
            found.append(ParameterDifference(path: "/" + pair.key, kind: .extra(pair.value)))
        }
        return found
    }

    private static func compare(_ actual: JSONValue, _ expected: JSONValue, path: String, lines: String,
                                into found: inout [ParameterDifference]) {
        guard let expectedPairs = expected.objectValue, let actualPairs = actual.objectValue else {
            if actual != expected { found.append(ParameterDifference(path: path, kind: .changed(actual))) }
            return
        }
        let prefix = path.isEmpty ? "" : path + "."
        for pair in expectedPairs {
            if let value = actual[pair.key] {
                compare(value, pair.value, path: prefix + pair.key, lines: lines, into: &found)
            } else {
                found.append(ParameterDifference(path: prefix + pair.key, kind: .absent))
            }
        }
        let known = Set(expectedPairs.map(\.key))
        for pair in actualPairs where !known.contains(pair.key) && !(path == "parametres" && pair.key == lines) {
            found.append(ParameterDifference(path: prefix + pair.key, kind: .extra(pair.value)))
        }
    }
}
