/// Short, printable renderings of fuzz inputs for failure messages.
enum FuzzText {
    /// The bytes as text, invalid UTF-8 repaired, control characters escaped,
    /// cut after `limit` characters.
    static func excerpt(_ bytes: some Collection<UInt8>, limit: Int = 160) -> String {
        excerpt(String(decoding: Array(bytes), as: UTF8.self), limit: limit)
    }

    static func excerpt(_ text: String, limit: Int = 160) -> String {
        let escaped = text.unicodeScalars.prefix(limit).map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        return "\"" + escaped + (text.unicodeScalars.count > limit ? "…" : "") + "\""
    }
}
