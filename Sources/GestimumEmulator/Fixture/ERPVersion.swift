/// Reading the ERP version string (`9.0.0.0 (01/01/2020 00:00:00)`).
public enum ERPVersion {
    /// The contact import exists from this major version on (spec §1).
    public static let contactImportMajor = 9

    /// The integer before the first `.` (decision D10), or nil.
    public static func major(of version: String) -> Int? {
        let digits = version.prefix(while: { $0.isASCII && $0.isNumber })
        return digits.isEmpty ? nil : Int(digits)
    }
}
