/// HTTP header lists as the entry point passes them: ordered name/value pairs.
extension Array where Element == (name: String, value: String) {
    /// The value of the field `name`, compared case-insensitively. A field
    /// sent on several lines is one comma-separated list (RFC 9110 §5.3):
    /// `Pragma: no-cache` and `Pragma: dssession=…` read as `no-cache, dssession=…`.
    public func value(of name: String) -> String? {
        let key = name.lowercased()
        let values = filter { $0.name.lowercased() == key }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }
}
