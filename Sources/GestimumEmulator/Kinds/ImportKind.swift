/// One import of Web Service 2, as data: where it is routed, how its request
/// is read, its structure, its update key and its journal particulars. Read
/// from `Resources/Imports/{Domain}.json` (``ImportCatalog``), transcribed from
/// the help page named in ``source``.
public struct ImportKind: Sendable {
    /// The class of the route (`Clients` in `/api/rest/Clients/%22Importer%22`).
    public let domain: String
    /// The request's root key (`importer_clients`).
    public let root: String
    /// The key of the lines in `parametres` (`fichier_clients`).
    public let array: String
    /// The task's name in the journal (`ImporterClients`).
    public let task: String
    /// The lowest ERP major version the import runs on.
    public let erpMin: Int
    /// The parameters of this import only (`tester`, …), in the help's order.
    public let parameters: [String]
    /// The fields the help's "Import de …" page names as the key of an update, as printed.
    public let updateKey: [String]
    /// The key the engine updates by: the help's, or the one a decision gives where
    /// the help names none or a field that is not in the structure (D72). Empty: every line creates.
    public var engineKey: [String] { particulars.key ?? updateKey }
    public let customFields: Bool
    /// The structure says its field order must be respected (D70).
    public let fixedOrder: Bool
    /// The structure page, the request page and the page naming the update key.
    public let source: String
    public let requestPage: String
    public let updateKeySource: String
    public let fields: [FieldSpec]
    /// Behaviour beyond the shared engine (empty for most kinds).
    public let particulars: Particulars
    /// The kind's JSON resource as read, for `gestimum imports --json`.
    public let document: JSONValue

    /// What sets a kind apart from the shared engine, each shown by the help.
    public struct Particulars: Sendable, Equatable {
        /// The engine runs this import (every import does now; false keeps a structure without its behaviour).
        public var emulated = true
        /// Records are numbered by the company, not keyed by a file value (contacts' CCT_NUMERO).
        public var numbering: Numbering?
        /// The journal's `L'import a été effectué avec succès.` line.
        public var successLine = true
        /// How the task's last line is written.
        public var finishedLine: FinishedLine = .standard
        /// Journal lines of its own after the counts.
        public var warnings: [Warning] = []
        /// An update replaces the whole record: fields the file leaves out are emptied (AdressesTiers' page).
        public var replacesOnUpdate = false
        /// The key the engine updates by, when not the help's (D72).
        public var key: [String]?
        /// Groups of required fields of which one is enough (the help's footnoted `Obligatoire *`).
        public var oneOf: [[String]] = []
        /// Required fields a documented example shows empty and imported: not checked (R9).
        public var relaxed: Set<String> = []
        /// The key of its records in fixtures and state, when the array key's would clash (`utilisateurs`).
        public var stateKey: String?
        /// The name of the table in the ignored-field warning.
        public var table: String
        /// Codes and numbers the request may ask to compute (Comptes, D78).
        public var accountCodes: AccountCodes?
        /// Lines grouped into numbered documents (DocumentsVente, DocumentsAchat, DocumentsStock).
        public var documents: DocumentRules?
        /// The file formats of the accounting-entries import, in the help's order (Ecritures).
        public var entryFormats: [EntryFormat] = []

        public enum FinishedLine: String, Sendable {
            /// `Tâche {task} terminée`.
            case standard
            /// `Tâche {task}` (ImporterArticles' documented journal).
            case bare
            /// `Tâche {task}terminée` (ImporterImmobilisations' documented journal).
            case unspaced
        }

        public enum Warning: String, Sendable {
            /// BanquesTiers: `Attention ! Le numéro BBAN … n'est pas valide.`
            case bban
            /// Devises: the rate and its date are changed by the currency assistant only.
            case currencyRate = "currency_rate"
        }
    }

    /// An internal number the company gives each new record.
    public struct Numbering: Sendable, Equatable {
        /// The field that names it in a file (`CCT_NUMERO`).
        public var field: String
        /// Its width: numbers are zero-padded to it.
        public var length: Int
    }

    /// Whether the import stores records of its structure, one per line, in
    /// a table of its own (not documents, not accounting entries).
    public var storesRecords: Bool { particulars.emulated && particulars.documents == nil && particulars.entryFormats.isEmpty }

    /// The format named `name` (case-insensitive), for the accounting-entries import.
    public func entryFormat(named name: String) -> EntryFormat? {
        particulars.entryFormats.first { $0.name.lowercased() == name.lowercased() }
    }

    /// `/api/rest/{domain}/%22Importer%22`.
    public var route: String { "/api/rest/\(domain)/%22Importer%22" }

    /// The key of this kind's records in fixtures and state (`clients`, `adresses_tiers`).
    public var stateKey: String {
        particulars.stateKey ?? (array.hasPrefix("fichier_") ? String(array.dropFirst("fichier_".count)) : array)
    }

    /// The SQLite table of this kind's records (`contacts` for contacts, as
    /// the first schema named it; `import_{state key}` for the others).
    var tableName: String { particulars.numbering == nil ? "import_\(stateKey)" : stateKey }

    /// The field at `name` (case-insensitive), with its index in ``fields``.
    public func field(named name: String) -> (index: Int, spec: FieldSpec)? {
        let key = name.uppercased()
        guard let index = fieldIndex[key] else { return nil }
        return (index, fields[index])
    }

    /// Upper-cased names to indexes.
    let fieldIndex: [String: Int]
    /// Indexes of ``engineKey`` in ``fields``.
    let keyIndexes: [Int]

    init(domain: String, root: String, array: String, task: String, erpMin: Int, parameters: [String], updateKey: [String],
         customFields: Bool, fixedOrder: Bool, source: String, requestPage: String, updateKeySource: String,
         fields: [FieldSpec], particulars: Particulars, document: JSONValue) {
        self.domain = domain
        self.root = root
        self.array = array
        self.task = task
        self.erpMin = erpMin
        self.parameters = parameters
        self.updateKey = updateKey
        self.customFields = customFields
        self.fixedOrder = fixedOrder
        self.source = source
        self.requestPage = requestPage
        self.updateKeySource = updateKeySource
        self.fields = fields
        self.particulars = particulars
        self.document = document
        var index: [String: Int] = [:]
        for (i, field) in fields.enumerated() where index[field.name.uppercased()] == nil {
            index[field.name.uppercased()] = i
        }
        fieldIndex = index
        keyIndexes = particulars.numbering == nil ? (particulars.key ?? updateKey).compactMap { index[$0.uppercased()] } : []
    }
}
