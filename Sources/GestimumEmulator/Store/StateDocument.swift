/// The `state.json` document of `docs/scenario-format.md`: every company's
/// records, companies in fixture order. Contacts always, by `CCT_NUMERO`;
/// the other imports' records under their own key (`clients`, `pays`, …), in
/// domain order, only when the company holds some (R10); documents with
/// their lines; accounting entries and the journals (D81); then `stocks`
/// when it holds any, and `compteurs` once it holds a document (D79).
public enum StateDocument {
    public static func build(_ registry: CompanyRegistry) async throws -> JSONValue {
        let catalog = ImportCatalog.standard
        var companies: [JSONValue] = []
        for company in registry.companies {
            var pairs: [(key: String, value: JSONValue)] = [("fichier", .string(company.path))]
            for kind in catalog.kinds where kind.particulars.emulated {
                if !kind.particulars.entryFormats.isEmpty {
                    let (entries, journals) = try await company.entriesAndJournals()
                    if !entries.isEmpty { pairs.append((kind.stateKey, .array(entries))) }
                    if !journals.isEmpty { pairs.append(("journaux", .array(journals.map(JSONValue.string)))) }
                    continue
                }
                if kind.particulars.documents != nil {
                    let documents = try await company.documents(of: kind)
                    if !documents.isEmpty { pairs.append((kind.stateKey, .array(documents))) }
                    continue
                }
                let isContacts = kind.domain == catalog.contacts.domain
                let records = try await company.records(of: kind)
                guard isContacts || !records.isEmpty else { continue }
                let value = JSONValue.array(records.map { record in
                    JSONValue.object(record.map { (key: $0.key, value: .string($0.value)) })
                })
                if isContacts { pairs.insert((kind.stateKey, value), at: 1) } else { pairs.append((kind.stateKey, value)) }
            }
            let (stocks, counters) = try await company.stockAndCounters()
            if !stocks.isEmpty { pairs.append(("stocks", .array(stocks))) }
            if let counters { pairs.append(("compteurs", counters)) }
            companies.append(.object(pairs))
        }
        return .object([("societes", .array(companies))])
    }
}
