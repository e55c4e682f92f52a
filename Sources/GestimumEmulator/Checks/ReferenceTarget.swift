/// What a structure field's `reference` names: another import's records, or
/// one of the company's lists a fixture sets (decision D71).
enum ReferenceTarget: Sendable, Hashable {
    /// Records of an import kind, found by its one-field key, and for third
    /// parties also the fixture's `tiers` of the matching type.
    case kind(domain: String, fixtureType: String?)
    /// Any third party: clients, suppliers and prospects, imported or fixture `tiers`.
    case thirdParty
    case criterion(Int)
    case function
    case depot

    init?(_ name: String) {
        switch name {
        case "Tiers": self = .thirdParty
        case "Clients": self = .kind(domain: "Clients", fixtureType: "client")
        case "Fournisseurs": self = .kind(domain: "Fournisseurs", fixtureType: "fournisseur")
        case "Prospects": self = .kind(domain: "Prospects", fixtureType: "prospect")
        case "Criteres1": self = .criterion(1)
        case "Criteres2": self = .criterion(2)
        case "Fonctions": self = .function
        case "Depots": self = .depot
        default: self = .kind(domain: name, fixtureType: nil)
        }
    }

    /// The rejection when `code` names nothing.
    func unknown(_ code: String) -> String {
        switch self {
        case .thirdParty, .kind(_, .some): Messages.unknownThirdParty(code)
        case let .criterion(n): Messages.unknownCriterion(n, code)
        case .function: Messages.unknownFunction(code)
        case .depot: Messages.unknownReference("Depots", code)
        case let .kind(domain, nil): Messages.unknownReference(domain, code)
        }
    }
}
