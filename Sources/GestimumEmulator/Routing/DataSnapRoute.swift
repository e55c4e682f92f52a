/// DataSnap REST's reading of a URL (spec §1): `/api/rest/<Class>/<Method>`,
/// segments percent-decoded, a quoted method called whatever the verb, an
/// unquoted one prefixed by the verb.
public struct DataSnapRoute: Sendable, Equatable {
    public static let prefix = "/api/rest/"

    /// The class name as the request spelled it.
    public var className: String
    /// The method name as resolved: quotes removed or verb prefix added.
    public var methodName: String

    /// The route of a raw request path, or nil when it is outside `/api/rest/`.
    public init?(method: String, rawPath: String) {
        let path = rawPath[..<(rawPath.firstIndex(of: "?") ?? rawPath.endIndex)]
        guard path.hasPrefix(Self.prefix) else { return nil }
        // Only the first two segments count; later ones are ignored (D2).
        let segments = path.dropFirst(Self.prefix.count)
        let classEnd = segments.firstIndex(of: "/") ?? segments.endIndex
        className = Self.percentDecode(String(segments[..<classEnd]))
        var name = ""
        if classEnd < segments.endIndex {
            let method = segments[segments.index(after: classEnd)...]
            name = Self.percentDecode(String(method[..<(method.firstIndex(of: "/") ?? method.endIndex)]))
        }
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            methodName = String(name.dropFirst().dropLast())
        } else {
            methodName = Self.verbPrefix(method) + name
        }
    }

    /// DataSnap's verb prefixes; other verbs get none (decision D4).
    static func verbPrefix(_ method: String) -> String {
        switch method.uppercased() {
        case "POST": return "update"
        case "PUT": return "accept"
        case "DELETE": return "cancel"
        default: return ""
        }
    }

    /// Percent-decodes a path segment; malformed escapes stay as written.
    public static func percentDecode(_ segment: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(segment.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let high = hexValue(utf8[i + 1]), let low = hexValue(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// Whether this route names `className.methodName`, case-insensitively.
    public func names(_ className: String, _ methodName: String) -> Bool {
        self.className.lowercased() == className.lowercased() && self.methodName.lowercased() == methodName.lowercased()
    }
}
