import Foundation

/// `emulator.json` in a data folder: the ERP version and the company
/// databases in fixture order.
struct DataFolderManifest {
    static let fileName = "emulator.json"

    var erpVersion: String
    var workFolder: String?
    var databases: [String]

    /// The manifest is not the JSON the emulator writes.
    struct NotAManifest: Error {}

    static func read(from url: URL) throws -> DataFolderManifest {
        let value = try JSONParser.parse(Array(try Data(contentsOf: url)))
        guard let erpVersion = value["erpVersion"]?.stringValue, let names = value["databases"]?.arrayValue else {
            throw NotAManifest()
        }
        let databases = names.compactMap(\.stringValue)
        guard databases.count == names.count else { throw NotAManifest() }
        return DataFolderManifest(erpVersion: erpVersion, workFolder: value["workFolder"]?.stringValue, databases: databases)
    }

    func write(to url: URL) throws {
        var pairs: [(key: String, value: JSONValue)] = [
            ("databases", .array(databases.map { .string($0) })),
            ("erpVersion", .string(erpVersion)),
        ]
        if let workFolder { pairs.append(("workFolder", .string(workFolder))) }
        let document: JSONValue = .object(pairs)
        try Data(JSONPrettyWriter.string(document).utf8).write(to: url, options: .atomic)
    }

    /// A file name for a company: its path made safe, plus a hash of the
    /// lower-cased path so that two paths never share a file.
    static func databaseName(for path: String) -> String {
        let safe = String(path.lowercased().unicodeScalars.map { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == ".") ? Character(scalar) : "_"
        })
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in path.lowercased().utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return "\(safe.suffix(60))-\(String(hash, radix: 16)).sqlite"
    }
}
