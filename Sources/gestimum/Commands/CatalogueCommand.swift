import ArgumentParser
import Conformance
import Foundation

/// `gestimum catalogue`: the edge-case catalogue, generated from the suite.
struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Generate the edge-case catalogue (Markdown) from Scenarios/ and Golden/.",
        discussion: """
            The catalogue groups the scenarios by topic and shows, for each, its title, provenance, \
            source, request lines and expected journal or response, with summary tables of the \
            inferred rules and of the discrepancies in Gestimum's documentation. \
            Exit status: 0 when written (or up to date with --check), 1 when --check finds the file stale, \
            64 on bad usage, 66 when a scenario, golden or fixture file is missing or unreadable, \
            73 when the output cannot be written.
            """
    )

    @OptionGroup var folders: SuiteFolders

    @Option(help: "Write the catalogue here instead of standard output.")
    var output: String?

    @Flag(help: "Compare with the existing --output file instead of writing it; exit 1 when it is stale.")
    var check = false

    func validate() throws {
        if check, output == nil { throw ValidationError("--check needs --output FILE, the catalogue to compare") }
    }

    func run() async throws {
        let text = try SuiteSession.guarded {
            try Catalogue.generate(scenarios: URL(fileURLWithPath: folders.scenarios), golden: URL(fileURLWithPath: folders.golden))
        }
        let generated = Data(text.utf8)
        guard let output else {
            FileHandle.standardOutput.write(generated)
            return
        }
        if check {
            let existing = try InputFile.read(output, what: "catalogue")
            if existing != generated {
                FileHandle.standardError.write(Data("\(output) is stale: run `\(regenerateCommand(output))`\n".utf8))
                throw ExitPolicy.failures
            }
            print("\(output) is up to date")
            return
        }
        try OutputFile.write(generated, to: output, what: "catalogue")
    }

    /// The command that regenerates `output` with the same folders.
    func regenerateCommand(_ output: String) -> String {
        var words = ["swift", "run", "gestimum", "catalogue"]
        if folders.scenarios != "Scenarios" { words += ["--scenarios", folders.scenarios] }
        if folders.golden != "Golden" { words += ["--golden", folders.golden] }
        return (words + ["--output", output]).joined(separator: " ")
    }
}
