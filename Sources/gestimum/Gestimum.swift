import ArgumentParser

/// `gestimum`: the reference emulator of Gestimum Web Service 2's contact
/// import, and the conformance harness that checks implementations against it.
@main
struct Gestimum: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gestimum",
        abstract: "Gestimum Web Service 2 contact import: reference emulator and conformance suite.",
        subcommands: [RunCommand.self, ImportCommand.self, StateCommand.self, ServeCommand.self, RecordCommand.self, CatalogueCommand.self, BenchCommand.self, ReportCommand.self]
    )
}
