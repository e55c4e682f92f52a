import ArgumentParser
import Foundation
import GestimumEmulator
import Logging

/// `gestimum import`: one request through the emulator's entry point,
/// answered on stdout byte for byte as the server would send it.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Send one request to the in-process emulator and print the answer's body."
    )

    @Argument(help: "The request body (JSON file), or - for standard input.")
    var request: String

    @OptionGroup var companies: CompanyOptions
    @OptionGroup var clock: ClockOptions

    @Option(help: "HTTP method.")
    var method: String = "POST"

    @Option(help: "Raw request path, percent-encoded as on the wire.")
    var path: String = "/api/rest/Contacts/%22Importer%22"

    @Flag(help: "Print the status line and headers before the body.")
    var include = false

    func run() async throws {
        let body = try InputFile.bytes(request, what: "request")
        var logger = Logger(label: "gestimum.import")
        logger.logLevel = .warning
        let emulator = Emulator(
            registry: try companies.makeRegistry(), clock: clock.makeClock(),
            sessionIDs: clock.isScripted ? .seeded() : .random(), logger: logger)
        let response = await emulator.handle(EmulatorRequest(method: method, path: path, body: body))
        // A full disk (73) or a damaged database (66) is the command's failure, not an answer to print (D74).
        if let failure = response.summary.storageFailure { throw failure }
        if include {
            var head = "HTTP/1.1 \(response.status) \(HTTPStatus.reason(response.status))\r\n"
            for header in response.headers { head += "\(header.name): \(header.value)\r\n" }
            FileHandle.standardOutput.write(Data((head + "\r\n").utf8))
        }
        // In pieces, so that a large answer is not copied whole (D66).
        var start = 0
        while start < response.body.count {
            let end = min(start + (1 << 20), response.body.count)
            FileHandle.standardOutput.write(Data(response.body[start..<end]))
            start = end
        }
    }
}
