import ArgumentParser
import Foundation
import GestimumEmulator
import GRDB
import GRDBSQLite
import Logging

/// `gestimum bench`: the import's throughput as a ratio to raw SQLite
/// measured in the same run (these machines are shared and noisy).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a large import against a raw SQLite baseline, both on disk (WAL) in the same run."
    )

    @Option(help: "Records per import.")
    var records: Int = 100_000

    @Option(help: "Runs of each measurement; the median is reported.")
    var runs: Int = 3

    func validate() throws {
        if records < 1 || runs < 1 { throw ValidationError("--records and --runs must be positive") }
    }

    func run() async throws {
        let lines = ["CCT_CODE;CCT_NOM;CCT_ORIGIN;CCT_PRENOM;CCT_EMAIL;XXX_SECTEUR"]
            + (0..<records).map { "C\($0);Contact numéro \($0);CLIENT\($0 % 2 + 1);Prénom\($0);c\($0)@example.fr;Secteur \($0 % 7)" }
        let request: JSONValue = ["importer_contacts": [
            "societe": ["fichier": "DEMO.Gestimum", "utilisateur": "DEMO"],
            "parametres": ["statistiques": "Oui", "entete": "Oui", "fichier_contacts": .array(lines.map(JSONValue.string))],
        ]]
        let body = DataSnapJSONWriter.bytes(request)
        let rows = (0..<records).map { i in
            [String(format: "%010d", i + 1), "C\(i)", "Contact numéro \(i)", "CLIENT\(i % 2 + 1)", "", "Prénom\(i)"]
                + Array(repeating: "", count: 3) + ["", "c\(i)@example.fr", "", "", "", ""]
        }
        print("\(records) records, \(body.count / 1024) KiB request, median of \(runs) runs")

        let baseline = try median { try rawSQLite(rows) }
        let parse = try median { _ = try JSONParser.parse(body) }
        let emulator = try await asyncMedian { try await emulatorImport(body) }
        func line(_ name: String, _ seconds: Double) {
            let rate = Double(records) / seconds
            print("\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%8.3f s %10.0f rows/s  %5.2fx baseline", seconds, rate, seconds / baseline))")
        }
        line("raw SQLite insert (baseline)", baseline)
        line("JSON parse of the request", parse)
        line("emulator import, end to end", emulator)
    }

    private func median(_ body: () throws -> Void) throws -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = Date()
            try body()
            times.append(Date().timeIntervalSince(start))
        }
        return times.sorted()[times.count / 2]
    }

    private func asyncMedian(_ body: () async throws -> Void) async throws -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = Date()
            try await body()
            times.append(Date().timeIntervalSince(start))
        }
        return times.sorted()[times.count / 2]
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-bench-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw CommandFailure.cannotWrite("cannot create \(url.path): \(FailureReason.of(error))")
        }
        return url
    }

    /// The same rows into a 15-column table through the SQLite C API alone:
    /// WAL, one transaction, one reused statement.
    private func rawSQLite(_ rows: [[String]]) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var db: OpaquePointer?
        guard sqlite3_open(folder.appendingPathComponent("raw.sqlite").path, &db) == SQLITE_OK else { throw CommandFailure.cannotWrite("cannot create the baseline database in \(folder.path)") }
        defer { sqlite3_close(db) }
        let columns = (0..<15).map { "c\($0) TEXT" }.joined(separator: ", ")
        sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE t (\(columns), PRIMARY KEY (c0)); BEGIN", nil, nil, nil)
        var statement: OpaquePointer?
        sqlite3_prepare_v2(db, "INSERT INTO t VALUES (\(Array(repeating: "?", count: 15).joined(separator: ", ")))", -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for row in rows {
            sqlite3_reset(statement)
            for (i, value) in row.enumerated() {
                sqlite3_bind_text(statement, Int32(i + 1), value, -1, transient)
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw CommandFailure.cannotWrite("the baseline insert failed: \(String(cString: sqlite3_errmsg(db)))") }
        }
        guard sqlite3_exec(db, "COMMIT", nil, nil, nil) == SQLITE_OK else { throw CommandFailure.cannotWrite("the baseline commit failed: \(String(cString: sqlite3_errmsg(db)))") }
    }

    private func emulatorImport(_ body: [UInt8]) async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try CompanyRegistry(fixture: .demo, dataFolder: folder)
        let emulator = Emulator(registry: registry, clock: SystemClock(), logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let response = await emulator.handle(EmulatorRequest(body: body))
        let json = try JSONParser.parse(response.body)
        guard ImportAnswer(json)?.statistics?.imported == records else {
            throw CommandFailure.failed("the import did not store every record: \(DataSnapJSONWriter.string(json).prefix(300))")
        }
    }
}
