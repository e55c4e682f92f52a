/// Reads an ``ImportRequest`` out of the body's JSON value, top-down in the
/// spec's table order, the import's own parameters last; the first error
/// wins (spec §2, §8, R2).
public enum RequestDecoder {
    /// Where the lines are: ``JSONParser/parse(_:keepingLinesAt:)`` keeps them out of the tree.
    public static func linesPath(_ kind: ImportKind) -> [String] { [kind.root, "parametres", kind.array] }

    /// The contact import's lines path.
    public static var linesPath: [String] { linesPath(ImportCatalog.standard.contacts) }

    /// `lines`: the lines the parser kept out of `body` (its tree then holds an empty array in their place).
    public static func decode(_ body: JSONValue, lines kept: TextLines? = nil) throws(RequestError) -> ImportRequest {
        try decode(body, kind: ImportCatalog.standard.contacts, lines: kept)
    }

    public static func decode(_ body: JSONValue, kind: ImportKind, lines kept: TextLines? = nil) throws(RequestError) -> ImportRequest {
        let root = try object(in: body, key: kind.root)
        let societe = try object(in: root, key: "societe")
        let login = ImportRequest.Login(
            file: try requiredString(in: societe, key: "fichier"),
            user: try requiredString(in: societe, key: "utilisateur"),
            password: try optionalString(in: societe, key: "mot_passe") ?? "",
            disconnect: try yesNo(in: societe, key: "deconnecter"),
            exclusive: try yesNo(in: societe, key: "exclusif")
        )
        let parametres = try object(in: root, key: "parametres")
        let journal = try yesNo(in: parametres, key: "journal")
        let statistics = try yesNo(in: parametres, key: "statistiques")
        let header = try yesNo(in: parametres, key: "entete")
        let fieldNames = try optionalString(in: parametres, key: "noms_champs") ?? ""
        let separator = try optionalString(in: parametres, key: "separateur_champs") ?? ""
        guard separator.count <= 1 else { throw RequestError(Messages.separatorTooLong) }
        let delimiter = try optionalString(in: parametres, key: "identificateur_texte") ?? ""
        guard delimiter.count <= 1 else { throw RequestError(Messages.delimiterTooLong) }
        let lines = try lines(in: parametres, key: kind.array, kept: kept)
        var options: Set<String> = []
        var entries: EntryParameters?
        for option in kind.parameters {
            switch option {
            case EntryKey.format, EntryKey.accounts, EntryKey.plan: continue
            default: if try yesNo(in: parametres, key: option) { options.insert(option) }
            }
        }
        if !kind.particulars.entryFormats.isEmpty { entries = try entryParameters(in: parametres, kind: kind) }
        return ImportRequest(
            login: login,
            parameters: .init(
                journal: journal, statistics: statistics, header: header,
                fieldNames: fieldNames,
                separator: separator.isEmpty ? ";" : separator,
                delimiter: delimiter.isEmpty ? nil : delimiter,
                lines: lines,
                options: options,
                entries: entries
            )
        )
    }

    /// The accounting-entries import's own keys that are not `Oui`/`Non`.
    enum EntryKey {
        static let format = "format"
        static let accounts = "fichier_comptes"
        static let plan = "plan_analytique"
    }

    /// `format` (required, one of the kind's formats), `fichier_comptes` (EBP formats only), `plan_analytique` (D81).
    private static func entryParameters(in parametres: JSONValue, kind: ImportKind) throws(RequestError) -> EntryParameters {
        let names = kind.particulars.entryFormats.map(\.name)
        let text = try requiredString(in: parametres, key: EntryKey.format)
        guard let format = kind.entryFormat(named: text) else { throw RequestError(Messages.unknownEntryFormat(text, names)) }
        var accounts: [String] = []
        if let value = present(parametres, EntryKey.accounts) {
            guard case let .array(elements) = value else { throw RequestError(Messages.linesNotAnArray(EntryKey.accounts)) }
            for element in elements {
                guard case let .string(line) = element else { throw RequestError(Messages.linesNotAnArray(EntryKey.accounts)) }
                accounts.append(line)
            }
            let readers = kind.particulars.entryFormats.filter { $0.records[.account] != nil }.map(\.name)
            guard format.records[.account] != nil || accounts.isEmpty else {
                throw RequestError(Messages.accountsFileNotRead(format.name, readers))
            }
        }
        let plan = try optionalString(in: parametres, key: EntryKey.plan) ?? ""
        return EntryParameters(format: format.name, accountLines: accounts, analyticPlan: plan)
    }

    /// The value of `key`, with `null` counting as absent (decision D11).
    private static func present(_ container: JSONValue, _ key: String) -> JSONValue? {
        guard let value = container[key], value != .null else { return nil }
        return value
    }

    private static func object(in container: JSONValue, key: String) throws(RequestError) -> JSONValue {
        guard case .object = container, let value = present(container, key) else {
            throw RequestError(Messages.missingParameter(key))
        }
        guard case .object = value else { throw RequestError(Messages.notAnObject(key)) }
        return value
    }

    private static func optionalString(in container: JSONValue, key: String) throws(RequestError) -> String? {
        guard let value = present(container, key) else { return nil }
        guard case let .string(text) = value else { throw RequestError(Messages.notAString(key)) }
        return text
    }

    private static func requiredString(in container: JSONValue, key: String) throws(RequestError) -> String {
        guard let text = try optionalString(in: container, key: key), !text.isEmpty else {
            throw RequestError(Messages.missingParameter(key))
        }
        return text
    }

    private static func yesNo(in container: JSONValue, key: String) throws(RequestError) -> Bool {
        guard let value = present(container, key) else { return false }
        guard case let .string(text) = value else {
            throw RequestError(Messages.badYesNo(JSONPrettyWriter.compact(value), key))
        }
        switch text.lowercased() {
        case "oui": return true
        case "non": return false
        default: throw RequestError(Messages.badYesNo(text, key))
        }
    }

    private static func lines(in parametres: JSONValue, key: String, kept: TextLines?) throws(RequestError) -> TextLines {
        guard let value = present(parametres, key) else {
            throw RequestError(Messages.missingParameter(key))
        }
        guard case let .array(elements) = value else { throw RequestError(Messages.linesNotAnArray(key)) }
        if let kept { return kept }
        var lines = TextLines()
        for element in elements {
            guard case let .string(line) = element else { throw RequestError(Messages.linesNotAnArray(key)) }
            lines.append(line)
        }
        return lines
    }
}
