/// The company's lists that only a fixture sets (spec §5): third parties
/// given as `tiers`, criteria, functions, depots, and custom fields per import.
public struct ReferenceData: Sendable {
    /// Fixture third parties by code, with their type (`client`, `prospect`, `fournisseur`).
    public var thirdParties: [String: String]
    /// Criterion codes, index 0 for criterion 1 and 1 for criterion 2.
    public var criteria: [Set<String>]
    public var functions: Set<String>
    public var depots: Set<String>
    /// Custom fields by import domain, with the position that names their column.
    public var customFields: [String: [(position: Int, field: CustomField)]]

    public init(thirdParties: [String: String], criteria: [Set<String>], functions: Set<String>, depots: Set<String>,
                customFields: [String: [(position: Int, field: CustomField)]]) {
        self.thirdParties = thirdParties
        self.criteria = criteria
        self.functions = functions
        self.depots = depots
        self.customFields = customFields
    }

    /// The custom fields of `kind`, in definition order.
    public func customFields(of kind: ImportKind) -> [CustomField] {
        kind.customFields ? (customFields[kind.domain] ?? []).map(\.field) : []
    }

    func customPositions(of kind: ImportKind) -> [Int] {
        kind.customFields ? (customFields[kind.domain] ?? []).map(\.position) : []
    }
}
