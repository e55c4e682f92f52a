import ArgumentParser
import Conformance
import Foundation

/// `gestimum report RUN.json… --html FILE [--markdown FILE]`: the
/// compliance matrix of several runs.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compare the JSON reports of several runs (gestimum run --json) as a compliance matrix.",
        discussion: """
            One column per run (target, versions, conformance line), one row per scenario, grouped by group; \
            runs of different suite versions are aligned by scenario id. \
            Exit status: 0 written, 64 bad usage, 66 a run file missing, unreadable or not a run file, 73 an output not writable.
            """
    )

    @Argument(help: "Run files written by `gestimum run --json`.")
    var runs: [String]

    @Option(help: "Write the matrix as a self-contained HTML page here.")
    var html: String?

    @Option(help: "Write the matrix as Markdown here.")
    var markdown: String?

    func validate() throws {
        if runs.isEmpty { throw ValidationError("give at least one run file (gestimum run --json FILE)") }
        if html == nil && markdown == nil { throw ValidationError("give --html FILE, --markdown FILE or both") }
    }

    func run() throws {
        var files: [RunFile] = []
        for path in runs {
            do { files.append(try RunFile.load(path)) } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitPolicy.badInput
            }
        }
        let matrix = ComplianceMatrix(files)
        if let html { try SuiteSession.write(matrix.html(), to: html, what: "HTML matrix") }
        if let markdown { try SuiteSession.write(matrix.markdown(), to: markdown, what: "Markdown matrix") }
        print("\(matrix.rows.count) scenarios × \(files.count) runs")
        for file in files { print("  \(file.target): \(file.conformanceLine)") }
    }
}
