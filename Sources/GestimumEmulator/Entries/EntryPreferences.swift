import GRDB

/// The accounting preferences of a company that the entries import obeys
/// (the fixture's `preferences_comptables`; every one off by default).
public struct EntryPreferences: Sendable, Equatable {
    /// « Autoriser les écritures déséquilibrées »: an entry whose debits and credits differ is imported.
    public var unbalancedAllowed = false
    /// « Libellé obligatoire dans les écritures comptables ».
    public var labelRequired = false
    /// « N° de pièce obligatoire dans les écritures comptables ».
    public var pieceRequired = false

    /// The fixture's keys, in `preferences_comptables`.
    static let keys = ["ecritures_desequilibrees", "libelle_obligatoire", "piece_obligatoire"]

    /// The company's preferences (all off when its fixture set none).
    static func read(_ db: Database) throws -> EntryPreferences {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT ecritures_desequilibrees, libelle_obligatoire, piece_obligatoire FROM preferences_comptables WHERE id = 1
            """) else { return EntryPreferences() }
        return EntryPreferences(unbalancedAllowed: row[0], labelRequired: row[1], pieceRequired: row[2])
    }

    public init(unbalancedAllowed: Bool = false, labelRequired: Bool = false, pieceRequired: Bool = false) {
        self.unbalancedAllowed = unbalancedAllowed
        self.labelRequired = labelRequired
        self.pieceRequired = pieceRequired
    }
}
