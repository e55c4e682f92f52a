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
    func loadFixture() throws(CommandFailure) -> Fixture {
        guard let fixture else { return .demo }
        let data = try InputFile.read(fixture, what: "fixture")
        do { return try Fixture.decode(data) } catch {
            throw .badInput("fixture \(fixture): \(error)")
        }
    }

    /// The registry: the data folder as left by earlier runs (the fixture
    /// replaces it when given; a new folder gets the DEMO company), or the
    /// fixture in memory.
    func makeRegistry() throws -> CompanyRegistry {
        do {
            guard let data else { return try CompanyRegistry(fixture: loadFixture()) }
            let folder = URL(fileURLWithPath: data)
            if fixture != nil { return try CompanyRegistry(fixture: loadFixture(), dataFolder: folder) }
            return try CompanyRegistry.open(dataFolder: folder, fallback: .demo)
        } catch let error as FixtureError {
            throw CommandFailure.badInput("fixture \(fixture ?? "(the embedded DEMO)"): \(error)")
        }
    }

    /// The registry for a command that only reads: like ``makeRegistry()``,
    /// but a data folder without `--fixture` must already hold companies, and
    /// is never created.
    func openRegistry() throws -> CompanyRegistry {
        guard let data, fixture == nil else { return try makeRegistry() }
        return try CompanyRegistry.open(dataFolder: URL(fileURLWithPath: data))
    }
}
