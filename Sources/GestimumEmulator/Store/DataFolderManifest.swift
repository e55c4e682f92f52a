import Foundation

/// `emulator.json` in a data folder: the ERP version and the company
/// databases in fixture order.
struct DataFolderManifest: Codable {
    static let fileName = "emulator.json"

    var erpVersion: String
    var databases: [String]

    static func read(from url: URL) throws -> DataFolderManifest {
        try JSONDecoder().decode(DataFolderManifest.self, from: Data(contentsOf: url))
    }

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
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
