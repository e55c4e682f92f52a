import GRDB

/// Answers whether a code names a record, for the reference checks of one
/// import (D71): the fixture's lists from memory, imported records from the
/// company's tables, each answer kept for the rest of the import.
struct ReferenceLookup {
    let db: Database
    let reference: ReferenceData
    let catalog: ImportCatalog
    private var known: [ReferenceTarget: [String: Bool]] = [:]

    init(db: Database, reference: ReferenceData, catalog: ImportCatalog) {
        self.db = db
        self.reference = reference
        self.catalog = catalog
    }

    mutating func exists(_ target: ReferenceTarget, _ code: String) throws -> Bool {
        if let answer = known[target]?[code] { return answer }
        let answer = try look(target, code)
        known[target, default: [:]][code] = answer
        return answer
    }

    private func look(_ target: ReferenceTarget, _ code: String) throws -> Bool {
        switch target {
        case let .criterion(n): return reference.criteria[n - 1].contains(code)
        case .function: return reference.functions.contains(code)
        case .depot: return reference.depots.contains(code)
        case .thirdParty:
            if reference.thirdParties[code] != nil { return true }
            for domain in ["Clients", "Fournisseurs", "Prospects"] where try stored(domain, code) { return true }
            return false
        case let .kind(domain, fixtureType):
            if let fixtureType, reference.thirdParties[code] == fixtureType { return true }
            return try stored(domain, code)
        }
    }

    /// Whether `domain`'s table holds a record whose first key field is `code`.
    private func stored(_ domain: String, _ code: String) throws -> Bool {
        guard let kind = catalog.kind(domain: domain), kind.particulars.emulated else { return false }
        let column: String
        if let numbering = kind.particulars.numbering {
            column = numbering.field
        } else if let first = kind.keyIndexes.first {
            column = kind.fields[first].name
        } else {
            return false
        }
        let sql = CompanySchema.cachedSQL("exists \(domain)") {
            "SELECT 1 FROM \(CompanySchema.quoted(kind.tableName)) WHERE \(CompanySchema.quoted(column.lowercased())) = ? LIMIT 1"
        }
        return try RawStatement(statement: db.cachedStatement(sql: sql)).hasRow([code])
    }
}
