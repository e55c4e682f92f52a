import Foundation
import GestimumEmulator

/// The import through a loopback `gestimum serve`, sent by curl: the POST
/// against the in-process import, the server's memory, curl's default
/// `Expect: 100-continue`, and small requests at 16 connections (wrk).
struct HTTPBench {
    let runs: Int
    let shape: BenchShape
    let records: Int

    static let importPath = "/api/rest/Contacts/%22Importer%22"
    static let versionPath = "/api/rest/Outils/%22Version%22"

    func measure(body: [UInt8], inProcess: Double, table: BenchTable, folder: URL) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        guard Curl.isInstalled() else {
            print("HTTP: curl is not installed, skipped")
            return
        }
        let bodyFile = folder.appendingPathComponent("body.json")
        try Data(body).write(to: bodyFile)
        let answer = folder.appendingPathComponent("answer.json")

        var times: [Double] = [], peaks: [Double] = [], kept: [Double] = []
        var answerSize = 0
        for run in 0..<runs {
            let server = try ServerProcess(dataFolder: folder.appendingPathComponent("data-\(run)"))
            defer { server.stop() }
            let idle = server.memory.resident ?? 0
            server.memory.resetPeak()
            let (status, seconds) = try Curl.post(server.baseURL + Self.importPath, file: bodyFile, answer: answer, expect: false)
            guard status == 200 else { throw CommandFailure.failed("POST answered \(status)") }
            answerSize = (try? FileManager.default.attributesOfItem(atPath: answer.path)[.size] as? Int) ?? 0
            try CompanySizeBench.expectImported(
                EmulatorResponse(status: 200, headers: [], body: Array(try Data(contentsOf: answer))), shape == .accepted ? records : 0)
            times.append(seconds)
            peaks.append(Double(server.memory.peak ?? 0))
            try await Task.sleep(for: .milliseconds(500))
            kept.append(Double((server.memory.resident ?? 0) - idle))
        }
        let post = medianOf(times)
        table.time("HTTP POST through serve (curl)", seconds: post, records: records)
        // The target is for accepted records; a rejected import also sends its whole journal.
        table.ratio("HTTP POST / in-process import", post / inProcess, target: shape == .accepted ? "<= 1.1" : nil)
        if shape == .accepted {
            table.ratio("server peak RSS / body", (peaks.max() ?? 0) / Double(body.count), target: "<= 3")
        } else {
            table.ratio("server peak RSS / (body + answer)", (peaks.max() ?? 0) / Double(body.count + answerSize), target: "<= 3")
        }
        table.value("server RSS after the import - idle", String(format: "%.0f MiB", (kept.max() ?? 0) / 1_048_576), target: "<= 64 MiB")

        try measureExpect(folder: folder, table: table)
        try measureSmallRequests(folder: folder, table: table)
    }

    /// curl asks for `100 Continue` on bodies over 1 MB and waits up to 1 s
    /// for it: the same POST with and without that header.
    private func measureExpect(folder: URL, table: BenchTable) throws {
        let file = folder.appendingPathComponent("expect.json")
        try Data(BenchShape.accepted.body(records: 20_000)).write(to: file)
        let answer = folder.appendingPathComponent("expect-answer.json")
        let server = try ServerProcess(dataFolder: folder.appendingPathComponent("data-expect"))
        defer { server.stop() }
        var with: [Double] = [], without: [Double] = []
        for _ in 0..<max(runs, 5) {
            for expect in [true, false] {
                let (status, seconds) = try Curl.post(server.baseURL + Self.importPath, file: file, answer: answer, expect: expect)
                guard status == 200 else { throw CommandFailure.failed("POST answered \(status)") }
                if expect { with.append(seconds) } else { without.append(seconds) }
            }
        }
        table.seconds("curl's default Expect: 100-continue costs", max(0, medianOf(with) - medianOf(without)), target: "< 0.3 s")
    }

    /// The documented import and `GET Outils/Version` at 16 connections.
    private func measureSmallRequests(folder: URL, table: BenchTable) throws {
        guard let wrk = Wrk.find() else {
            print("small requests: wrk is not installed (apt-get install wrk), skipped")
            return
        }
        let file = folder.appendingPathComponent("documented.json")
        try Data(CompanySizeBench.documentedBody).write(to: file)
        let server = try ServerProcess(dataFolder: folder.appendingPathComponent("data-small"))
        defer { server.stop() }
        var ratios: [Double] = [], p99s: [Double] = []
        for _ in 0..<runs {
            let version = try wrk.run(server.baseURL + Self.versionPath, body: nil, connections: 16, seconds: 5, scratch: folder)
            let post = try wrk.run(server.baseURL + Self.importPath, body: file, connections: 16, seconds: 5, scratch: folder)
            ratios.append(post.requestsPerSecond / version.requestsPerSecond)
            p99s.append(post.p99Milliseconds)
            print(String(format: "  16 connections: documented POST %.0f req/s (p99 %.2f ms), GET Version %.0f req/s (p99 %.2f ms)",
                         post.requestsPerSecond, post.p99Milliseconds, version.requestsPerSecond, version.p99Milliseconds))
        }
        table.ratio("documented POST / GET Version, 16 connections", medianOf(ratios), target: ">= 0.25")
        table.value("documented POST p99, 16 connections", String(format: "%.2f ms", medianOf(p99s)), target: "< 5 ms")
    }
}
