import Foundation

/// Every import the help documents, read once from the JSON resources in
/// `Resources/Imports/` (one file per import, transcribed from its help page).
public struct ImportCatalog: Sendable {
    /// The kinds in domain order.
    public let kinds: [ImportKind]
    private let byDomain: [String: Int]
    private let byStateKey: [String: Int]

    public init(kinds: [ImportKind]) {
        self.kinds = kinds.sorted { $0.domain < $1.domain }
        var domains: [String: Int] = [:]
        var stateKeys: [String: Int] = [:]
        for (i, kind) in self.kinds.enumerated() {
            domains[kind.domain.lowercased()] = i
            stateKeys[kind.stateKey] = i
        }
        byDomain = domains
        byStateKey = stateKeys
    }

    /// The kinds shipped with the emulator.
    public static let standard: ImportCatalog = {
        do { return try load() } catch {
            preconditionFailure("the import structures are part of the build: \(error)")
        }
    }()

    /// The kind routed at `domain`, compared case-insensitively as DataSnap compares class names.
    public func kind(domain: String) -> ImportKind? {
        byDomain[domain.lowercased()].map { kinds[$0] }
    }

    /// The kind whose records a fixture or state lists under `key` (`clients`).
    public func kind(stateKey key: String) -> ImportKind? {
        byStateKey[key].map { kinds[$0] }
    }

    /// The contact import, whose path is a scenario step's default.
    public var contacts: ImportKind { kind(domain: "Contacts")! }

    /// Reads every `*.json` of the resource folder.
    static func load() throws -> ImportCatalog {
        guard let folder = Bundle.module.url(forResource: "Imports", withExtension: nil) else {
            throw KindError(file: "Imports", problems: ["the resource folder is missing"])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var kinds: [ImportKind] = []
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let json: JSONValue
            do { json = try JSONParser.parse(Array(data)) } catch {
                throw KindError(file: name, problems: ["not valid JSON (byte \(error.offset))"])
            }
            kinds.append(try KindReader.read(json, file: name))
        }
        return ImportCatalog(kinds: kinds)
    }
}

/// A structure file that cannot be read, with every problem and its JSON path.
public struct KindError: Error, CustomStringConvertible {
    public let file: String
    public let problems: [String]
    public var description: String { "\(file): \(problems.joined(separator: "; "))" }
}
