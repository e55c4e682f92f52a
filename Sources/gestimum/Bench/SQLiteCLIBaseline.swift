import Foundation

/// The `sqlite3` command-line shell importing the same rows with `.import`
/// into a WAL table shaped like the emulator's `contacts` (one transaction):
/// a second baseline, run only when the shell is installed.
struct SQLiteCLIBaseline {
    let executable: URL

    /// The shell found on `PATH`, or nil.
    static func find() -> SQLiteCLIBaseline? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent("sqlite3")
            if FileManager.default.isExecutableFile(atPath: url.path) { return SQLiteCLIBaseline(executable: url) }
        }
        return nil
    }

    /// Writes the rows as CSV once, for ``run(csv:in:columns:)``.
    static func writeCSV(_ rows: [[String]], to url: URL) throws {
        var text = ""
        text.reserveCapacity(rows.count * 96)
        for row in rows {
            text += row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
            text += "\n"
        }
        try Data(text.utf8).write(to: url)
    }

    /// Seconds the shell takes to create the table and import the file.
    func run(csv: URL, in folder: URL, columns: Int) throws -> Double {
        let database = folder.appendingPathComponent("cli-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        }
        let definitions = ["c0 TEXT PRIMARY KEY"] + (1..<columns).map { "c\($0) TEXT NOT NULL DEFAULT ''" }
        let script = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE contacts (\(definitions.joined(separator: ", ")));
            .import --csv \(csv.path) contacts

            """
        let process = Process()
        process.executableURL = executable
        process.arguments = [database.path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        guard process.terminationStatus == 0 else { throw CommandFailure.failed("sqlite3 .import failed (status \(process.terminationStatus))") }
        return seconds
    }
}
