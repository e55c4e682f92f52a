import ArgumentParser

/// `gestimum catalogue`: the edge-case catalogue, generated from the suite.
struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Generate the edge-case catalogue (Markdown) from Scenarios/ and Golden/."
    )

    func run() async throws {
        throw ValidationError("not written yet")
    }
}
