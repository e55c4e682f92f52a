import Foundation
import Synchronization

/// The companies the emulator serves, looked up by Windows path
/// case-insensitively (spec §3), in fixture order.
public final class CompanyRegistry: Sendable {
    private struct State {
        var companies: [Company]
        var erpVersion: String
    }

    private let state: Mutex<State>
    /// Where the companies live on disk, or nil for memory.
    public let dataFolder: URL?

    private init(companies: [Company], erpVersion: String, dataFolder: URL?) {
        state = Mutex(State(companies: companies, erpVersion: erpVersion))
        self.dataFolder = dataFolder
    }

    /// Builds the fixture's companies, in memory or in `dataFolder`
    /// (replacing what the folder held).
    public convenience init(fixture: Fixture, dataFolder: URL? = nil) throws {
        let companies = try Self.build(fixture, in: dataFolder)
        self.init(companies: companies, erpVersion: fixture.erpVersion, dataFolder: dataFolder)
    }

    /// The companies a data folder holds, or, for an empty or new folder,
    /// `fallback` installed there.
    public static func open(dataFolder: URL, fallback: Fixture) throws -> CompanyRegistry {
        let manifestURL = dataFolder.appendingPathComponent(DataFolderManifest.fileName)
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            return try CompanyRegistry(fixture: fallback, dataFolder: dataFolder)
        }
        let manifest = try DataFolderManifest.read(from: manifestURL)
        let companies = try manifest.databases.map { try Company.open(file: dataFolder.appendingPathComponent($0)) }
        return CompanyRegistry(companies: companies, erpVersion: manifest.erpVersion, dataFolder: dataFolder)
    }

    public var erpVersion: String { state.withLock { $0.erpVersion } }

    public var companies: [Company] { state.withLock { $0.companies } }

    /// The company at a resolved Windows path, compared case-insensitively.
    public func company(at path: String) -> Company? {
        let key = path.lowercased()
        return state.withLock { $0.companies.first { $0.path.lowercased() == key } }
    }

    private static func build(_ fixture: Fixture, in folder: URL?) throws -> [Company] {
        guard let folder else { return try fixture.societes.map { try Company.create($0, file: nil) } }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = fixture.societes.map { DataFolderManifest.databaseName(for: $0.fichier) }
        let companies = try zip(fixture.societes, names).map { try Company.create($0, file: folder.appendingPathComponent($1)) }
        try DataFolderManifest(erpVersion: fixture.erpVersion, databases: names)
            .write(to: folder.appendingPathComponent(DataFolderManifest.fileName))
        return companies
    }
}
