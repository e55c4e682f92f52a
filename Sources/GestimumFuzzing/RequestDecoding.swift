import GestimumEmulator

/// The `request` fuzz property: every JSON body gives either a decoded
/// request that obeys spec §2 (a one-character separator, at most a
/// one-character delimiter, a `fichier` and an `utilisateur`) and reads back
/// the same from its own canonical body, or one of the request-error
/// messages of the catalogue for a key of the spec's table. The import's
/// own reading, with `fichier_contacts` kept out of the tree
/// (``JSONParser/parse(_:keepingLinesAt:)``), gives the same answer: the
/// same parse error or the same request or request error.
public enum RequestDecoding {
    /// What is wrong with the request decoder on `input`, or nil.
    public static func check(_ input: [UInt8]) -> String? {
        if let problem = keptLinesProblem(input) { return "\(FuzzText.excerpt(input)): \(problem)" }
        guard let body = try? JSONParser.parse(input) else { return nil }
        let request: ImportRequest
        do {
            request = try RequestDecoder.decode(body)
        } catch {
            return isRequestError(error.message) ? nil
                : "\(FuzzText.excerpt(input)) gave \(FuzzText.excerpt(error.message)), not a request error of the catalogue"
        }
        if let problem = problem(in: request) { return "\(FuzzText.excerpt(input)) decoded to a request with \(problem)" }
        let canonical = canonicalBody(request)
        guard let again = try? RequestDecoder.decode(canonical), again == request else {
            return "the canonical body \(DataSnapJSONWriter.string(canonical)) of \(FuzzText.excerpt(input)) decodes differently"
        }
        return nil
    }

    /// Where reading the body with its lines kept apart differs from reading the tree.
    public static func keptLinesProblem(_ input: [UInt8]) -> String? {
        let tree: JSONValue, kept: (value: JSONValue, lines: TextLines?)
        do { tree = try JSONParser.parse(input) } catch {
            do { _ = try JSONParser.parse(input, keepingLinesAt: RequestDecoder.linesPath) } catch let other {
                return error == other ? nil : "parse errors at byte \(error.offset) and \(other.offset) with lines kept"
            }
            return "invalid at byte \(error.offset), yet parsed with lines kept"
        }
        do { kept = try JSONParser.parse(input, keepingLinesAt: RequestDecoder.linesPath) } catch {
            return "parsed, yet invalid at byte \(error.offset) with lines kept"
        }
        let fromTree = Result { () throws(RequestError) in try RequestDecoder.decode(tree) }
        let fromKept = Result { () throws(RequestError) in try RequestDecoder.decode(kept.value, lines: kept.lines) }
        switch (fromTree, fromKept) {
        case let (.success(a), .success(b)): return a == b ? nil : "decodes differently with lines kept"
        case let (.failure(a), .failure(b)): return a.message == b.message ? nil : "\(a.message) but \(b.message) with lines kept"
        case let (.success, .failure(b)): return "decodes, yet \(b.message) with lines kept"
        case let (.failure(a), .success): return "\(a.message), yet decodes with lines kept"
        }
    }

    private static func problem(in request: ImportRequest) -> String? {
        if request.login.file.isEmpty { return "an empty fichier" }
        if request.login.user.isEmpty { return "an empty utilisateur" }
        if request.parameters.separator.count != 1 { return "separator \(FuzzText.excerpt(request.parameters.separator))" }
        if let delimiter = request.parameters.delimiter, delimiter.count != 1 { return "delimiter \(FuzzText.excerpt(delimiter))" }
        return nil
    }

    /// Every key spelled out, in the spec's table order.
    static func canonicalBody(_ request: ImportRequest) -> JSONValue {
        let yesNo = { (flag: Bool) -> JSONValue in .string(flag ? "Oui" : "Non") }
        let company = request.login, parameters = request.parameters
        return .object([("importer_contacts", .object([
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
                ("fichier_contacts", .array(parameters.lines.map(JSONValue.string))),
            ])),
        ]))])
    }

    static let objectKeys = ["importer_contacts", "societe", "parametres"]
    static let requiredKeys = ["importer_contacts", "societe", "fichier", "utilisateur", "parametres", "fichier_contacts"]
    static let stringKeys = ["fichier", "utilisateur", "mot_passe", "noms_champs", "separateur_champs", "identificateur_texte"]
    static let yesNoKeys = ["deconnecter", "exclusif", "journal", "statistiques", "entete"]

    /// The request errors of spec §8, built from the message catalogue.
    static let fixedMessages: Set<String> = Set(
        requiredKeys.map(Messages.missingParameter) + objectKeys.map(Messages.notAnObject) + stringKeys.map(Messages.notAString)
            + [Messages.separatorTooLong, Messages.delimiterTooLong, Messages.linesNotAnArray("fichier_contacts")])

    /// `badYesNo` around any value: the text before and after it, per key.
    static let yesNoTemplates: [(prefix: String, suffix: String)] = yesNoKeys.map { key in
        let parts = Messages.badYesNo("\u{0}", key).split(separator: "\u{0}", omittingEmptySubsequences: false)
        return (String(parts[0]), String(parts[1]))
    }

    /// Whether `message` is one of the spec's request-error messages.
    public static func isRequestError(_ message: String) -> Bool {
        // Compared as UTF-8: a value starting with a combining mark must not hide the quote before it.
        let bytes = Array(message.utf8)
        return fixedMessages.contains(message) || yesNoTemplates.contains { template in
            let prefix = Array(template.prefix.utf8), suffix = Array(template.suffix.utf8)
            return bytes.count >= prefix.count + suffix.count
                && bytes.starts(with: prefix) && bytes.reversed().starts(with: suffix.reversed())
        }
    }
}
