import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GestimumEmulator
import Testing

/// `Expect: 100-continue` on a raw socket: curl sends it for bodies over
/// 1 MB and waits a second for the interim answer before sending the body.
@Suite("Expect: 100-continue", .serialized)
struct ExpectContinueTests {
    @Test func theInterimAnswerComesBeforeTheBody() async throws {
        let body = try ServerTests.loader.load(id: "documented/seed-example").steps[0].body
        let (interim, final) = try await ServerTests.serving { base, _ in
            let socket = try TestSocket(port: base.port!, timeout: 30)
            try socket.send("POST \(ServerTests.importPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\nExpect: 100-continue\r\n\r\n")
            let interim = try socket.receiveHead()
            try socket.send(body)
            return (interim, try socket.receiveHead())
        }
        #expect(interim.hasPrefix("HTTP/1.1 100 Continue"))
        #expect(final.hasPrefix("HTTP/1.1 200 OK"))
    }

    @Test func aBodyOverTheLimitGets413WithoutTheInterimAnswer() async throws {
        let head = try await ServerTests.serving(maxBodySize: 4_096) { base, _ in
            let socket = try TestSocket(port: base.port!, timeout: 30)
            try socket.send("POST \(ServerTests.importPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
            return try socket.receiveHead()
        }
        #expect(head.hasPrefix("HTTP/1.1 413"))
    }
}
