import Foundation
import Testing

/// The exit policy, checked on the built binary: 0 ok, 1 failures found,
/// 64 usage, 66 missing or invalid input, 69 unavailable, 73 output not writable.
@Suite("Exit codes of the built binary", .serialized)
struct ExitCodeTests {
    static let seedRequest = "Scenarios/documented/seed-example/request.json"

    /// A plain sentence: no usage text, no Foundation error domain, no Swift type name, no SQL.
    static func expectPlainSentence(_ outcome: BuiltBinary.Outcome, naming needle: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.error.hasPrefix("error: "), "\(outcome.error)", sourceLocation: sourceLocation)
        #expect(outcome.error.contains(needle), "\(outcome.error)", sourceLocation: sourceLocation)
        for word in ["USAGE", "Domain=", "NSCocoaErrorDomain", "Error Domain", "SELECT", "INSERT", "DatabaseError", "FixtureError"] {
            #expect(!outcome.error.contains(word), "\(outcome.error)", sourceLocation: sourceLocation)
        }
        #expect(outcome.error.split(separator: "\n").count == 1, "\(outcome.error)", sourceLocation: sourceLocation)
    }

    // MARK: 0

    @Test func importPrintsTheAnswerAndExits0() throws {
        let outcome = try BuiltBinary.run(["import", Self.seedRequest, "--clock", "13/09/2019 14:30:38"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.hasPrefix(#"{"result":[{"resultat":"succ\u00E8s""#))
    }

    @Test func stateReadsWhatImportStoredInADataFolder() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("companies").path
        #expect(try BuiltBinary.run(["import", Self.seedRequest, "--data", data]).status == 0)
        let state = try BuiltBinary.run(["state", "--data", data])
        #expect(state.status == 0, "\(state.error)")
        #expect(state.output.contains("CONTACT3"))
    }

    // MARK: 1

    @Test func aStaleCatalogueExits1() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stale = scratch.appendingPathComponent("catalogue.md")
        try Data("old\n".utf8).write(to: stale)
        let outcome = try BuiltBinary.run(["catalogue", "--output", stale.path, "--check"])
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("is stale"))
    }

    @Test func aStaleImportsPageExits1AndTheCommittedOneIsUpToDate() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stale = scratch.appendingPathComponent("imports.md")
        try Data("old\n".utf8).write(to: stale)
        let outcome = try BuiltBinary.run(["imports", "--markdown", "--output", stale.path, "--check"])
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("is stale"))
        #expect(try BuiltBinary.run(["imports", "--markdown", "--output", "docs/imports.md", "--check"]).status == 0)
    }

    @Test func importsListsAndShowsOneStructureAsTextAndJSON() throws {
        let list = try BuiltBinary.run(["imports"])
        #expect(list.status == 0)
        #expect(list.output.contains("34 imports"))
        #expect(list.output.contains("/api/rest/SousFamillesArticles/%22Importer%22"))
        let one = try BuiltBinary.run(["imports", "tarifsarticles", "--json"])
        #expect(one.status == 0)
        #expect(one.output.contains(#""update_key": ["#))
        #expect(one.output.contains(#""name": "DEV_CODE""#))
    }

    // MARK: 64, from the argument parser and validate() only

    @Test(arguments: [
        ["run", "--shard", "3/2"],
        ["run", "--time-zone", "Mars/Olympus_Mons"],
        ["run", "--target", "ftp://example.org"],
        ["run", "--allow-shrink"],
        ["serve", "--log-level", "loud"],
        ["serve", "--work-folder", " "],
        ["import", Self.seedRequest, "--time-zone", "Nowhere/Else"],
        ["import"],
        ["record", "--target", "emulator"],
        ["bench", "--records", "0"],
        ["catalogue", "--check"],
        ["imports", "NoSuchImport"],
        ["imports", "--json", "--markdown"],
        ["imports", "Clients", "--markdown"],
        ["imports", "--output", "x.md"],
        ["probe", "ftp://example.org"],
        ["probe", "--timeout", "0"],
    ])
    func badUsageExits64(arguments: [String]) throws {
        let outcome = try BuiltBinary.run(arguments)
        #expect(outcome.status == 64, "\(arguments): \(outcome.error)")
        #expect(outcome.error.hasPrefix("Error: "), "\(outcome.error)")
    }

    // MARK: 66

    @Test func importOfAMissingRequestExits66WithoutUsage() throws {
        let outcome = try BuiltBinary.run(["import", "/missing.json"])
        #expect(outcome.status == 66)
        Self.expectPlainSentence(outcome, naming: "cannot read the request /missing.json: no such file or directory")
    }

    @Test func stateOnAMissingDataFolderExits66AndCreatesNothing() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let missing = scratch.appendingPathComponent("mistyped")
        let outcome = try BuiltBinary.run(["state", "--data", missing.path])
        #expect(outcome.status == 66)
        #expect(outcome.output.isEmpty)
        Self.expectPlainSentence(outcome, naming: "data folder \(missing.path) does not exist")
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func stateOnAFolderWithoutCompaniesExits66AndWritesNothing() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = try BuiltBinary.run(["state", "--data", scratch.path])
        #expect(outcome.status == 66)
        Self.expectPlainSentence(outcome, naming: "holds no emulator companies")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func aDataFolderWithADamagedDatabaseExits66() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(try BuiltBinary.run(["import", Self.seedRequest, "--data", scratch.path]).status == 0)
        let database = try #require(try FileManager.default.contentsOfDirectory(atPath: scratch.path).first { $0.hasSuffix(".sqlite") })
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(at: scratch.appendingPathComponent(database + suffix)) }
        try Data(repeating: 0x41, count: 8_192).write(to: scratch.appendingPathComponent(database))
        for command in ["state", "import"] {
            let outcome = try BuiltBinary.run(command == "state" ? ["state", "--data", scratch.path] : ["import", Self.seedRequest, "--data", scratch.path])
            #expect(outcome.status == 66, "\(command)")
            Self.expectPlainSentence(outcome, naming: "cannot read \(scratch.appendingPathComponent(database).path): file is not a database")
        }
    }

    @Test func aMissingOrInvalidFixtureExits66() throws {
        let missing = try BuiltBinary.run(["import", Self.seedRequest, "--fixture", "/missing-fixture.json"])
        #expect(missing.status == 66)
        Self.expectPlainSentence(missing, naming: "cannot read the fixture /missing-fixture.json")

        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let invalid = scratch.appendingPathComponent("fixture.json")
        try Data(#"{"societes": [{"fichier": "no-backslash", "utilisateurs": []}]}"#.utf8).write(to: invalid)
        let outcome = try BuiltBinary.run(["state", "--fixture", invalid.path])
        #expect(outcome.status == 66)
        Self.expectPlainSentence(outcome, naming: #"societes[0].fichier: "no-backslash" must be a full Windows path"#)
    }

    @Test func aMissingScenariosFolderOrCatalogueExits66() throws {
        let run = try BuiltBinary.run(["run", "--scenarios", "/no/scenarios"])
        #expect(run.status == 66)
        #expect(run.error.contains("/no/scenarios"))
        let check = try BuiltBinary.run(["catalogue", "--check", "--output", "/no/dir/catalogue.md"])
        #expect(check.status == 66)
        Self.expectPlainSentence(check, naming: "cannot read the catalogue /no/dir/catalogue.md")
    }

    // MARK: 69

    @Test func serveOnAPortAlreadyTakenExits69() throws {
        let taken = try ListeningSocket()
        let outcome = try BuiltBinary.run(["serve", "--port", String(taken.port)])
        #expect(outcome.status == 69)
        #expect(outcome.error.contains("error: cannot serve on 127.0.0.1:\(taken.port): address already in use"), "\(outcome.error)")
    }

    @Test func aProbeWithoutAnAnswerExits69() throws {
        let silent = try ListeningSocket()  // accepts nothing, answers nothing
        let outcome = try BuiltBinary.run(["probe", "http://127.0.0.1:\(silent.port)", "--timeout", "1"])
        #expect(outcome.status == 69)
        Self.expectPlainSentence(outcome, naming: "cannot reach http://127.0.0.1:\(silent.port)/api/rest/Outils/%22Version%22: no complete answer within 1 s")
    }

    // MARK: 73

    @Test func runWithAJUnitReportInAMissingFolderExits73() throws {
        let outcome = try BuiltBinary.run(["run", "--filter", "documented/seed-example", "--junit", "/no/dir/x.xml"])
        #expect(outcome.status == 73)
        Self.expectPlainSentence(outcome, naming: "cannot write the JUnit report /no/dir/x.xml: folder /no/dir does not exist")
    }

    @Test func runWithAJSONReportOnAFolderExits73() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = try BuiltBinary.run(["run", "--filter", "documented/seed-example", "--json", scratch.path])
        #expect(outcome.status == 73)
        Self.expectPlainSentence(outcome, naming: "cannot write the JSON report \(scratch.path)")
    }

    @Test func aCatalogueThatCannotBeWrittenExits73() throws {
        let outcome = try BuiltBinary.run(["catalogue", "--output", "/no/dir/catalogue.md"])
        #expect(outcome.status == 73)
        Self.expectPlainSentence(outcome, naming: "cannot write the catalogue /no/dir/catalogue.md")
    }

    @Test func aDataFolderThatCannotBeCreatedExits73() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let outcome = try BuiltBinary.run(["import", Self.seedRequest, "--data", file.appendingPathComponent("companies").path])
        #expect(outcome.status == 73)
        Self.expectPlainSentence(outcome, naming: "cannot write \(file.appendingPathComponent("companies").path)")
    }
}
