import ArgumentParser
import Foundation
import GestimumEmulator
import GestimumServer
import GRDB
import GRDBSQLite

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

    @Option(help: "The large import's records: accepted (all stored) or rejected (all refused, journal on).")
    var shape: BenchShape = .accepted

    @Option(help: "The large import: contacts (6 columns), clients (all 85 fields of its structure), documents-vente (sales orders of 100 lines) or ecritures (entries of two lines), the last two against a Clients import of as many records.")
    var `import`: BenchImport = .contacts

    @Option(help: "Also time the documented 3-record import on a company of this many contacts against an empty one (0: skip).")
    var companySize: Int = 0

    @Flag(help: "Also measure through a loopback `gestimum serve`: POST time, curl's Expect wait, memory, and (with wrk) small requests at 16 connections.")
    var http = false

    func validate() throws {
        if records < 1 || runs < 1 { throw ValidationError("--records and --runs must be positive") }
        if companySize < 0 { throw ValidationError("--company-size cannot be negative") }
        if `import` != .contacts, shape != .accepted || http {
            throw ValidationError("--import \(`import`.rawValue) measures the accepted shape in process only (no --shape rejected, no --http)")
        }
    }

    func run() async throws {
        let (body, rows) = `import`.file(shape: shape, records: records)
        print("\(records) \(shape.rawValue) \(`import`.rawValue) records, \(`import`.columns(rows)) columns, \(body.count / 1024) KiB request, median of \(runs) runs")
        print("load: \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?")")
        let table = BenchTable()

        var baseline: Double?
        var cli: Double?
        if !rows.isEmpty {
            baseline = try median { try rawSQLite(rows) }
            if let shell = SQLiteCLIBaseline.find() {
                let folder = try temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let csv = folder.appendingPathComponent("rows.csv")
                try SQLiteCLIBaseline.writeCSV(rows, to: csv)
                cli = try median { _ = try shell.run(csv: csv, in: folder, columns: rows[0].count) }
            }
        }
        let kind = ImportCatalog.standard.kind(domain: `import`.domain)!
        let parse = try median { _ = try JSONParser.parse(body, keepingLinesAt: RequestDecoder.linesPath(kind)) }
        let (emulator, peak, answerBytes) = try await timeImport(body, kind: kind)
        table.time("raw SQLite insert (C API)", seconds: baseline, records: records)
        table.time("sqlite3 .import (CLI)", seconds: cli, records: records)
        table.time("JSON parse of the request", seconds: parse, records: records)
        table.time("emulator import, end to end", seconds: emulator, records: records)
        if `import`.againstClients {
            let clients = ImportCatalog.standard.kind(domain: "Clients")!
            let (clientsSeconds, _, _) = try await timeImport(BenchImport.clients.file(shape: shape, records: records).body, kind: clients)
            table.time("Clients import (85 fields), end to end", seconds: clientsSeconds, records: records)
            if `import` == .ecritures {
                table.ratio("entry lines / Clients records", emulator / clientsSeconds)
            } else {
                table.ratio("sales lines / Clients records", emulator / clientsSeconds, target: "<= 1.5")
            }
        }
        if let baseline { table.ratio("import / raw SQLite insert", emulator / baseline) }
        if let cli { table.ratio("import / sqlite3 .import", emulator / cli, target: `import` == .clients ? "<= 1.25" : "<= 1.0") }
        if shape == .accepted {
            table.ratio("import's added peak RSS / body", Double(peak) / Double(body.count))
        } else {
            table.ratio("import's added peak RSS / (body + answer)", Double(peak) / Double(body.count + answerBytes))
        }

        if companySize > 0 {
            let size = try await CompanySizeBench(runs: max(runs, 15)).measure(contacts: companySize, folder: temporaryFolder())
            table.ratio("3-record import, \(companySize) contacts / empty", size, target: "<= 1.5")
        }
        if http {
            try await HTTPBench(runs: runs, shape: shape, records: records).measure(body: body, inProcess: emulator, table: table, folder: temporaryFolder())
        }
    }

    /// The median time of `body` imported on a fresh DEMO company in a data
    /// folder, with the import's added peak memory and its answer's size.
    private func timeImport(_ body: [UInt8], kind: ImportKind) async throws -> (seconds: Double, peak: Int, answerBytes: Int) {
        var peak = 0
        var answerBytes = 0
        let seconds = try await asyncMedian { () async throws -> Double in
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let emulator = try BenchEmulator.make(in: folder, bodySize: body.count)
            MemoryRelease.now()  // pages freed by earlier runs would otherwise hide this one's growth
            ProcessMemory.current.resetPeak()
            let before = ProcessMemory.current.resident ?? 0
            let start = Date()
            let response = await emulator.handle(EmulatorRequest(method: "POST", path: kind.route, body: body))
            let seconds = Date().timeIntervalSince(start)
            peak = max(peak, (ProcessMemory.current.peak ?? 0) - before)
            answerBytes = response.body.count
            try check(response)
            return seconds
        }
        return (seconds, peak, answerBytes)
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

    /// The median of the times `body` reports.
    private func asyncMedian(_ body: () async throws -> Double) async throws -> Double {
        var times: [Double] = []
        for _ in 0..<runs { times.append(try await body()) }
        return times.sorted()[times.count / 2]
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-bench-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw CommandFailure.cannotWrite("cannot create \(url.path): \(FailureReason.of(error))")
        }
        return url
    }

    /// The same rows into a table as wide as `contacts` through the SQLite C API alone:
    /// WAL, one transaction, one reused statement.
    private func rawSQLite(_ rows: [[String]]) throws {
        let width = rows.first?.count ?? 1
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var db: OpaquePointer?
        guard sqlite3_open(folder.appendingPathComponent("raw.sqlite").path, &db) == SQLITE_OK else { throw CommandFailure.cannotWrite("cannot create the baseline database in \(folder.path)") }
        defer { sqlite3_close(db) }
        let columns = (0..<width).map { "c\($0) TEXT" }.joined(separator: ", ")
        sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE t (\(columns), PRIMARY KEY (c0)); BEGIN", nil, nil, nil)
        var statement: OpaquePointer?
        sqlite3_prepare_v2(db, "INSERT INTO t VALUES (\(Array(repeating: "?", count: width).joined(separator: ", ")))", -1, &statement, nil)
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

    /// Fails unless the answer reports every record imported (accepted shape) or none.
    private func check(_ response: EmulatorResponse) throws {
        let json = try JSONParser.parse(response.body)
        guard ImportAnswer(json)?.statistics?.imported == (shape == .accepted ? records : 0) else {
            throw CommandFailure.failed("the import did not store every record: \(DataSnapJSONWriter.string(json).prefix(300))")
        }
    }
}
