import GestimumEmulator

/// The `request` fuzz property, on every import the emulator runs: the body
/// is read as the kind its root key names (``ImportFile/kind(of:in:)``) and,
/// when the input starts with a selector byte, as the kind that byte
/// chooses (``selectorBase``). For each, the body gives either a decoded
/// request that obeys spec §2 (a one-character separator, at most a
/// one-character delimiter, a `fichier`, an `utilisateur`, only the kind's
/// own options) and reads back the same from its own canonical body, or one
/// of the catalogue's request-error messages for a key of that kind's
/// request (its root, `societe`, `parametres`, its lines key, its own
/// `Oui`/`Non` parameters). The import's own reading, with the kind's lines
/// kept out of the tree (``JSONParser/parse(_:keepingLinesAt:)``), gives the
/// same answer: the same parse error or the same request or request error.
public enum RequestDecoding {
    /// The kinds the emulator runs, in catalogue order: the ones a selector byte chooses from.
    public static let kinds = ImportCatalog.standard.kinds.filter(\.particulars.emulated)
    /// An input's first byte at or above this chooses `kinds[(byte - selectorBase) % kinds.count]`
    /// and the body is the rest; no JSON text starts with such a byte.
    public static let selectorBase: UInt8 = 0x80

    /// What is wrong with the request decoder on `input`, or nil.
    public static func check(_ input: [UInt8]) -> String? {
        let (body, chosen) = split(input)
        var readings = [namedKind(body)]
        if let chosen, chosen.domain != readings[0].domain { readings.append(chosen) }
        for kind in readings {
            if let problem = check(body, kind: kind) { return "\(kind.domain): \(problem)" }
        }
        return nil
    }

    /// The body and the kind a selector byte chooses, if the input starts with one.
    public static func split(_ input: [UInt8]) -> (body: [UInt8], chosen: ImportKind?) {
        guard let first = input.first, first >= selectorBase else { return (input, nil) }
        return (Array(input.dropFirst()), kinds[Int(first - selectorBase) % kinds.count])
    }

    /// The input that reads `body` as `kind` besides the kind its root names (seeds).
    public static func input(_ body: [UInt8], as kind: ImportKind) -> [UInt8] {
        let index = kinds.firstIndex { $0.domain == kind.domain } ?? 0
        return [selectorBase + UInt8(index)] + body
    }

    /// The kind the body's root key names; contacts when it names none or does not parse.
    static func namedKind(_ body: [UInt8]) -> ImportKind {
        (try? JSONParser.parse(body)).map { ImportFile.kind(of: $0) } ?? ImportCatalog.standard.contacts
    }

    /// What is wrong with the request decoder on `body` read as `kind`, or nil.
    public static func check(_ body: [UInt8], kind: ImportKind) -> String? {
        if let problem = keptLinesProblem(body, kind: kind) { return "\(FuzzText.excerpt(body)): \(problem)" }
        guard let tree = try? JSONParser.parse(body) else { return nil }
        let request: ImportRequest
        do {
            request = try RequestDecoder.decode(tree, kind: kind)
        } catch {
            return isRequestError(error.message, kind: kind) ? nil
                : "\(FuzzText.excerpt(body)) gave \(FuzzText.excerpt(error.message)), not a request error of the catalogue"
        }
        if let problem = problem(in: request, kind: kind) { return "\(FuzzText.excerpt(body)) decoded to a request with \(problem)" }
        let canonical = canonicalBody(request, kind: kind)
        guard let again = try? RequestDecoder.decode(canonical, kind: kind), again == request else {
            return "the canonical body \(DataSnapJSONWriter.string(canonical)) of \(FuzzText.excerpt(body)) decodes differently"
        }
        return nil
    }

    /// Where reading the body with `kind`'s lines kept apart differs from reading the tree.
    public static func keptLinesProblem(_ input: [UInt8], kind: ImportKind = ImportCatalog.standard.contacts) -> String? {
        let path = RequestDecoder.linesPath(kind)
        let tree: JSONValue, kept: (value: JSONValue, lines: TextLines?)
        do { tree = try JSONParser.parse(input) } catch {
            do { _ = try JSONParser.parse(input, keepingLinesAt: path) } catch let other {
                return error == other ? nil : "parse errors at byte \(error.offset) and \(other.offset) with lines kept"
            }
            return "invalid at byte \(error.offset), yet parsed with lines kept"
        }
        do { kept = try JSONParser.parse(input, keepingLinesAt: path) } catch {
            return "parsed, yet invalid at byte \(error.offset) with lines kept"
        }
        let fromTree = Result { () throws(RequestError) in try RequestDecoder.decode(tree, kind: kind) }
        let fromKept = Result { () throws(RequestError) in try RequestDecoder.decode(kept.value, kind: kind, lines: kept.lines) }
        switch (fromTree, fromKept) {
        case let (.success(a), .success(b)): return a == b ? nil : "decodes differently with lines kept"
        case let (.failure(a), .failure(b)): return a.message == b.message ? nil : "\(a.message) but \(b.message) with lines kept"
        case let (.success, .failure(b)): return "decodes, yet \(b.message) with lines kept"
        case let (.failure(a), .success): return "\(a.message), yet decodes with lines kept"
        }
    }

    private static func problem(in request: ImportRequest, kind: ImportKind) -> String? {
        if request.login.file.isEmpty { return "an empty fichier" }
        if request.login.user.isEmpty { return "an empty utilisateur" }
        if request.parameters.separator.count != 1 { return "separator \(FuzzText.excerpt(request.parameters.separator))" }
        if let delimiter = request.parameters.delimiter, delimiter.count != 1 { return "delimiter \(FuzzText.excerpt(delimiter))" }
        if let option = request.parameters.options.sorted().first(where: { !kind.parameters.contains($0) }) {
            return "option \(option), not a parameter of \(kind.domain)"
        }
        return nil
    }

    /// Every key spelled out, in the spec's table order, the kind's own parameters last.
    static func canonicalBody(_ request: ImportRequest, kind: ImportKind) -> JSONValue {
        let yesNo = { (flag: Bool) -> JSONValue in .string(flag ? "Oui" : "Non") }
        let company = request.login, parameters = request.parameters
        var options = kind.parameters.filter { !entryKeys.contains($0) }.map { ($0, yesNo(parameters.options.contains($0))) }
        if let entries = parameters.entries {
            options.insert(("format", .string(entries.format)), at: 0)
            if !entries.accountLines.isEmpty { options.append(("fichier_comptes", .array(entries.accountLines.map(JSONValue.string)))) }
            options.append(("plan_analytique", .string(entries.analyticPlan)))
        }
        return .object([(kind.root, .object([
            ("societe", .object([
                ("fichier", .string(company.file)), ("utilisateur", .string(company.user)),
                ("mot_passe", .string(company.password)),
                ("deconnecter", yesNo(company.disconnect)), ("exclusif", yesNo(company.exclusive)),
            ])),
            ("parametres", .object([
                ("journal", yesNo(parameters.journal)), ("statistiques", yesNo(parameters.statistics)),
                ("entete", yesNo(parameters.header)), ("noms_champs", .string(parameters.fieldNames)),
                ("separateur_champs", .string(parameters.separator)),
                ("identificateur_texte", .string(parameters.delimiter ?? "")),
                (kind.array, .array(parameters.lines.map(JSONValue.string))),
            ] + options)),
        ]))])
    }

    static let stringKeys = ["fichier", "utilisateur", "mot_passe", "noms_champs", "separateur_champs", "identificateur_texte"]
    /// The accounting-entries import's parameters that are not `Oui`/`Non`.
    static let entryKeys = ["format", "fichier_comptes", "plan_analytique"]
    static let yesNoKeys = ["deconnecter", "exclusif", "journal", "statistiques", "entete"]

    /// The request errors of spec §8 for `kind`'s keys, built from the message catalogue.
    static func fixedMessages(_ kind: ImportKind) -> Set<String> {
        let objectKeys = [kind.root, "societe", "parametres"]
        let requiredKeys = [kind.root, "societe", "fichier", "utilisateur", "parametres", kind.array]
        var messages = Set(requiredKeys.map(Messages.missingParameter) + objectKeys.map(Messages.notAnObject) + stringKeys.map(Messages.notAString)
                           + [Messages.separatorTooLong, Messages.delimiterTooLong, Messages.linesNotAnArray(kind.array)])
        let formats = kind.particulars.entryFormats
        if !formats.isEmpty {
            let readers = formats.filter { $0.records[.account] != nil }.map(\.name)
            messages.formUnion([Messages.missingParameter("format"), Messages.notAString("format"), Messages.notAString("plan_analytique"),
                                Messages.linesNotAnArray("fichier_comptes")])
            messages.formUnion(formats.filter { $0.records[.account] == nil }.map { Messages.accountsFileNotRead($0.name, readers) })
        }
        return messages
    }

    /// `badYesNo` around any value: the text before and after it, for each of `kind`'s `Oui`/`Non` keys.
    /// and, for the entries import, the unknown `format` message around any value.
    static func yesNoTemplates(_ kind: ImportKind) -> [(prefix: [UInt8], suffix: [UInt8])] {
        func template(_ message: String) -> (prefix: [UInt8], suffix: [UInt8]) {
            let parts = message.split(separator: "\u{0}", omittingEmptySubsequences: false)
            return (prefix: Array(parts[0].utf8), suffix: Array(parts[1].utf8))
        }
        var templates = (yesNoKeys + kind.parameters.filter { !entryKeys.contains($0) }).map { template(Messages.badYesNo("\u{0}", $0)) }
        if !kind.particulars.entryFormats.isEmpty {
            templates.append(template(Messages.unknownEntryFormat("\u{0}", kind.particulars.entryFormats.map(\.name))))
        }
        return templates
    }

    /// Each kind's messages, by domain, built once.
    private static let messages: [String: (fixed: Set<String>, yesNo: [(prefix: [UInt8], suffix: [UInt8])])] =
        Dictionary(uniqueKeysWithValues: ImportCatalog.standard.kinds.map { ($0.domain, (fixed: fixedMessages($0), yesNo: yesNoTemplates($0))) })

    /// Whether `message` is one of the spec's request-error messages for `kind`'s keys.
    public static func isRequestError(_ message: String, kind: ImportKind = ImportCatalog.standard.contacts) -> Bool {
        let known = messages[kind.domain] ?? (fixed: fixedMessages(kind), yesNo: yesNoTemplates(kind))
        // Compared as UTF-8: a value starting with a combining mark must not hide the quote before it.
        let bytes = Array(message.utf8)
        return known.fixed.contains(message) || known.yesNo.contains { template in
            bytes.count >= template.prefix.count + template.suffix.count
                && bytes.starts(with: template.prefix) && bytes.reversed().starts(with: template.suffix.reversed())
        }
    }
}
