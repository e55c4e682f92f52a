/// The standard fields of table CONTACTS, in structure order (spec §4, §5).
public enum ContactField: String, CaseIterable, Sendable {
    case code = "CCT_CODE"
    case name = "CCT_NOM"
    case origin = "CCT_ORIGIN"
    case title = "CCT_CIVILE"
    case firstName = "CCT_PRENOM"
    case officePhone = "CCT_TELB"
    case directPhone = "CCT_TELD"
    case mobilePhone = "CCT_TELM"
    case fax = "CCT_FAX"
    case email = "CCT_EMAIL"
    case website = "CCT_URL"
    case criterion1 = "CCT_QUAL1"
    case criterion2 = "CCT_QUAL2"
    case function = "CCT_FONCT"

    /// The internal number's field name; not a value a file sets on creation.
    public static let numberName = "CCT_NUMERO"
    /// The internal number's length.
    public static let numberLength = 10

    /// Maximum length in characters.
    public var maxLength: Int {
        switch self {
        case .code, .criterion1, .criterion2, .function: return 15
        case .name: return 30
        case .origin, .firstName, .officePhone, .directPhone, .mobilePhone, .fax: return 20
        case .title: return 25
        case .email: return 60
        case .website: return 128
        }
    }

    /// Position in structure order, also the column order of the store.
    public var position: Int { Self.allCases.firstIndex(of: self)! }
}
