import Foundation
import Testing

/// The `gestimum` executable `swift build` left next to the test bundle, run
/// as a user would (as swift-argument-parser tests its examples): arguments
/// in, exit status, standard output and standard error out.
enum BuiltBinary {
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// The package's root, the working directory of every run (`Scenarios/`, `Golden/`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `GESTIMUM_BINARY` when set; else the first `gestimum` found going up
    /// from the test bundle (`.build/<triple>/debug/…xctest` on Linux,
    /// `…xctest/Contents/MacOS/…` on macOS); else the package's `.build/debug/gestimum`.
    static let url: URL? = {
        let manager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["GESTIMUM_BINARY"] { return URL(fileURLWithPath: path) }
        var folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("gestimum")
            if manager.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/gestimum")
        return manager.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }()

    /// Runs `gestimum arguments…` in the package's root and waits for it.
    /// With `timeout`, a process still running after that many seconds is terminated (and its status tells so).
    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:], timeout: Double? = nil) throws -> Outcome {
        let url = try #require(url, "no built gestimum executable: run `swift build` first")
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var variables = ProcessInfo.processInfo.environment
        variables["CI"] = nil
        process.environment = variables.merging(environment) { $1 }
        // Outputs go to files, so a large one cannot block the process on a full pipe.
        let scratch = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout"), errorURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { process.terminate() }
        }
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       output: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
                       error: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    /// A new, empty temporary folder, removed by the caller.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gestimum-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
