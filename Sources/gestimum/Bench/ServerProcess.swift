import Foundation

/// A loopback `gestimum serve` started from this executable for the HTTP
/// measurements, on a data folder of its own; stopped by ``stop()``.
final class ServerProcess {
    let port: Int
    let process: Process
    var baseURL: String { "http://127.0.0.1:\(port)" }
    var memory: ProcessMemory { ProcessMemory(pid: String(process.processIdentifier)) }

    init(dataFolder: URL) throws {
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        process.arguments = ["serve", "--port", String(port), "--data", dataFolder.path, "--log-level", "warning"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while (try? Curl.get(baseURL + "/api/rest/Outils/%22Version%22")) != 200 {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw CommandFailure.failed("gestimum serve did not answer on port \(port)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// A port nothing listens on right now (the kernel's pick for port 0).
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CommandFailure.failed("no socket for a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa -> Int32 in
                guard bind(fd, sa, length) == 0 else { return -1 }
                return getsockname(fd, sa, &length)
            }
        }
        guard bound == 0 else { throw CommandFailure.failed("cannot find a free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The `curl` command line: what a user's script would send.
enum Curl {
    static func isInstalled() -> Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") }

    /// The status of a GET.
    static func get(_ url: String) throws -> Int {
        let (output, _) = try run(["-s", "-o", "/dev/null", "-w", "%{http_code}", url])
        return Int(output) ?? 0
    }

    /// POSTs a file; returns the status and curl's total time. `expect`
    /// false sends `Expect:` empty, which stops curl from asking for `100 Continue`.
    static func post(_ url: String, file: URL, answer: URL, expect: Bool) throws -> (status: Int, seconds: Double) {
        var arguments = ["-s", "-o", answer.path, "-w", "%{http_code} %{time_total}", "-X", "POST",
                         "-H", "Content-Type: application/json", "--data-binary", "@" + file.path, url]
        if !expect { arguments.insert(contentsOf: ["-H", "Expect:"], at: 0) }
        let (output, _) = try run(arguments)
        let parts = output.split(separator: " ")
        guard parts.count == 2, let status = Int(parts[0]), let seconds = Double(parts[1]) else {
            throw CommandFailure.failed("unexpected curl output: \(output)")
        }
        return (status, seconds)
    }

    private static func run(_ arguments: [String]) throws -> (String, Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }
}

/// `wrk`, the HTTP load generator, for requests/s and p99 latency.
struct Wrk {
    let executable: URL

    static func find() -> Wrk? {
        for path in ["/usr/bin/wrk", "/usr/local/bin/wrk"] where FileManager.default.isExecutableFile(atPath: path) {
            return Wrk(executable: URL(fileURLWithPath: path))
        }
        return nil
    }

    struct Result {
        var requestsPerSecond: Double
        var p99Milliseconds: Double
    }

    /// A bounded run at `connections` connections; a POST of `body` when given.
    func run(_ url: String, body: URL?, connections: Int, seconds: Int, scratch: URL) throws -> Result {
        var arguments = ["-t2", "-c\(connections)", "-d\(seconds)s", "--latency"]
        if let body {
            let script = scratch.appendingPathComponent("post-\(UUID().uuidString).lua")
            try """
                local f = io.open("\(body.path)", "rb")
                wrk.method = "POST"
                wrk.body = f:read("*all")
                f:close()
                wrk.headers["Content-Type"] = "application/json"
                """.write(to: script, atomically: true, encoding: .utf8)
            arguments += ["-s", script.path]
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if output.contains("Non-2xx") { throw CommandFailure.failed("wrk got error answers from \(url)") }
        var result = Result(requestsPerSecond: 0, p99Milliseconds: .infinity)
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.first == "Requests/sec:", let rate = words.dropFirst().first.flatMap({ Double($0) }) {
                result.requestsPerSecond = rate
            }
            if words.first == "99%", let latency = words.dropFirst().first {
                result.p99Milliseconds = Self.milliseconds(String(latency)) ?? .infinity
            }
        }
        guard result.requestsPerSecond > 0 else { throw CommandFailure.failed("wrk printed no rate for \(url)") }
        return result
    }

    private static func milliseconds(_ text: String) -> Double? {
        for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }
}
