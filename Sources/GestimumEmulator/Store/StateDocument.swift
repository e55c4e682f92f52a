/// The `state.json` document of `docs/scenario-format.md`: every company's contacts,
/// companies in fixture order, contacts by `CCT_NUMERO`.
public enum StateDocument {
    public static func build(_ registry: CompanyRegistry) async throws -> JSONValue {
        var companies: [JSONValue] = []
        for company in registry.companies {
            let contacts = try await company.contacts().map { contact in
                JSONValue.object(contact.map { (key: $0.key, value: .string($0.value)) })
            }
            companies.append(.object([("fichier", .string(company.path)), ("contacts", .array(contacts))]))
        }
        return .object([("societes", .array(companies))])
    }
}
