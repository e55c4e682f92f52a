import ArgumentParser
import Foundation
import GestimumEmulator

/// `gestimum imports`: the imports of Web Service 2 and their structures, as the emulator knows them.
struct ImportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "List the imports of Web Service 2, or show one import's structure.",
        discussion: """
            Without DOMAIN: one line per import (route, task, ERP version, field count, update key, status). \
            With DOMAIN (Clients, Articles, …, case-insensitive): its route and keys, then each field with its \
            type, maximum length, presence, allowed codes, the records it must name and its order. \
            --json prints the same as data; --markdown prints docs/imports.md. \
            Exit status: 0 when printed (or up to date with --check), 1 when --check finds the file stale, \
            64 on bad usage (an unknown DOMAIN included), 66 when --check cannot read the file, \
            73 when the output cannot be written.
            """
    )

    @Argument(help: "One import, named as in its route (Clients, AdressesTiers, …).")
    var domain: String?

    @Flag(help: "Print the structure(s) as JSON.")
    var json = false

    @Flag(help: "Print every structure as Markdown (docs/imports.md).")
    var markdown = false

    @Option(help: "With --markdown: write here instead of standard output.")
    var output: String?

    @Flag(help: "With --markdown --output: compare with the existing file instead of writing it; exit 1 when it is stale.")
    var check = false

    func validate() throws {
        if json, markdown { throw ValidationError("choose --json or --markdown, not both") }
        if markdown, domain != nil { throw ValidationError("--markdown prints every import: leave DOMAIN out") }
        if output != nil, !markdown { throw ValidationError("--output goes with --markdown") }
        if check, output == nil { throw ValidationError("--check needs --markdown --output FILE, the file to compare") }
        if let domain, ImportCatalog.standard.kind(domain: domain) == nil {
            throw ValidationError("no import is named \(domain): `gestimum imports` lists them")
        }
    }

    func run() async throws {
        let catalog = ImportCatalog.standard
        let kind = domain.flatMap { catalog.kind(domain: $0) }
        let text: String
        if markdown {
            text = StructureDocument.markdown(catalog)
        } else if json {
            text = JSONPrettyWriter.string(kind.map(StructureDocument.json) ?? StructureDocument.json(catalog))
        } else {
            text = kind.map(StructureDocument.detail) ?? StructureDocument.listing(catalog)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        if check {
            let existing = try InputFile.read(output, what: "imports page")
            if existing != Data(text.utf8) {
                FileHandle.standardError.write(Data("\(output) is stale: run `swift run gestimum imports --markdown --output \(output)`\n".utf8))
                throw ExitPolicy.failures
            }
            print("\(output) is up to date")
            return
        }
        try OutputFile.write(Data(text.utf8), to: output, what: "imports page")
    }
}
