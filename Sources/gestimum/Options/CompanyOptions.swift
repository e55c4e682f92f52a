import ArgumentParser
import Foundation
import GestimumEmulator

/// Where the emulator's companies come from, shared by the commands that run it.
struct CompanyOptions: ParsableArguments {
    @Option(help: "Fixture file (JSON) with the companies to install. Default: the embedded DEMO company.")
    var fixture: String?

    @Option(help: "Folder that keeps the companies' SQLite databases between runs. Default: in memory.")
    var data: String?

    /// The fixture the options name, or the embedded demo.
    func loadFixture() throws -> Fixture {
        guard let fixture else { return .demo }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: fixture)) } catch {
            throw ValidationError("cannot read fixture \(fixture): \(error.localizedDescription)")
        }
        do { return try Fixture.decode(data) } catch {
            throw ValidationError("fixture \(fixture): \(error)")
        }
    }

    /// The registry: the data folder as left by earlier runs (the fixture
    /// replaces it when given), or the fixture in memory.
    func makeRegistry() throws -> CompanyRegistry {
        guard let data else { return try CompanyRegistry(fixture: loadFixture()) }
        let folder = URL(fileURLWithPath: data)
        if fixture != nil { return try CompanyRegistry(fixture: loadFixture(), dataFolder: folder) }
        return try CompanyRegistry.open(dataFolder: folder, fallback: .demo)
    }
}
