/// An import's parameters, decoded and checked (spec §2, R2, R8).
public struct ImportRequest: Sendable, Equatable {
    /// The `societe` block: who logs in to which company, and how.
    public struct Login: Sendable, Equatable {
        public var file: String
        public var user: String
        public var password: String
        public var disconnect: Bool
        public var exclusive: Bool
    }

    /// The `parametres` block.
    public struct Parameters: Sendable, Equatable {
        public var journal: Bool
        public var statistics: Bool
        public var header: Bool
        public var fieldNames: String
        public var separator: String
        /// `nil` when no text delimiter is used.
        public var delimiter: String?
        public var lines: TextLines
        /// The import's own `Oui`/`Non` parameters that were `Oui` (`tester`, …).
        public var options: Set<String> = []
        /// The accounting-entries import's format, accounts file and plan; nil for the other imports.
        public var entries: EntryParameters?
    }

    public var login: Login
    public var parameters: Parameters

    /// `tester` = `Oui`: every record is checked, nothing is stored (R8).
    public var isTest: Bool { parameters.options.contains("tester") }
}
