import ArgumentParser
import GestimumEmulator

/// `gestimum state`: the companies' contacts as `state.json`.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Print the companies' contacts in the state.json format of the scenario spec.",
        discussion: "With --data and no --fixture the folder must hold companies from an earlier run; it is never created."
    )

    @OptionGroup var companies: CompanyOptions

    func run() async throws {
        let registry = try companies.openRegistry()
        let state: JSONValue
        do { state = try await StateDocument.build(registry) } catch {
            throw CommandFailure.badInput("cannot read the companies' contacts: \(FailureReason.of(error))")
        }
        print(JSONPrettyWriter.string(state), terminator: "")
    }
}
