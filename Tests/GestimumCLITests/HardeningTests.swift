import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Issue 17, on the built binary: a hostile environment (few descriptors,
/// a full disk, damaged pages) gets a clear answer and the right exit status.
@Suite("Hardening of the built binary", .serialized)
struct HardeningTests {
    static let isRoot = getuid() == 0

    /// A request of `count` new contacts for the DEMO company.
    static func largeRequest(_ count: Int) -> Data {
        let lines = ["\"CCT_CODE;CCT_NOM;CCT_PRENOM\""] + (0..<count).map { "\"C\($0);Nom numéro \($0) assez long;Prénom \($0)\"" }
        let head = #"{"importer_contacts":{"societe":{"fichier":"DEMO.Gestimum","utilisateur":"DEMO"},"parametres":{"statistiques":"Oui","entete":"Oui","fichier_contacts":["#
        return Data((head + lines.joined(separator: ",") + "]}}}").utf8)
    }

    /// A tmpfs of `kilobytes` at a new folder, unmounted and removed by `body`'s end.
    static func withTmpfs<T>(kilobytes: Int, _ body: (URL) throws -> T) throws -> T {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let mount = try Shell.run("mount -t tmpfs -o size=\(kilobytes)k gestimum-test-tmpfs '\(scratch.path)'")
        try #require(mount.status == 0, "mount failed: \(mount.error)")
        defer { _ = try? Shell.run("umount '\(scratch.path)'") }
        return try body(scratch)
    }

    /// Fills the file system of `folder` until `leaving` bytes are free.
    static func fill(_ folder: URL, leaving: Int) throws {
        var stats = statvfs()
        try #require(statvfs(folder.path, &stats) == 0)
        let free = Int(stats.f_bavail) * Int(stats.f_bsize)
        let filler = folder.appendingPathComponent("filler")
        try Data(count: max(0, free - leaving)).write(to: filler)
    }

    // MARK: A full disk

    @Test(.enabled(if: isRoot, "mounting a tmpfs needs root"), .timeLimit(.minutes(2)))
    func importOnAFullDiskExits73NamingTheDataFolder() throws {
        try Self.withTmpfs(kilobytes: 1024) { mount in
            let data = mount.appendingPathComponent("companies")
            #expect(try BuiltBinary.run(["import", ExitCodeTests.seedRequest, "--data", data.path]).status == 0)
            try Self.fill(mount, leaving: 96 * 1024)
            let outcome = try BuiltBinary.run(["import", "-", "--data", data.path], input: Self.largeRequest(20_000))
            #expect(outcome.status == 73, "\(outcome.output.prefix(300)) \(outcome.error)")
            ExitCodeTests.expectPlainSentence(outcome, naming: "cannot write \(data.path)/")
            #expect(outcome.error.contains("full"), "\(outcome.error)")
            #expect(outcome.output.isEmpty)
            // Nothing of the failed import was kept.
            try FileManager.default.removeItem(at: mount.appendingPathComponent("filler"))
            let state = try BuiltBinary.run(["state", "--data", data.path])
            #expect(state.status == 0, "\(state.error)")
            #expect(state.output.contains("CONTACT3") && !state.output.contains("\"C1\""))
        }
    }

    // MARK: Damaged pages

    /// A data folder holding the DEMO company with 2,000 more contacts, four
    /// pages in the middle of its database overwritten with random bytes.
    static func damagedDataFolder(in scratch: URL) throws -> (folder: URL, database: URL) {
        let data = scratch.appendingPathComponent("companies")
        #expect(try BuiltBinary.run(["import", "-", "--data", data.path], input: Self.largeRequest(2_000)).status == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: data.path).first { $0.hasSuffix(".sqlite") })
        let database = data.appendingPathComponent(name)
        #expect(!FileManager.default.fileExists(atPath: database.path + "-wal"))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: database.path)[.size] as? Int)
        let pages = size / 4096
        try #require(pages > 8, "only \(pages) pages")
        // Contact pages in the middle of the file: the company, its users and sessions stay readable.
        let dd = try Shell.run("dd if=/dev/urandom of='\(database.path)' bs=4096 seek=\(pages / 2) count=4 conv=notrunc status=none")
        try #require(dd.status == 0, "\(dd.error)")
        return (data, database)
    }

    @Test(.timeLimit(.minutes(2))) func serveRefusesADamagedCompanyAtStart() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (data, database) = try Self.damagedDataFolder(in: scratch)
        let outcome = try BuiltBinary.run(["serve", "--port", "0", "--data", data.path], timeout: 20)
        #expect(outcome.status == 66, "\(outcome.error)")
        ExitCodeTests.expectPlainSentence(outcome, naming: "cannot read \(database.path): database disk image is malformed")
    }

    @Test(.timeLimit(.minutes(2))) func importIntoADamagedCompanyExits66NamingTheFile() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (data, database) = try Self.damagedDataFolder(in: scratch)
        let outcome = try BuiltBinary.run(["import", ExitCodeTests.seedRequest, "--data", data.path])
        #expect(outcome.status == 66, "\(outcome.output.prefix(300))")
        #expect(!outcome.output.contains("succ"))
        ExitCodeTests.expectPlainSentence(outcome, naming: "cannot read \(database.path): database disk image is malformed")
    }
}

/// Shell commands for the tests: `bash -c`, bounded in time.
enum Shell {
    struct Outcome {
        var status: Int32
        var error: String
    }

    static func run(_ command: String) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, error: String(decoding: data, as: UTF8.self))
    }

    /// A long-running command, its standard error collected in a file.
    final class Running {
        let process: Process
        let errorFile: URL

        init(_ process: Process, errorFile: URL) {
            self.process = process
            self.errorFile = errorFile
        }

        var error: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

        /// User and system CPU time the process has used, from `/proc/PID/stat`.
        func cpuSeconds() throws -> Double {
            let stat = try String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)
            let fields = stat[stat.range(of: ")")!.upperBound...].split(separator: " ")
            // utime and stime are fields 14 and 15; after the command name, 12 and 13 (from 1).
            let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
            return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
        }

        func stop() {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            try? FileManager.default.removeItem(at: errorFile.deletingLastPathComponent())
        }
    }

    static func start(_ command: String) throws -> Running {
        let scratch = try BuiltBinary.scratchFolder()
        let errorFile = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = BuiltBinary.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        return Running(process, errorFile: errorFile)
    }
}


/// `gestimum import` holds a large body once, as the server does (issue 17).
@Suite("Memory of the built binary's import")
struct ImportMemoryTests {
    /// Peak resident kilobytes of `gestimum import FILE --data DIR`, from GNU time.
    static func peakKilobytes(_ request: URL, data: URL) throws -> Int {
        let binary = try #require(BuiltBinary.url)
        let file = request.deletingLastPathComponent().appendingPathComponent("peak")
        let outcome = try Shell.run("/usr/bin/time -f %M -o '\(file.path)' '\(binary.path)' import '\(request.path)' --data '\(data.path)' > /dev/null")
        try #require(outcome.status == 0, "\(outcome.error)")
        return try #require(Int(try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs GNU time"), .timeLimit(.minutes(3)))
    func aLargeBodyCostsAtMostTwiceAndAHalfItsSize() throws {
        let scratch = try BuiltBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let small = scratch.appendingPathComponent("small.json"), large = scratch.appendingPathComponent("large.json")
        try HardeningTests.largeRequest(1).write(to: small)
        let body = HardeningTests.largeRequest(200_000)
        try body.write(to: large)
        let baseline = try Self.peakKilobytes(small, data: scratch.appendingPathComponent("a"))
        let peak = try Self.peakKilobytes(large, data: scratch.appendingPathComponent("b"))
        // Above what the process needs anyway, the body once, its lines once, and the store's work.
        let ratio = Double(peak - baseline) * 1024 / Double(body.count)
        #expect(ratio <= 2.5, "peak \(peak) kB, baseline \(baseline) kB, body \(body.count / 1024) kB: \(ratio)x")
    }
}
