import ArgumentParser
import Foundation

/// `gestimum`: the reference emulator of Gestimum Web Service 2's contact
/// import, and the conformance harness that checks implementations against it.
@main
struct Gestimum: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gestimum",
        abstract: "Gestimum Web Service 2 imports: reference emulator and conformance suite.",
        subcommands: [RunCommand.self, ImportCommand.self, ImportsCommand.self, StateCommand.self, ServeCommand.self, RecordCommand.self, CatalogueCommand.self, BenchCommand.self, ReportCommand.self, ProbeCommand.self]
    )

    /// Runs the command and applies the ``ExitPolicy`` to what it throws:
    /// usage errors and exit codes go to the argument parser, every other
    /// known problem is printed as one sentence with its status.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard let failure = ExitPolicy.failure(for: error) else { exit(withError: error) }
            FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
            exit(withError: failure.status)
        }
    }
}
