/// The accounting-entries import's own parameters, besides its `Oui`/`Non`
/// ones (`tester`, `simulation`, `creer_sections_analytiques`).
public struct EntryParameters: Sendable, Equatable {
    /// The `format` parameter, as the format spells it (`GestimumComptaVariable`, …).
    public var format: String
    /// `fichier_comptes`: the accounts file of the EBP formats, one line per account.
    public var accountLines: [String]
    /// `plan_analytique`: the plan of analytic lines that name none (EBP, fixed width).
    public var analyticPlan: String
}
