import Foundation
import GestimumEmulator
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// What `gestimum serve` listens on and allows.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Bodies over this size get 413 before they are read.
    public var maxBodySize: Int
    /// Serve the control API (`/_emulator/…`: reset, state, clock, faults, requests).
    public var control: Bool
    /// Connections with no complete request part for this long are closed
    /// (idle ones, and ones trickling their headers).
    public var idleTimeout: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodySize: Int = Emulator.defaultMaxBodySize, control: Bool = false,
                idleTimeout: Duration = .seconds(60)) {
        self.host = host
        self.port = port
        self.maxBodySize = maxBodySize
        self.control = control
        self.idleTimeout = idleTimeout
    }
}

/// The emulator behind Hummingbird: one catch-all responder hands every
/// request, whatever its method and path, to ``Emulator/handle(_:)``, the
/// same entry point as the in-process target. Hummingbird's router would
/// match raw, case-sensitive paths; DataSnap's routing is the emulator's.
public enum EmulatorServer {
    /// The application; `onRunning` gets the bound port (useful with port 0).
    public static func application(
        host: EmulatorHost, configuration: ServerConfiguration, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        MemoryRelease.configure()
        let responder = CallbackResponder<ConnectionContext> { request, context in
            let probe = isProbe(request)
            let served = await respond(to: request, host: host, configuration: configuration, logger: logger)
            if !probe, logger.logLevel <= .info { ServerLogLine(served.entry).write(to: logger) }
            switch served.answer {
            case let .response(answer): return response(answer)
            case .drop:
                context.channel.close(promise: nil)
                return Response(status: .internalServerError)
            }
        }
        let idle = configuration.idleTimeout.components
        let idleTimeout = TimeAmount.nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000)
        let budget = DescriptorBudget.current(companies: host.emulator.registry.companies.count, logger: logger)
        return Application(
            responder: responder,
            server: .http1(configuration: .init(
                additionalChannelHandlers: [ContinueHandler(maxBodySize: configuration.maxBodySize),
                                            BodyRateHandler(window: idleTimeout, logger: logger)],
                idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil,
                                 availableConnectionsDelegate: budget),
            onServerRunning: { channel in
                // Made on the channel's event loop, where it lives: a handler is not Sendable.
                try? await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(AcceptErrorLogger(logger: logger), position: .first)
                }.get()
                await onRunning(channel.localAddress?.port ?? configuration.port)
            },
            logger: logger)
    }

    /// The header `gestimum probe` (the container image's HEALTHCHECK) sends:
    /// its `GET` of the version is answered without a session, no fault fires
    /// on it, and it is in neither the request log nor the server log (D77).
    public static let probeHeader = HTTPField.Name("X-Gestimum-Probe")!

    static func isProbe(_ request: Request) -> Bool { request.headers[probeHeader] != nil }

    static func respond(to request: Request, host: EmulatorHost, configuration: ServerConfiguration, logger: Logger) async -> Served {
        let limit = configuration.maxBodySize
        let path = request.head.path ?? "/"
        let started = ContinuousClock.now
        func unlogged(_ answer: EmulatorResponse, bodyBytes: Int) -> Served {
            let elapsed = ContinuousClock.now - started
            let entry = RequestLog.Entry(
                at: "", method: request.method.rawValue, path: path, session: nil, status: answer.status, bodyBytes: bodyBytes,
                importResult: nil, reason: answer.status >= 400 ? answer.summary.reason : nil, fault: nil,
                milliseconds: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
            return Served(answer: .response(answer), entry: entry)
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return unlogged(.bodyTooLarge(limit: limit), bodyBytes: length)
        }
        var body: [UInt8]
        let expected = request.headers[.contentLength].flatMap { Int($0) }
        do {
            body = try await collect(request.body, upTo: limit, expected: expected)
        } catch let incomplete as IncompleteBody {
            // The client closed (or was closed) before its body was whole: not a 413 (D75).
            return unlogged(.json(400, ImportResponse.error(Messages.incompleteBody(incomplete.received, expected)), session: nil),
                            bodyBytes: incomplete.received)
        } catch {
            return unlogged(.bodyTooLarge(limit: limit), bodyBytes: limit)
        }
        if configuration.control, let answer = await ControlRoutes.answer(request.method.rawValue, path: path, body: body, host: host) {
            return unlogged(answer, bodyBytes: body.count)
        }
        let emulatorRequest = EmulatorRequest(
            method: request.method.rawValue, path: path,
            headers: request.headers.map { ($0.name.rawName, $0.value) }, body: body)
        // A health check sees the emulator, not the test double (D77).
        if isProbe(request), let answer = host.emulator.healthAnswer(emulatorRequest) { return unlogged(answer, bodyBytes: body.count) }
        let served = await host.serve(emulatorRequest)
        let size = body.count
        body = []  // freed before the release below, or a body under glibc's mmap threshold stays in the heap
        if size >= MemoryRelease.threshold { MemoryRelease.now() }
        return served
    }

    /// The body in one array sized from `Content-Length`: no growing buffer
    /// and no second copy, so a large import holds its body once (D66).
    static func collect(_ body: RequestBody, upTo limit: Int, expected length: Int?) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        if let length { bytes.reserveCapacity(min(length, limit)) }
        do {
            for try await part in body {
                guard bytes.count + part.readableBytes <= limit else { throw BodyTooLarge() }
                bytes.append(contentsOf: part.readableBytesView)
            }
        } catch is BodyTooLarge {
            throw BodyTooLarge()
        } catch {
            throw IncompleteBody(received: bytes.count)
        }
        return bytes
    }

    private struct BodyTooLarge: Error {}

    /// The body stopped before its end: the connection closed under it.
    struct IncompleteBody: Error {
        let received: Int
    }

    static func response(_ answer: EmulatorResponse) -> Response {
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(status: .init(code: answer.status), headers: fields, body: body(answer.body))
    }

    /// Bodies are copied to the wire in pieces of this size, so that a large
    /// answer is not held twice (D66).
    public static let responseChunk = 1 << 20

    static func body(_ bytes: [UInt8]) -> ResponseBody {
        guard bytes.count > responseChunk else { return ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)) }
        return ResponseBody(contentLength: bytes.count) { writer in
            var start = 0
            while start < bytes.count {
                let end = min(start + responseChunk, bytes.count)
                try await writer.write(ByteBuffer(bytes: bytes[start..<end]))
                start = end
            }
            try await writer.finish(nil)
            MemoryRelease.now()  // the pieces, and what the import freed while the answer was kept
        }
    }
}
