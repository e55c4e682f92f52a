/// What makes an import a document import (DocumentsVente, DocumentsAchat,
/// DocumentsStock): consecutive lines grouped into documents, each numbered
/// by a counter of its sub-type's prefix (D79, D80).
public struct DocumentRules: Sendable, Equatable {
    /// Sales, purchase or stock: the sentence of a document not created, and what the lines move.
    public enum Family: String, Sendable {
        case sales = "vente"
        case purchase = "achat"
        case stock = "stock"
    }

    public var family: Family
    /// The number prefix of each sub-type (`DOC_STYPE`): `C` → `ARC` for a sales order.
    public var prefixes: [String: String]
    /// A change of one of these fields between consecutive lines starts a new document (`OrdreLignes.md`).
    public var groupBy: [String]
    /// The first field of a line; the fields before it describe the document (its first line gives them).
    public var linesFrom: String
    /// The field of a line's quantity (`LIG_QTE`, `MVT_QTE`).
    public var quantity: String
    /// The article field a line's missing unit price is taken from (`ART_P_VTE`, `ART_P_ACH`), if any.
    public var priceFromArticle: String?
    /// Delivery dates: an invalid one is a warning and is dropped, not a rejection (D80).
    public var deliveryDates: [String] = []
    /// The imports whose records a document's third party must name (`Clients`, `Prospects`); empty: any third party.
    public var thirdParties: [String] = []

    /// `Le document de {vente|d'achat|de stock} n'a pas été créé.`
    public var notCreated: String { Messages.documentNotCreated(family) }
}
