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
    /// Serve the control API (`/_emulator/reset`, `/_emulator/state`).
    public var control: Bool

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodySize: Int = Emulator.defaultMaxBodySize, control: Bool = false) {
        self.host = host
        self.port = port
        self.maxBodySize = maxBodySize
        self.control = control
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
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let started = ContinuousClock.now
            let response = await respond(to: request, host: host, configuration: configuration, logger: logger)
            let elapsed = ContinuousClock.now - started
            logger.info("\(request.method.rawValue) \(request.head.path ?? "") \(response.status.code)",
                        metadata: ["ms": "\(elapsed.components.attoseconds / 1_000_000_000_000_000 + elapsed.components.seconds * 1000)"])
            return response
        }
        return Application(
            responder: responder,
            server: .http1(configuration: .init(additionalChannelHandlers: [ContinueHandler(maxBodySize: configuration.maxBodySize)])),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    static func respond(to request: Request, host: EmulatorHost, configuration: ServerConfiguration, logger: Logger) async -> Response {
        let limit = configuration.maxBodySize
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return response(.bodyTooLarge(limit: limit))
        }
        let body: [UInt8]
        do {
            body = Array(try await request.body.collect(upTo: limit).readableBytesView)
        } catch {
            return response(.bodyTooLarge(limit: limit))
        }
        let path = request.head.path ?? "/"
        if configuration.control, let answer = await control(request.method.rawValue, path: path, body: body, host: host) {
            return response(answer)
        }
        let emulatorRequest = EmulatorRequest(
            method: request.method.rawValue, path: path,
            headers: request.headers.map { ($0.name.rawName, $0.value) }, body: body)
        let answer = await host.emulator.handle(emulatorRequest)
        if body.count >= MemoryRelease.threshold { MemoryRelease.now() }
        return response(answer)
    }

    /// The control API, or nil when the path is not one of its own.
    static func control(_ method: String, path: String, body: [UInt8], host: EmulatorHost) async -> EmulatorResponse? {
        let bare = String(path.prefix(while: { $0 != "?" }))
        switch (method, bare) {
        case ("POST", ControlAPI.resetPath):
            do {
                let (fixture, clock) = try ControlAPI.readReset(body)
                try host.reset(fixture: fixture, clock: clock)
                return .json(200, .object([("reset", .bool(true))]), session: nil)
            } catch {
                return .json(400, ImportResponse.error("\(error)"), session: nil)
            }
        case ("GET", ControlAPI.statePath):
            do {
                return .json(200, try await StateDocument.build(host.emulator.registry), session: nil)
            } catch {
                return .json(500, ImportResponse.error(FailureReason.of(error)), session: nil)
            }
        default:
            return nil
        }
    }

    static func response(_ answer: EmulatorResponse) -> Response {
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(status: .init(code: answer.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
