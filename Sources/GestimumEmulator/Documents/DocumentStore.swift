import Foundation

/// The second half of a document import, on the database's thread: groups
/// consecutive lines into documents (a change of one of the rules' fields
/// starts a new one), checks each document, numbers and stores the ones
/// that hold, moves the stock, and keeps the journal's lines (D79, D80).
///
/// A document is created whole or not at all: a line that fails its checks,
/// an unknown third party (sales, purchase), a number already used or a
/// stock exit beyond the stock leaves the whole document out, and all its
/// lines count as not imported.
struct DocumentStore {
    let kind: ImportKind
    let rules: DocumentRules
    let validator: RecordValidator
    var lookup: ReferenceLookup
    var writer: DocumentWriter
    /// Added to a record's number to give the file's line number (1 with a header line).
    let lineOffset: Int
    /// The import's day (`dd/MM/yyyy`), for a document without a date, and its year for new counters.
    let today: String
    /// The depot of a document that names none: the company's first.
    let defaultDepot: String?

    private(set) var imported = 0
    private(set) var rejected = 0
    /// The journal's lines after the counts, document after document.
    private(set) var messages: [String] = []

    private var pending: Pending?
    private let groupIndexes: [Int]
    private let linesFrom: Int
    private let lineReferences: [(index: Int, target: ReferenceTarget)]
    private let index: (String) -> Int?

    private struct Pending {
        var key: [String]
        var lines: [(line: Int, values: [String?], reason: String?)] = []
    }

    init(kind: ImportKind, rules: DocumentRules, validator: RecordValidator, lookup: ReferenceLookup, writer: DocumentWriter,
         lineOffset: Int, today: String, defaultDepot: String?) {
        self.kind = kind
        self.rules = rules
        self.validator = validator
        self.lookup = lookup
        self.writer = writer
        self.lineOffset = lineOffset
        self.today = today
        self.defaultDepot = defaultDepot
        let fieldIndex = kind.fieldIndex
        index = { fieldIndex[$0] }
        groupIndexes = rules.groupBy.compactMap { fieldIndex[$0] }
        linesFrom = fieldIndex[rules.linesFrom] ?? kind.fields.count
        lineReferences = validator.references.filter { $0.target != .thirdParty }
    }

    mutating func take(_ batch: RecordBatch) throws {
        for i in 0..<batch.count {
            let values = Array(batch.values(at: i).prefix(kind.fields.count))
            var reason = batch.created[i]
            if values.allSatisfy({ $0 == nil }) {
                // A line that could not be read (too many values, an unclosed delimiter) belongs to no
                // document: it closes the open one and is left out on its own.
                try close()
                pending = Pending(key: [], lines: [(batch.lineNumbers[i], values, reason)])
                try close()
                continue
            }
            let key = groupIndexes.map { values[$0] ?? "" }
            if pending == nil || pending!.key != key {
                try close()
                pending = Pending(key: key)
            }
            if reason == nil { reason = try lineReason(values) }
            pending!.lines.append((batch.lineNumbers[i], values, reason))
        }
    }

    /// Stores the last document.
    mutating func finish() throws { try close() }

    private func value(_ values: [String?], _ name: String) -> String {
        index(name).flatMap { values[$0] } ?? ""
    }

    /// A document's date that is no day of the calendar, references other
    /// than the third party, then a stock line's quantity and a transfer's
    /// destination depot (D80).
    private mutating func lineReason(_ values: [String?]) throws -> String? {
        let date = value(values, "DOC_DATE")
        if !date.isEmpty, DocumentNumbers.day(date) == nil { return Messages.badCustomValue(date, "DOC_DATE", FieldType.date.expected) }
        for (i, target) in lineReferences {
            guard let code = values[i], !code.isEmpty, try !lookup.exists(target, code) else { continue }
            return target.unknown(code)
        }
        guard rules.family == .stock else { return nil }
        let subtype = value(values, "DOC_STYPE")
        let quantity = value(values, rules.quantity)
        if subtype != "M", let amount = DocumentNumbers.decimal(quantity), amount < 0 { return Messages.negativeQuantity(quantity) }
        if subtype == "T" {
            let destination = value(values, "DOC_TDEPOT")
            if destination.isEmpty { return Messages.missingField("DOC_TDEPOT") }
            if try !lookup.exists(.depot, destination) { return ReferenceTarget.depot.unknown(destination) }
        }
        return nil
    }

    /// Whether a document's third party is one its import takes: a customer or
    /// prospect for sales, a supplier for purchases, anyone for stock.
    private mutating func thirdPartyExists(_ code: String) throws -> Bool {
        let targets = rules.thirdParties.compactMap(ReferenceTarget.init)
        if targets.isEmpty { return try lookup.exists(.thirdParty, code) }
        for target in targets where try lookup.exists(target, code) { return true }
        return false
    }

    private mutating func close() throws {
        guard let document = pending else { return }
        pending = nil
        var out: [String] = []
        var failed = false
        let header = (document.lines.first { $0.reason == nil } ?? document.lines[0]).values

        let party = value(header, "PCF_CODE")
        if !party.isEmpty, try !thirdPartyExists(party) {
            out.append(Messages.unknownThirdParty(party))
            // A stock document's third party is for information: the document is still created.
            if rules.family != .stock { failed = true }
        }
        for line in document.lines {
            if let reason = line.reason {
                out.append(Messages.documentLine(line.line + lineOffset, reason))
                failed = true
            }
        }

        var headerValues = Array(header.prefix(linesFrom)).map { $0 ?? "" }
        let date = index("DOC_DATE")
        if let date, headerValues[date].isEmpty { headerValues[date] = today }
        if let depot = index("DEP_CODE"), headerValues[depot].isEmpty, let defaultDepot { headerValues[depot] = defaultDepot }
        let documentDay = date.flatMap { DocumentNumbers.day(headerValues[$0]) }
        var lines: [[String]] = document.lines.map { line in Array(line.values.suffix(from: linesFrom)).map { $0 ?? "" } }

        if !failed {
            // Warnings: the document is created, without the dates they name (D80).
            let firstLine = document.lines[0].line + lineOffset
            if let delivery = index("DOC_DT_PRV"), !headerValues[delivery].isEmpty, !Self.validDelivery(headerValues[delivery], after: documentDay) {
                out.append(Messages.documentLine(firstLine, Messages.invalidDeliveryDate))
                headerValues[delivery] = ""
            }
            for (n, line) in document.lines.enumerated() {
                let k = line.line + lineOffset
                if let delivery = index("LIG_DT_LIV").map({ $0 - linesFrom }), !lines[n][delivery].isEmpty,
                   !Self.validDelivery(lines[n][delivery], after: documentDay) {
                    out.append(Messages.documentLine(k, Messages.invalidDeliveryDate))
                    lines[n][delivery] = ""
                }
                try completePrices(&lines[n], line: k, out: &out)
            }
            if rules.family == .stock { failed = try !moveStock(header: headerValues, lines: lines, out: &out) }
        }

        var number = ""
        if !failed {
            let given = index("DOC_PIECE").map { headerValues[$0] } ?? ""
            if !given.isEmpty {
                if try writer.numberExists(given) {
                    out.append(Messages.documentExists(given))
                    failed = true
                }
                number = given
            } else {
                let prefix = rules.prefixes[value(header, "DOC_STYPE")] ?? ""
                number = try writer.takeNumber(prefix: prefix, year: String(today.suffix(4)))
            }
        }
        if failed {
            rejected += document.lines.count
            out.append(rules.notCreated)
        } else {
            if let piece = index("DOC_PIECE") { headerValues[piece] = number }
            var headerFields = kind.fields.prefix(linesFrom).enumerated().map { (key: $0.element.name, value: JSONValue.string(headerValues[$0.offset])) }
            // A stock document's structure has no number field: its number comes first, under the sales one's name.
            if index("DOC_PIECE") == nil { headerFields.insert((key: "DOC_PIECE", value: .string(number)), at: 0) }
            let lineFields = lines.map { line in
                kind.fields.suffix(from: linesFrom).enumerated().map { (key: $0.element.name, value: JSONValue.string(line[$0.offset])) }
            }
            try writer.insert(number: number, header: headerFields, lines: lineFields)
            imported += document.lines.count
            out.append(Messages.documentCreated(number))
        }
        messages += out
    }

    /// A delivery date must be a day of the calendar, not before the document's date.
    private static func validDelivery(_ text: String, after documentDay: Int?) -> Bool {
        guard let day = DocumentNumbers.day(text) else { return false }
        return documentDay.map { day >= $0 } ?? true
    }

    /// A line without a unit price takes the article's (D80); a sales line
    /// whose net price is below its cost price gets the documented warning.
    private mutating func completePrices(_ line: inout [String], line k: Int, out: inout [String]) throws {
        guard let articleIndex = index("ART_CODE").map({ $0 - linesFrom }), !line[articleIndex].isEmpty,
              let article = try writer.article(line[articleIndex]) else { return }
        let gross = index("LIG_P_BRUT").map { $0 - linesFrom }
        if let gross, line[gross].isEmpty, let field = rules.priceFromArticle, let price = article[field], !price.isEmpty {
            line[gross] = price
        }
        guard rules.family == .sales, let gross, let price = DocumentNumbers.decimal(line[gross]) else { return }
        let costIndex = index("LIG_P_PRV").map { $0 - linesFrom }
        let costText = costIndex.map { line[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? article["ART_P_PRV"] ?? ""
        let discount = index("LIG_REMISE").map { line[$0 - linesFrom] } ?? ""
        guard let cost = DocumentNumbers.decimal(costText), cost > 0, let factor = DocumentNumbers.discountFactor(discount) else { return }
        if price * factor < cost { out.append(Messages.documentLine(k, Messages.priceBelowCost)) }
    }

    /// Entries add to the depot's stock, exits take from it, a transfer does
    /// both; an exit beyond the stock fails the document (the documented
    /// message for each such line). Returns whether the stock moved.
    private mutating func moveStock(header: [String], lines: [[String]], out: inout [String]) throws -> Bool {
        let subtype = index("DOC_STYPE").map { header[$0] } ?? ""
        let depot = index("DEP_CODE").map { header[$0] } ?? ""
        let destination = index("DOC_TDEPOT").map { header[$0] } ?? ""
        guard let articleIndex = index("ART_CODE").map({ $0 - linesFrom }),
              let quantityIndex = index(rules.quantity).map({ $0 - linesFrom }) else { return true }
        var moved: [DocumentWriter.StockKey: Decimal] = [:]
        var short = false
        for line in lines {
            let article = line[articleIndex]
            guard let quantity = DocumentNumbers.decimal(line[quantityIndex]) else { continue }
            let here = DocumentWriter.StockKey(article: article, depot: depot)
            // Entries, assemblies and (signed) variances add; exits, losses and transfers take.
            let sign: Decimal = ["E", "O", "M"].contains(subtype) ? 1 : -1
            let change = sign * quantity
            let current = try moved[here] ?? writer.stock(here)
            if change < 0, current + change < 0 {
                out.append(Messages.insufficientStock(article, current: DocumentNumbers.text(current), quantity: DocumentNumbers.text(-change)))
                short = true
                continue
            }
            moved[here] = current + change
            if subtype == "T" {
                let there = DocumentWriter.StockKey(article: article, depot: destination)
                moved[there] = try (moved[there] ?? writer.stock(there)) + quantity
            }
        }
        guard !short else { return false }
        for (key, quantity) in moved { try writer.setStock(key, quantity) }
        return true
    }
}
