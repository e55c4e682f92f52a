/// What the checks look values up in: the company's lists (spec §5).
public struct ReferenceData: Sendable {
    public var thirdParties: Set<String>
    /// Criterion codes, index 0 for criterion 1 and 1 for criterion 2.
    public var criteria: [Set<String>]
    public var functions: Set<String>
    public var customFields: [CustomField]

    public init(thirdParties: Set<String>, criteria: [Set<String>], functions: Set<String>, customFields: [CustomField]) {
        self.thirdParties = thirdParties
        self.criteria = criteria
        self.functions = functions
        self.customFields = customFields
    }
}
