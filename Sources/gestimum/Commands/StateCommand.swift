import ArgumentParser
import GestimumEmulator

/// `gestimum state`: the companies' contacts as `state.json`.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Print the companies' contacts in the state.json format of the scenario spec."
    )

    @OptionGroup var companies: CompanyOptions

    func run() async throws {
        let registry = try companies.makeRegistry()
        print(JSONPrettyWriter.string(try await StateDocument.build(registry)), terminator: "")
    }
}
