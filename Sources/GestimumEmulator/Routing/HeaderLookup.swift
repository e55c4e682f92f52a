/// HTTP header lists as the entry point passes them: ordered name/value pairs.
extension Array where Element == (name: String, value: String) {
    /// The first header named `name`, compared case-insensitively.
    public func value(of name: String) -> String? {
        let key = name.lowercased()
        return first { $0.name.lowercased() == key }?.value
    }
}
