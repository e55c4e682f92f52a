import Foundation
import GRDB

/// Stores the documents of one import in the company: their headers and
/// lines, the counters that number them and the stock their lines move
/// (D79, D80). Counters and stock are read once and kept for the import.
struct DocumentWriter {
    let db: Database
    let kind: ImportKind
    private var counters: [String: String] = [:]
    private var stocks: [StockKey: Decimal] = [:]
    private var articles: [String: [String: String]] = [:]

    struct StockKey: Hashable {
        var article: String
        var depot: String
    }

    init(db: Database, kind: ImportKind) {
        self.db = db
        self.kind = kind
    }

    /// Whether this import already holds a document numbered `number`.
    func numberExists(_ number: String) throws -> Bool {
        try RawStatement(statement: db.cachedStatement(sql: "SELECT 1 FROM documents WHERE import = ? AND numero = ?"))
            .hasRow([kind.domain, number])
    }

    /// The next number of `prefix`, counted on: the company's counter, or
    /// `{prefix}{yy}-00001` for a prefix it has none of (D79).
    mutating func takeNumber(prefix: String, year: String) throws -> String {
        let start: String
        if let known = counters[prefix] {
            start = known
        } else if let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT prochain FROM compteurs WHERE prefixe = ?"),
                                                  arguments: [prefix]) {
            start = stored
        } else {
            start = "\(prefix)\(year.suffix(2))-00001"
        }
        // A number a file imposed earlier is not given again: the counter passes it.
        var number = start
        while try numberExists(number) { number = Self.increment(number) }
        let next = Self.increment(number)
        counters[prefix] = next
        try db.cachedStatement(sql: "INSERT INTO compteurs (prefixe, prochain) VALUES (?, ?) ON CONFLICT (prefixe) DO UPDATE SET prochain = excluded.prochain")
            .execute(arguments: [prefix, next])
        return number
    }

    /// `ARC17-00051` → `ARC17-00052`: the trailing digits plus one, as wide or wider (`X9` → `X10`, `X` → `X1`).
    static func increment(_ number: String) -> String {
        var characters = Array(number)
        var i = characters.count - 1
        while i >= 0, characters[i].isASCII, characters[i].isNumber {
            if characters[i] == "9" {
                characters[i] = "0"
                i -= 1
            } else {
                characters[i] = Character(UnicodeScalar(characters[i].asciiValue! + 1))
                return String(characters)
            }
        }
        characters.insert("1", at: i + 1)
        return String(characters)
    }

    /// The stock of an article in a depot (0 when none was ever recorded).
    mutating func stock(_ key: StockKey) throws -> Decimal {
        if let known = stocks[key] { return known }
        let text = try String.fetchOne(db.cachedStatement(sql: "SELECT quantite FROM stocks WHERE article = ? AND depot = ?"),
                                       arguments: [key.article, key.depot])
        let value = text.flatMap(DocumentNumbers.decimal) ?? 0
        stocks[key] = value
        return value
    }

    mutating func setStock(_ key: StockKey, _ value: Decimal) throws {
        stocks[key] = value
        try db.cachedStatement(sql: "INSERT INTO stocks (article, depot, quantite) VALUES (?, ?, ?) ON CONFLICT (article, depot) DO UPDATE SET quantite = excluded.quantite")
            .execute(arguments: [key.article, key.depot, DocumentNumbers.text(value)])
    }

    /// An article's stored fields by upper-cased name, or nil when the company has no such article.
    mutating func article(_ code: String) throws -> [String: String]? {
        if let known = articles[code] { return known.isEmpty ? nil : known }
        var fields: [String: String] = [:]
        if let articlesKind = ImportCatalog.standard.kind(domain: "Articles"),
           let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(CompanySchema.quoted(articlesKind.tableName)) WHERE art_code = ? LIMIT 1"),
                                      arguments: [code]) {
            for column in row.columnNames { fields[column.uppercased()] = row[column] as String? ?? "" }
        }
        articles[code] = fields
        return fields.isEmpty ? nil : fields
    }

    /// Stores one document: its header's fields and each line's, in structure order.
    func insert(number: String, header: [(key: String, value: JSONValue)], lines: [[(key: String, value: JSONValue)]]) throws {
        try db.cachedStatement(sql: "INSERT INTO documents (import, numero, valeurs) VALUES (?, ?, ?)")
            .execute(arguments: [kind.domain, number, DataSnapJSONWriter.string(.object(header))])
        let id = db.lastInsertedRowID
        let statement = try db.cachedStatement(sql: "INSERT INTO document_lignes (document, ordre, valeurs) VALUES (?, ?, ?)")
        for (order, line) in lines.enumerated() {
            try statement.execute(arguments: [id, order + 1, DataSnapJSONWriter.string(.object(line))])
        }
    }
}
