import Foundation
import Synchronization

/// The companies the emulator serves, looked up by Windows path
/// case-insensitively (spec §3), in fixture order.
public final class CompanyRegistry: Sendable {
    private struct State {
        var companies: [CompanyDatabase]
        var erpVersion: String
        var workFolder: String?
    }

    private let state: Mutex<State>
    /// Where the companies live on disk, or nil for memory.
    public let dataFolder: URL?

    private init(companies: [CompanyDatabase], erpVersion: String, workFolder: String?, dataFolder: URL?) {
        state = Mutex(State(companies: companies, erpVersion: erpVersion, workFolder: workFolder))
        self.dataFolder = dataFolder
    }

    /// Builds the fixture's companies, in memory or in `dataFolder`
    /// (replacing what the folder held).
    public convenience init(fixture: Fixture, dataFolder: URL? = nil) throws {
        let companies = try Self.build(fixture, in: dataFolder)
        self.init(companies: companies, erpVersion: fixture.erpVersion, workFolder: fixture.dossier_travail, dataFolder: dataFolder)
    }

    /// The companies a data folder holds, or, for an empty or new folder,
    /// `fallback` installed there.
    public static func open(dataFolder: URL, fallback: Fixture) throws -> CompanyRegistry {
        let manifestURL = dataFolder.appendingPathComponent(DataFolderManifest.fileName)
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            return try CompanyRegistry(fixture: fallback, dataFolder: dataFolder)
        }
        return try open(dataFolder: dataFolder)
    }

    /// The companies an earlier run left in `dataFolder`, which must exist
    /// and hold them: nothing is created, for commands that only read.
    public static func open(dataFolder: URL) throws(DataFolderError) -> CompanyRegistry {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dataFolder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missing(folder: dataFolder.path)
        }
        let manifestURL = dataFolder.appendingPathComponent(DataFolderManifest.fileName)
        guard FileManager.default.fileExists(atPath: manifestURL.path) else { throw .notADataFolder(folder: dataFolder.path) }
        let manifest: DataFolderManifest
        do { manifest = try DataFolderManifest.read(from: manifestURL) } catch {
            throw .unreadable(file: manifestURL.path, reason: FailureReason.of(error))
        }
        var companies: [CompanyDatabase] = []
        for name in manifest.databases {
            companies.append(try CompanyDatabase.open(file: dataFolder.appendingPathComponent(name)))
        }
        return CompanyRegistry(companies: companies, erpVersion: manifest.erpVersion, workFolder: manifest.workFolder, dataFolder: dataFolder)
    }

    public var erpVersion: String { state.withLock { $0.erpVersion } }

    /// The fixture's work folder (`dossier_travail`), nil when it sets none.
    public var workFolder: String? { state.withLock { $0.workFolder } }

    public var companies: [CompanyDatabase] { state.withLock { $0.companies } }

    /// The company at a resolved Windows path, compared case-insensitively.
    public func company(at path: String) -> CompanyDatabase? {
        let key = path.lowercased()
        return state.withLock { $0.companies.first { $0.path.lowercased() == key } }
    }

    private static func build(_ fixture: Fixture, in folder: URL?) throws -> [CompanyDatabase] {
        guard let folder else { return try fixture.societes.map { try CompanyDatabase.create($0, file: nil) } }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            if let failure = StorageFailure.of(error, file: folder.path) { throw failure }
            throw DataFolderError.unwritable(path: folder.path, reason: FailureReason.of(error))
        }
        let names = fixture.societes.map { DataFolderManifest.databaseName(for: $0.fichier) }
        let companies = try zip(fixture.societes, names).map { try CompanyDatabase.create($0, file: folder.appendingPathComponent($1)) }
        let manifestURL = folder.appendingPathComponent(DataFolderManifest.fileName)
        do { try DataFolderManifest(erpVersion: fixture.erpVersion, workFolder: fixture.dossier_travail, databases: names).write(to: manifestURL) } catch {
            if let failure = StorageFailure.of(error, file: manifestURL.path) { throw failure }
            throw DataFolderError.unwritable(path: manifestURL.path, reason: FailureReason.of(error))
        }
        return companies
    }
}
